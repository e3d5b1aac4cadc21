using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.FakeSlack;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MentorBot.Tests.Support;

/// <summary>One Web API call (or response_url post) the fake received. <see cref="Args"/> holds the form or JSON body.</summary>
public sealed record SlackCall(string Method, string? Token, JsonObject Args, DateTimeOffset At, string? Rejected)
{
    public string? Arg(string name) => Args[name] is JsonValue v ? v.ToString() : Args[name]?.ToJsonString();

    /// <summary>Every bit of text the call would show a person (text, blocks, view), for privacy checks.</summary>
    public string Visible => Args.ToJsonString();
}

/// <summary>
/// A Slack Web API on loopback (port 0), on the same server as the playground's stand-in (<see cref="LoopbackSlack"/>):
/// records calls, answers with Slack-shaped bodies, and can be told to fail, rate-limit or stall. Like Slack, it
/// rejects Block Kit that breaks Slack's limits (invalid_blocks).
/// </summary>
public sealed class FakeSlackApi : ISlackBehaviour, IAsyncDisposable
{
    private LoopbackSlack _server = null!;
    private readonly ConcurrentQueue<SlackCall> _calls = new();
    private readonly ConcurrentDictionary<string, Func<SlackCall, object>> _responders = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<HttpContext, Task<bool>>>> _scripts = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _delays = new();
    private readonly SemaphoreSlim _callArrived = new(0);
    private int _sequence;

    private FakeSlackApi() => SocketMode = new FakeSocketMode(this);

    /// <summary>The Socket Mode WebSocket server apps.connections.open hands out URLs for.</summary>
    public FakeSocketMode SocketMode { get; }

    public string Root => _server.Root;
    public string BaseUrl => _server.ApiBaseUrl;

    /// <summary>users.info answers: a plain human in UTC unless a test says otherwise.</summary>
    public ConcurrentDictionary<string, JsonObject> Users { get; } = new();

    /// <summary>users.profile.get answers: user id → the profile's "fields" object (custom fields by id).</summary>
    public ConcurrentDictionary<string, JsonObject> ProfileFields { get; } = new();

    /// <summary>conversations.info answers; channels not listed are public ones the bot is a member of.</summary>
    public ConcurrentDictionary<string, JsonObject> Channels { get; } = new();

    /// <summary>Everything posted to file upload URLs, by file id.</summary>
    public ConcurrentDictionary<string, byte[]> Uploads { get; } = new();

    /// <summary>Extra routes (the Socket Mode server adds its WebSocket here).</summary>
    public static Action<WebApplication, FakeSlackApi>? Extensions { get; set; }

    /// <summary>Starts on a free loopback port, or on <paramref name="port"/> (to come back where a client expects it).</summary>
    public static async Task<FakeSlackApi> StartAsync(int port = 0)
    {
        var fake = new FakeSlackApi();
        fake._server = await LoopbackSlack.StartAsync(fake, port, app =>
        {
            app.UseWebSockets();
            app.Map(FakeSocketMode.Path, fake.SocketMode.AcceptAsync);
            Extensions?.Invoke(app, fake);
        });
        return fake;
    }

    public string ResponseUrl(string id = "cmd") => Root + "response/" + id;

    public void AddUser(string id, string name, string? tz = "UTC", bool isAdmin = false, bool deleted = false, bool isBot = false) =>
        Users[id] = new JsonObject
        {
            ["id"] = id, ["name"] = name.ToLowerInvariant(), ["real_name"] = name, ["tz"] = tz,
            ["is_admin"] = isAdmin, ["is_owner"] = false, ["deleted"] = deleted, ["is_bot"] = isBot,
            ["profile"] = new JsonObject { ["display_name"] = name, ["real_name"] = name },
        };

    /// <summary>The DM channel id the fake hands out for a user.</summary>
    public static string DmOf(string userId) => "D" + userId;

    public IReadOnlyList<SlackCall> Calls(string? method = null) =>
        _calls.Where(c => method is null || c.Method == method).ToList();

    /// <summary>Messages posted into a user's DM (chat.postMessage to their D channel).</summary>
    public IReadOnlyList<SlackCall> DmsTo(string userId) =>
        Calls("chat.postMessage").Where(c => c.Arg("channel") == DmOf(userId) && c.Rejected is null).ToList();

    public void Respond(string method, Func<SlackCall, object> responder) => _responders[method] = responder;

    public void FailNext(string method, string error, int times = 1) =>
        Script(method, times, async http => { await http.Response.WriteAsJsonAsync(new { ok = false, error }); return true; });

    public void RateLimitNext(string method, int retryAfterSeconds, int times = 1) =>
        Script(method, times, async http =>
        {
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
            return true;
        });

    /// <summary>The next calls get whatever <paramref name="answer"/> writes (odd headers, broken bodies …).</summary>
    public void AnswerNext(string method, Func<HttpContext, Task> answer, int times = 1) =>
        Script(method, times, async http => { await answer(http); return true; });

    public void ServerErrorNext(string method, int times = 1) =>
        Script(method, times, http => { http.Response.StatusCode = 500; return Task.FromResult(true); });

    /// <summary>For <see cref="Delay"/>: every Web API method.</summary>
    public const string AnyMethod = "*";

    /// <summary>Every call to the method waits this long before answering (recorded first, as a slow Slack would).</summary>
    public void Delay(string method, TimeSpan delay) => _delays[method] = delay;

    public void Reset()
    {
        _calls.Clear();
        _scripts.Clear();
        _delays.Clear();
        _responders.Clear();
    }

    /// <summary>Waits (up to 5 s by default) for a call that matches; returns it, or fails the test.</summary>
    public async Task<SlackCall> WaitForCallAsync(string method, Func<SlackCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var found = _calls.FirstOrDefault(c => c.Method == method && (match is null || match(c)));
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"No {method} call arrived. Calls so far: {string.Join(", ", _calls.Select(c => c.Method))}");
            await _callArrived.WaitAsync(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Waits until <paramref name="count"/> matching calls were recorded.</summary>
    public async Task<IReadOnlyList<SlackCall>> WaitForCallsAsync(string method, int count, Func<SlackCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = _calls.Where(c => c.Method == method && (match is null || match(c))).ToList();
            if (found.Count >= count) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Only {found.Count} of {count} {method} calls arrived.");
            await _callArrived.WaitAsync(TimeSpan.FromMilliseconds(50));
        }
    }

    private void Script(string method, int times, Func<HttpContext, Task<bool>> answer)
    {
        var queue = _scripts.GetOrAdd(method, _ => new ConcurrentQueue<Func<HttpContext, Task<bool>>>());
        for (var i = 0; i < times; i++) queue.Enqueue(answer);
    }

    private SlackCall Record(string method, string? token, JsonObject args, string? rejected)
    {
        var call = new SlackCall(method, token, args, DateTimeOffset.UtcNow, rejected);
        _calls.Enqueue(call);
        _callArrived.Release();
        return call;
    }

    public async Task AnswerApiAsync(string method, string? token, JsonObject args, HttpContext http)
    {
        var problems = method is "chat.postMessage" or "chat.update" or "chat.postEphemeral" or "views.open" or "views.update" or "views.push" or "views.publish"
            ? BlockKitChecker.Check(method, args) : [];
        var call = Record(method, token, args, problems.Count > 0 ? string.Join("; ", problems) : null);

        if (_delays.TryGetValue(method, out var delay) || _delays.TryGetValue(AnyMethod, out delay)) await Task.Delay(delay);
        if (_scripts.TryGetValue(method, out var queue) && queue.TryDequeue(out var scripted) && await scripted(http)) return;
        if (problems.Count > 0)
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "invalid_blocks", response_metadata = new { messages = problems } });
            return;
        }
        if (token is null || !(token.StartsWith("xoxb-") || token.StartsWith("xapp-")))
        {
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "not_authed" });
            return;
        }
        var answer = _responders.TryGetValue(method, out var responder) ? responder(call) : DefaultAnswer(call);
        await http.Response.WriteAsJsonAsync(answer);
    }

    public async Task AnswerResponseUrlAsync(string id, JsonObject args, HttpContext http)
    {
        args["response_url_id"] = id;
        var problems = BlockKitChecker.Check("response_url", args);
        Record("response_url", null, args, problems.Count > 0 ? string.Join("; ", problems) : null);
        if (problems.Count > 0)
        {
            http.Response.StatusCode = 400;
            await http.Response.WriteAsync("invalid_blocks");
            return;
        }
        await http.Response.WriteAsync("ok");
    }

    public Task AnswerUploadAsync(string id, byte[] content, HttpContext http)
    {
        Uploads[id] = content;
        return Task.CompletedTask;
    }

    private object DefaultAnswer(SlackCall call)
    {
        var n = Interlocked.Increment(ref _sequence);
        var ts = $"{1_700_000_000 + n}.{n:000000}";
        switch (call.Method)
        {
            case "auth.test":
                return new { ok = true, user_id = "UBOT", bot_id = "BBOT", team_id = "T1", team = "Test team", url = "https://test.slack.com/" };
            case "conversations.open":
                return new { ok = true, channel = new { id = DmOf(call.Arg("users") ?? "") } };
            case "chat.postMessage":
                return new { ok = true, channel = call.Arg("channel"), ts, message = new { text = call.Arg("text"), ts } };
            case "chat.update":
                return new { ok = true, channel = call.Arg("channel"), ts = call.Arg("ts") };
            case "chat.postEphemeral":
                return new { ok = true, message_ts = ts };
            case "users.info":
                var id = call.Arg("user") ?? "";
                if (!Users.TryGetValue(id, out var user)) AddUser(id, "User " + id);
                return new { ok = true, user = Users[id] };
            case "conversations.info":
                var channel = call.Arg("channel") ?? "";
                return Channels.TryGetValue(channel, out var info)
                    ? new { ok = true, channel = info }
                    : new { ok = true, channel = new JsonObject { ["id"] = channel, ["name"] = "programme", ["is_member"] = true } };
            case "views.open" or "views.push" or "views.update" or "views.publish":
                var view = call.Args["view"]?.DeepClone() as JsonObject ?? new JsonObject();
                view["id"] = call.Arg("view_id") ?? $"V{n:0000}";
                view["hash"] = $"hash-{n}";
                return new { ok = true, view };
            case "apps.connections.open":
                // Like Slack: only an app-level token may open a socket, and every URL is single use.
                return call.Token?.StartsWith("xapp-") == true
                    ? new { ok = true, url = SocketMode.NewUrl() }
                    : new { ok = false, error = "not_allowed_token_type" };
            case "users.profile.get":
                return ProfileFields.TryGetValue(call.Arg("user") ?? "", out var fields)
                    ? new { ok = true, profile = new JsonObject { ["fields"] = fields.DeepClone() } }
                    : new { ok = true, profile = new JsonObject() };
            case "files.getUploadURLExternal":
                return new { ok = true, upload_url = _server.UploadUrl($"F{n}"), file_id = $"F{n}" };
            default:
                return new { ok = true };
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
