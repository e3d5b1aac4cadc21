using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace MentorBot.Slack.Api;

/// <summary>
/// The Web API methods MentorBot uses, relative to <c>Slack:ApiBaseUrl</c>. <c>ok:false</c> becomes a
/// <see cref="SlackApiException"/>; a 429 that outlasts the short in-call retries becomes a
/// <see cref="SlackRateLimitedException"/> so the caller can park the work. A timed-out POST is never re-sent.
/// </summary>
public sealed class SlackApiClient(HttpClient http, IOptions<SlackOptions> options, ILogger<SlackApiClient> logger)
{
    /// <summary>Used when a 429 carries no usable Retry-After.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    private string? _stoppedBy;

    /// <summary>True once Slack said the app was uninstalled or its token revoked: every later call fails fast.</summary>
    public bool IsStopped => Volatile.Read(ref _stoppedBy) is not null;

    /// <summary>Stops all sending (app_uninstalled, tokens_revoked); true the first time, so the caller logs once.</summary>
    public bool StopSending(string reason) => Interlocked.CompareExchange(ref _stoppedBy, reason, null) is null;

    public async Task<AuthTestResult> AuthTestAsync(CancellationToken ct)
    {
        var r = await CallFormAsync("auth.test", [], ct);
        return new AuthTestResult(Str(r, "user_id") ?? "", Str(r, "bot_id"), Str(r, "team_id"), Str(r, "team"));
    }

    public async Task<PostedMessage> PostMessageAsync(string channel, string text, JsonArray? blocks, CancellationToken ct, JsonObject? metadata = null)
    {
        var args = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false };
        if (blocks is not null) args["blocks"] = blocks.DeepClone();
        if (metadata is not null) args["metadata"] = metadata.DeepClone();
        var r = await CallJsonAsync("chat.postMessage", args, ct);
        return new PostedMessage(Str(r, "channel") ?? channel, Str(r, "ts") ?? "");
    }

    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken ct)
    {
        var args = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks?.DeepClone() ?? new JsonArray() };
        return CallJsonAsync("chat.update", args, ct);
    }

    public Task PostEphemeralAsync(string channel, string user, string text, JsonArray? blocks, CancellationToken ct)
    {
        var args = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        if (blocks is not null) args["blocks"] = blocks.DeepClone();
        return CallJsonAsync("chat.postEphemeral", args, ct);
    }

    /// <summary>The DM channel between the bot and a user (conversations.open is idempotent).</summary>
    public async Task<string> OpenDmAsync(string userId, CancellationToken ct)
    {
        var r = await CallFormAsync("conversations.open", new() { ["users"] = userId }, ct);
        return r.GetProperty("channel").GetProperty("id").GetString() ?? throw new SlackApiException("conversations.open", "no_channel");
    }

    /// <summary>Opens the DM with a user and posts into it.</summary>
    public async Task<PostedMessage> SendDmAsync(string userId, string text, JsonArray? blocks, CancellationToken ct, JsonObject? metadata = null) =>
        await PostMessageAsync(await OpenDmAsync(userId, ct), text, blocks, ct, metadata);

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken ct)
    {
        var r = await CallFormAsync("users.info", new() { ["user"] = userId }, ct);
        return SlackJson.Deserialize<SlackUser>(r.GetProperty("user"));
    }

    /// <summary>A user's custom profile fields (field id → value), from users.profile.get (scope users.profile:read).</summary>
    public async Task<IReadOnlyDictionary<string, string>> GetProfileFieldsAsync(string userId, CancellationToken ct)
    {
        var r = await CallFormAsync("users.profile.get", new() { ["user"] = userId }, ct);
        var fields = new Dictionary<string, string>();
        if (r.TryGetProperty("profile", out var profile) && profile.TryGetProperty("fields", out var all) && all.ValueKind == System.Text.Json.JsonValueKind.Object)
            foreach (var field in all.EnumerateObject())
                if (field.Value.ValueKind == System.Text.Json.JsonValueKind.Object && field.Value.TryGetProperty("value", out var value) && value.GetString() is { Length: > 0 } text)
                    fields[field.Name] = text;
        return fields;
    }

    public async Task<SlackConversation> GetConversationAsync(string channelId, CancellationToken ct)
    {
        var r = await CallFormAsync("conversations.info", new() { ["channel"] = channelId }, ct);
        return SlackJson.Deserialize<SlackConversation>(r.GetProperty("channel"));
    }

    public async Task<string> OpenViewAsync(string triggerId, JsonObject view, CancellationToken ct)
    {
        var r = await CallJsonAsync("views.open", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, ct);
        return r.GetProperty("view").GetProperty("id").GetString() ?? "";
    }

    public Task PushViewAsync(string triggerId, JsonObject view, CancellationToken ct) =>
        CallJsonAsync("views.push", new JsonObject { ["trigger_id"] = triggerId, ["view"] = view.DeepClone() }, ct);

    public Task UpdateViewAsync(string viewId, JsonObject view, string? hash, CancellationToken ct)
    {
        var args = new JsonObject { ["view_id"] = viewId, ["view"] = view.DeepClone() };
        if (hash is not null) args["hash"] = hash;
        return CallJsonAsync("views.update", args, ct);
    }

    public Task PublishHomeAsync(string userId, JsonObject view, CancellationToken ct) =>
        CallJsonAsync("views.publish", new JsonObject { ["user_id"] = userId, ["view"] = view.DeepClone() }, ct);

    /// <summary>Uploads a file into a conversation (files.getUploadURLExternal, upload, files.completeUploadExternal).</summary>
    public async Task UploadFileAsync(string channelId, string fileName, string title, byte[] content, string comment, CancellationToken ct)
    {
        var ticket = await CallFormAsync("files.getUploadURLExternal",
            new() { ["filename"] = fileName, ["length"] = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
        var uploadUrl = Str(ticket, "upload_url") ?? throw new SlackApiException("files.getUploadURLExternal", "no_upload_url");
        using (var upload = new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(content) })
        using (var uploaded = await http.SendAsync(upload, ct))
            if (!uploaded.IsSuccessStatusCode) throw new SlackApiException("file upload", $"http_{(int)uploaded.StatusCode}");
        var files = new JsonArray(new JsonObject { ["id"] = Str(ticket, "file_id"), ["title"] = title });
        await CallJsonAsync("files.completeUploadExternal",
            new JsonObject { ["files"] = files, ["channel_id"] = channelId, ["initial_comment"] = comment }, ct);
    }

    /// <summary>Posts to an interaction's response_url (the URL is the credential: no token is sent).</summary>
    public async Task RespondAsync(string responseUrl, JsonObject message, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(message) };
        using var response = await SendAsync("response_url", request, ct);
        if (!response.IsSuccessStatusCode) throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
    }

    /// <summary>A fresh, single-use Socket Mode WebSocket URL (needs the app-level token).</summary>
    public async Task<Uri> OpenSocketConnectionAsync(CancellationToken ct)
    {
        var r = await CallFormAsync("apps.connections.open", [], ct, options.Value.AppToken);
        return new Uri(Str(r, "url") ?? throw new SlackApiException("apps.connections.open", "no_url"));
    }

    public Task<JsonElement> CallJsonAsync(string method, JsonObject args, CancellationToken ct) =>
        CallAsync(method, Json(args), ct, null);

    public Task<JsonElement> CallFormAsync(string method, Dictionary<string, string> args, CancellationToken ct, string? token = null) =>
        CallAsync(method, new FormUrlEncodedContent(args), ct, token);

    private async Task<JsonElement> CallAsync(string method, HttpContent content, CancellationToken ct, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? options.Value.BotToken);
        using var response = await SendAsync(method, request, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
            throw new SlackRateLimitedException(method, RetryAfter(response));
        if (!response.IsSuccessStatusCode)
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}");

        JsonElement body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<JsonElement>(SlackJson.Options, ct);
        }
        catch (JsonException)
        {
            throw new SlackApiException(method, "invalid_response");
        }
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.True)
            return body;

        var error = body.ValueKind == JsonValueKind.Object ? Str(body, "error") ?? "unknown_error" : "invalid_response";
        if (error is "ratelimited" or "rate_limited") throw new SlackRateLimitedException(method, RetryAfter(response));
        logger.LogDebug("Slack {Method} answered {Error}", method, error);
        throw new SlackApiException(method, error, Details(body));
    }

    private async Task<HttpResponseMessage> SendAsync(string method, HttpRequestMessage request, CancellationToken ct)
    {
        if (IsStopped) throw new SlackApiException(method, "token_revoked", "sending stopped by " + _stoppedBy);
        try
        {
            return await http.SendAsync(request, ct);
        }
        catch (TimeoutRejectedException)
        {
            // Slack may have acted on it already; the caller decides whether a repeat is safe.
            throw new SlackApiException(method, "timeout");
        }
        catch (HttpRequestException ex)
        {
            throw new SlackApiException(method, "unreachable", ex.HttpRequestError.ToString());
        }
    }

    internal static TimeSpan RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta && delta >= TimeSpan.Zero) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is { } wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return DefaultRetryAfter;
    }

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(SlackJson.Options), Encoding.UTF8, "application/json");

    private static string? Details(JsonElement body) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty("response_metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
        && meta.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? string.Join("; ", messages.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString() : m.GetRawText())) : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

public sealed record SlackConversation
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public bool IsMember { get; init; }
    public bool IsPrivate { get; init; }
    public bool IsArchived { get; init; }
}
