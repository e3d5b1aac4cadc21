using System.Buffers;
using System.Text;
using System.Text.Json;
using MentorBot.Slack.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack.Http;

/// <summary>
/// POST /slack/events: Events API JSON, slash commands and interactivity on one URL, as Bolt apps take them.
/// The body is read once (size-capped), verified, parsed, then handed to the <see cref="SlackRouter"/>.
/// </summary>
public static class SlackHttpEndpoint
{
    public static IEndpointConventionBuilder MapSlack(this IEndpointRouteBuilder app, string path = "/slack/events") =>
        app.MapPost(path, HandleAsync);

    private static async Task HandleAsync(HttpContext http, IOptions<SlackOptions> options, SlackRouter router,
        FollowUps followUps, TimeProvider time, IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    {
        var log = loggers.CreateLogger(typeof(SlackHttpEndpoint));
        var body = await ReadCappedAsync(http.Request, options.Value.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            log.LogWarning("Refused a Slack request larger than {MaxBytes} bytes", options.Value.MaxBodyBytes);
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            // Close rather than let the server drain (read and discard) the rest of a huge upload.
            http.Response.Headers.Connection = "close";
            return;
        }

        var isForm = http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;
        var check = SlackSignature.Verify(options.Value.SigningSecret,
            http.Request.Headers["X-Slack-Request-Timestamp"], body, http.Request.Headers["X-Slack-Signature"], time.GetUtcNow());

        // Slack's ssl_check is the one unsigned request; it carries nothing to act on, even if it pretends to.
        if (isForm && IsSslCheck(body))
            return;
        if (check != SignatureCheck.Valid)
        {
            log.LogWarning("Refused a Slack request: signature check {Result}", check);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var request = isForm ? ParseForm(body) : await ParseJsonAsync(http, body, log);
        if (request is null)
        {
            if (!http.Response.HasStarted && http.Response.StatusCode == StatusCodes.Status200OK)
            {
                log.LogWarning("Dropped a signed Slack request that did not parse ({ContentType})", http.Request.ContentType);
                http.Response.StatusCode = StatusCodes.Status400BadRequest;
                http.Response.Headers["X-Slack-No-Retry"] = "1";
            }
            return;
        }

        // Not RequestAborted: work that outlives the deadline must not stop when Slack hangs up after the ack.
        var ack = await router.DispatchInTimeAsync(request, lifetime.ApplicationStopping);
        if (ack.Body is not null)
            await http.Response.WriteAsJsonAsync(ack.Body, SlackJson.Options, "application/json; charset=utf-8", http.RequestAborted);
        await http.Response.CompleteAsync();
        await followUps.AfterAckAsync(request, ack);
    }

    private static SlackRequest? ParseForm(byte[] body)
    {
        try
        {
            return SlackRequest.FromForm(Encoding.UTF8.GetString(body));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static async Task<SlackRequest?> ParseJsonAsync(HttpContext http, byte[] body, ILogger log)
    {
        JsonElement json;
        try
        {
            json = SlackRequest.ParseObject(Encoding.UTF8.GetString(body));
        }
        catch (JsonException)
        {
            return null;
        }
        var type = json.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "url_verification":
                var challenge = json.TryGetProperty("challenge", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : "";
                http.Response.ContentType = "text/plain";
                await http.Response.WriteAsync(challenge ?? "", http.RequestAborted);
                return null;
            case "app_rate_limited":
                log.LogWarning("Slack reports that this app went over the Events API delivery limit; some events were not delivered");
                return null;
            default:
                int.TryParse(http.Request.Headers["X-Slack-Retry-Num"], out var retryNum);
                return SlackRequest.FromEventJson(json, retryNum, http.Request.Headers["X-Slack-Retry-Reason"]);
        }
    }

    private static bool IsSslCheck(byte[] body) =>
        body.Length < 4096 && QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body)).TryGetValue("ssl_check", out var v) && v == "1";

    /// <summary>The whole body, or null as soon as it passes <paramref name="max"/> bytes (nothing more is buffered).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        // The server enforces the cap too, so a refused upload ends the connection instead of being drained.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = max;
        if (request.ContentLength > max) return null;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(max + 1, 64 * 1024));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, max + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, max + 1) - length), ct);
                }
                catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
                {
                    return null;
                }
                if (read == 0) return buffer.AsSpan(0, length).ToArray();
                length += read;
                if (length > max) return null;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
