using System.Collections.Concurrent;
using System.Diagnostics;
using MentorBot.Cadences;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack;
using MentorBot.Storage;
using MentorBot;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;

namespace MentorBot.Benchmarks;

/// <summary>
/// 5,000 pairs due in the same minute (among 100,000 stored) against a fake Slack that allows about one message per
/// second per channel and a workspace-wide cap per second, answering 429 beyond either. Prints delivery time, 429s,
/// duplicates, missed, and the scheduler's CPU per tick.
/// </summary>
public static class CheckInsBenchmark
{
    private const int Stored = 100_000;
    private const int Due = 5_000;
    private const int WorkspacePerSecond = 400;

    public static async Task RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("mentorbot-bench-").FullName;
        await using var slack = await FakeRateLimitedSlack.StartAsync(WorkspacePerSecond);
        await using var app = BenchHost.Build(folder, slack.BaseUrl);

        var db = app.Services.GetRequiredService<MentorDb>();
        var pairs = app.Services.GetRequiredService<PairStore>();
        var store = app.Services.GetRequiredService<CheckInStore>();
        // Round the clock, every day: this measures throughput, not quiet hours.
        app.Services.GetRequiredService<ProgrammeSettingsStore>().Save(new ProgrammeSettings
        {
            WorkdayStart = new TimeOnly(0, 0), WorkdayEnd = new TimeOnly(23, 59), WorkingDays = Enum.GetValues<DayOfWeek>(),
        });
        var jobs = app.Services.GetRequiredService<PeriodicJobs>();
        var scheduler = app.Services.GetRequiredService<CheckInScheduler>();

        var now = DateTimeOffset.UtcNow;
        var promptsAt = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        // "Did you meet?" goes out once the session is over: 5,000 sessions of 30 minutes that started half an hour ago.
        var dueAt = promptsAt - TimeSpan.FromMinutes(30);
        var seed = Stopwatch.StartNew();
        db.InTransaction(() =>
        {
            for (var i = 0; i < Stored; i++)
            {
                // The first 5,000 fall due this minute; the rest are spread over the coming week.
                var next = i < Due ? dueAt : promptsAt + TimeSpan.FromMinutes(10 + (i * 7919L % (7 * 24 * 60)));
                pairs.Add(new Pair
                {
                    MentorId = $"UM{i:000000}", MenteeId = $"UE{i:000000}", Status = PairStatus.Active, StartedAt = dueAt - TimeSpan.FromDays(1),
                    CadenceIsDefault = false, Cadence = new Cadence { Kind = CadenceKind.Cron, Cron = $"{dueAt.Minute} {dueAt.Hour} * * *" }, NextCheckInUtc = next,
                });
            }
            return 0;
        });
        Console.WriteLine($"Seeded {Stored:N0} pairs ({Due:N0} met at {dueAt:HH:mm} UTC, so prompted at {promptsAt:HH:mm}) in {seed.Elapsed.TotalSeconds:0.0} s");

        var delivery = Stopwatch.StartNew();
        var ticks = 0;
        while (slack.PromptsDelivered < Due && delivery.Elapsed < TimeSpan.FromSeconds(100))
        {
            var tick = Stopwatch.StartNew();
            await jobs.RunOnceAsync();
            ticks++;
            Console.WriteLine($"  tick {ticks}: {tick.Elapsed.TotalSeconds:0.0} s, prompts delivered {slack.PromptsDelivered:N0}, all DMs {slack.Delivered.Count:N0}");
            if (slack.PromptsDelivered < Due) await Task.Delay(200);
        }
        delivery.Stop();
        var promptsSent = store.Nudges.Count(n => n.Kind == NudgeKind.Prompt && n.Status == NudgeStatus.Sent);

        // The scheduler alone (due-pair query + prep window scan), nothing due, 100,000 pairs stored.
        const int idleTicks = 20;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < idleTicks; i++) await scheduler.TickAsync(DateTimeOffset.UtcNow, default);
        var cpuPerTick = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / idleTicks;
        var wallPerTick = wall.Elapsed / idleTicks;

        // Each mentor and mentee gets at most one DM in this run (prompt or prep), so any second one is a duplicate.
        var duplicates = slack.Delivered.Values.Sum(n => Math.Max(0, n - 1));
        var missed = Due - slack.Delivered.Count(kv => kv.Key.StartsWith("DUM", StringComparison.Ordinal));
        Console.WriteLine();
        Console.WriteLine("Check-ins benchmark");
        Console.WriteLine($"  time until every nudge delivered : {delivery.Elapsed.TotalSeconds:0.0} s ({ticks} ticks)");
        Console.WriteLine($"  prompts delivered                : {slack.PromptsDelivered:N0} of {Due:N0} (marked sent: {promptsSent:N0}; all DMs incl. prep: {slack.Delivered.Count:N0})");
        Console.WriteLine($"  429s received                    : {slack.RateLimited:N0} (workspace cap {WorkspacePerSecond}/s, 1/s per channel)");
        Console.WriteLine($"  duplicates                       : {duplicates}");
        Console.WriteLine($"  missed                           : {missed}");
        Console.WriteLine($"  scheduler CPU per tick (idle)    : {cpuPerTick.TotalMilliseconds:0.0} ms (wall {wallPerTick.TotalMilliseconds:0.0} ms) with {Stored:N0} pairs stored");
        try { Directory.Delete(folder, true); } catch (IOException) { }
    }
}

/// <summary>A Slack stand-in on loopback that enforces ~1 message/s per channel and a workspace-wide cap, with 429 + Retry-After.</summary>
public sealed class FakeRateLimitedSlack : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly int _perSecond;
    private readonly ConcurrentDictionary<string, long> _lastPerChannel = new();
    private readonly Lock _window = new();
    private long _windowSecond;
    private int _windowCount;
    private int _ts;

    private FakeRateLimitedSlack(WebApplication app, int perSecond)
    {
        _app = app;
        _perSecond = perSecond;
    }

    public string BaseUrl { get; private set; } = "";
    public ConcurrentDictionary<string, int> Delivered { get; } = new();
    public int PromptsDelivered => Delivered.Count(kv => kv.Key.StartsWith("DUM", StringComparison.Ordinal));
    public int RateLimited;

    public static async Task<FakeRateLimitedSlack> StartAsync(int perSecond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeRateLimitedSlack(app, perSecond);
        app.MapPost("/api/{method}", (string method, HttpContext http) => fake.HandleAsync(method, http));
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/api/";
        return fake;
    }

    private async Task HandleAsync(string method, HttpContext http)
    {
        if (method == "conversations.open")
        {
            var form = await http.Request.ReadFormAsync();
            await http.Response.WriteAsJsonAsync(new { ok = true, channel = new { id = "D" + form["users"] } });
            return;
        }
        if (method != "chat.postMessage")
        {
            await http.Response.WriteAsJsonAsync(new { ok = true });
            return;
        }
        var body = await System.Text.Json.JsonDocument.ParseAsync(http.Request.Body);
        var channel = body.RootElement.GetProperty("channel").GetString() ?? "";
        var second = Environment.TickCount64 / 1000;
        bool allowed;
        lock (_window)
        {
            if (second != _windowSecond) (_windowSecond, _windowCount) = (second, 0);
            allowed = _windowCount < _perSecond
                && (!_lastPerChannel.TryGetValue(channel, out var last) || Environment.TickCount64 - last >= 1000);
            if (allowed)
            {
                _windowCount++;
                _lastPerChannel[channel] = Environment.TickCount64;
            }
        }
        if (!allowed)
        {
            Interlocked.Increment(ref RateLimited);
            http.Response.StatusCode = 429;
            http.Response.Headers.RetryAfter = "1";
            await http.Response.WriteAsJsonAsync(new { ok = false, error = "ratelimited" });
            return;
        }
        Delivered.AddOrUpdate(channel, 1, (_, n) => n + 1);
        var n = Interlocked.Increment(ref _ts);
        await http.Response.WriteAsJsonAsync(new { ok = true, channel, ts = $"{1_700_000_000 + n}.{n:000000}" });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
