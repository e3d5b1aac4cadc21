using System.Net;
using System.Text.Json.Nodes;
using System.Text.Json;
using MentorBot.Slack;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;

namespace MentorBot.Tests.Support;

/// <summary>
/// The real MentorBot (its Program) on an in-memory server, talking to a <see cref="FakeSlackApi"/> over loopback,
/// with a real LiteDB file and a <see cref="FakeTimeProvider"/>. Requests into it are really signed.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-bot-token-do-not-log";
    public const string AppToken = "xapp-test-app-token-do-not-log";
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // a Monday

    private readonly WebApplicationFactory<Program> _factory;

    private TestApp(WebApplicationFactory<Program> factory, FakeSlackApi slack, TempDatabase db, FakeTimeProvider time, LogCapture logs)
    {
        _factory = factory;
        Slack = slack;
        Db = db;
        Time = time;
        Logs = logs;
        lock (HostStart.Gate) Client = factory.CreateClient(); // starts the host
        _databasePath = factory.Services.GetRequiredService<MentorBot.Storage.MentorDb>().Path;
    }

    private readonly string _databasePath;

    public FakeSlackApi Slack { get; }
    public TempDatabase Db { get; }
    public FakeTimeProvider Time { get; }
    public LogCapture Logs { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;

    /// <summary>Every JSON body the app answered a command or interaction with (the Block Kit contract test reads these).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<JsonObject> Replies { get; } = new();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Starts the app. Pass the same <paramref name="db"/> and <paramref name="time"/> again to simulate a restart.</summary>
    public static Task<TestApp> StartAsync(FakeSlackApi slack, TempDatabase db, FakeTimeProvider? time = null,
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        time ??= new FakeTimeProvider(DefaultStart);
        var logs = new LogCapture();
        var all = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = BotToken,
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
            ["Storage:DatabasePath"] = db.Path,
            ["Nudges:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Testing");
            foreach (var (key, value) in all) web.UseSetting(key, value);
            web.ConfigureLogging(logging => logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
            web.ConfigureTestServices(testServices =>
            {
                testServices.AddSingleton<TimeProvider>(time);
                testServices.AddSingleton(time);
                services?.Invoke(testServices);
            });
        });
        var app = new TestApp(factory, slack, db, time, logs);
        return Task.FromResult(app);
    }

    /// <summary>Convenience: a fresh fake Slack, database and app in one go (dispose the result to clean all three).</summary>
    public static async Task<TestApp> StartFreshAsync(IDictionary<string, string?>? settings = null, FakeTimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var app = await StartAsync(slack, new TempDatabase(), time, settings, services);
        app._ownsFakes = true;
        return app;
    }

    private bool _ownsFakes;

    public Task<HttpResponseMessage> PostSignedAsync(string body, string contentType, DateTimeOffset? at = null, string secret = SlackSigner.Secret) =>
        Client.SendAsync(SlackSigner.Signed(body, contentType, at ?? Time.GetUtcNow(), secret));

    /// <summary>Runs a slash command as <paramref name="userId"/> and returns Slack's view of the immediate answer.</summary>
    public async Task<CommandReply> CommandAsync(string command, string text, string userId = "UMENTEE", string? triggerId = "trigger-1")
    {
        var fields = new Dictionary<string, string>
        {
            ["token"] = "deprecated", ["team_id"] = "T1", ["team_domain"] = "test", ["channel_id"] = "C1", ["channel_name"] = "general",
            ["user_id"] = userId, ["user_name"] = userId.ToLowerInvariant(), ["command"] = command, ["text"] = text,
            ["api_app_id"] = "A1", ["is_enterprise_install"] = "false", ["response_url"] = Slack.ResponseUrl("cmd-" + userId),
            ["trigger_id"] = triggerId ?? "",
        };
        var started = DateTime.UtcNow;
        var response = await PostSignedAsync(SlackSigner.Form(fields), "application/x-www-form-urlencoded");
        var reply = await CommandReply.ReadAsync(response, DateTime.UtcNow - started);
        if (reply.Body is { } body) Replies.Enqueue(body);
        return reply;
    }

    /// <summary>Sends an interactivity payload (block_actions, view_submission …) as Slack does: form field <c>payload</c>.</summary>
    public async Task<HttpResponseMessage> InteractAsync(JsonObject payload)
    {
        var response = await PostSignedAsync("payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");
        await response.Content.LoadIntoBufferAsync();
        var content = await response.Content.ReadAsStringAsync();
        if (content.StartsWith('{') && JsonNode.Parse(content) is JsonObject body) Replies.Enqueue(body);
        return response;
    }

    /// <summary>Sends an Events API event_callback wrapping <paramref name="innerEvent"/>.</summary>
    public Task<HttpResponseMessage> EventAsync(JsonObject innerEvent, string? eventId = null, int retryNum = 0)
    {
        var envelope = new JsonObject
        {
            ["token"] = "deprecated", ["team_id"] = "T1", ["api_app_id"] = "A1", ["type"] = "event_callback",
            ["event_id"] = eventId ?? "Ev" + Guid.NewGuid().ToString("N")[..10], ["event_time"] = Time.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = innerEvent,
        };
        var request = SlackSigner.Signed(envelope.ToJsonString(), "application/json", Time.GetUtcNow());
        if (retryNum > 0)
        {
            request.Headers.Add("X-Slack-Retry-Num", retryNum.ToString());
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }
        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await WaitUntilTheDatabaseIsClosedAsync();
        // Secrets never reach the log, whatever the test did.
        var log = Logs.AllText;
        Assert.DoesNotContain(BotToken, log);
        Assert.DoesNotContain(AppToken, log);
        Assert.DoesNotContain(SlackSigner.Secret, log);
        if (_ownsFakes)
        {
            await Slack.DisposeAsync();
            Db.Dispose();
        }
    }

    /// <summary>
    /// Program's own <c>app.RunAsync()</c> disposes the host (and with it the database) on the entry point's thread, which
    /// can still be closing the file after the factory's DisposeAsync has returned. A restart on the same file must wait
    /// for that, as a real restart waits for the old process to exit: MentorDb lets go of its lock file last.
    /// </summary>
    private async Task WaitUntilTheDatabaseIsClosedAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                using (new FileStream(MentorBot.Storage.MentorDb.LockFileOf(_databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)) { }
                return;
            }
            catch (IOException)
            {
                // Past the deadline the next start says clearly that the file is still in use.
                if (DateTime.UtcNow > deadline) return;
                await Task.Delay(10);
            }
        }
    }
}

/// <summary>The immediate answer to a slash command, as the user would see it.</summary>
public sealed record CommandReply(HttpStatusCode Status, JsonObject? Body, TimeSpan Elapsed)
{
    public string Text => Body?["text"]?.ToString() ?? "";

    public string ResponseType => Body?["response_type"]?.ToString() ?? "";

    public JsonArray Blocks => Body?["blocks"] as JsonArray ?? [];

    /// <summary>Text plus every block's text: what the user reads.</summary>
    public string AllText => Text + "\n" + (Body?["blocks"]?.ToJsonString() ?? "");

    public static async Task<CommandReply> ReadAsync(HttpResponseMessage response, TimeSpan elapsed)
    {
        var content = await response.Content.ReadAsStringAsync();
        JsonObject? body = null;
        if (content.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(content) as JsonObject;
            }
            catch (JsonException)
            {
                body = new JsonObject { ["text"] = content };
            }
        }
        return new CommandReply(response.StatusCode, body, elapsed);
    }
}
