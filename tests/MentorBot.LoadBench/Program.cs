// Load benchmark (a command, not a test): signed slash commands over loopback at full speed against the real
// MentorBot (temp database, fake Slack), then against a minimal Bolt for JavaScript app doing the same, side by side.
// Usage: see bench/load/run.sh.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LiteDB;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

var options = Options.Parse(args);
const string Secret = "bench-signing-secret-0123456789abcdef";
const string Token = "xoxb-bench-token";

await using var fakeSlack = await FakeSlack.StartAsync();
Console.WriteLine($"MentorBot load benchmark: {options.Duration.TotalSeconds:0} s per scenario, {options.Connections} connections, " +
                  $"shapes {string.Join(" and ", options.Shapes.Select(ShapeName.Of))}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var results = new Dictionary<string, Dictionary<string, LoadResult>>();
var folder = Directory.CreateTempSubdirectory("mentorbot-bench-").FullName;
var dbPath = Path.Combine(folder, "mentorbot.db");
var verification = "";
var slowSlack = "";

// Both apps are up at once and each scenario is measured on one right after the other, so a busy moment of the machine
// falls on both of them and not on one whole side of the table.
var botPort = Net.FreePort();
using var bot = Child.Start("dotnet", [options.MentorBotDll], Path.GetDirectoryName(options.MentorBotDll)!, new()
{
    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{botPort}", ["Slack__BotToken"] = Token, ["Slack__SigningSecret"] = Secret,
    ["Slack__ApiBaseUrl"] = fakeSlack.BaseUrl, ["Storage__DatabasePath"] = dbPath, ["Nudges__Enabled"] = "false",
    ["Logging__LogLevel__Default"] = "Warning",
});
var mentorBot = new Target("MentorBot", botPort, Secret, fakeSlack.ResponseUrl);
await mentorBot.WaitReadyAsync(bot);
var goalsAvailable = await mentorBot.SupportsGoalsAsync();
if (!goalsAvailable) Console.WriteLine("note: /goal is not in this build of MentorBot; only /mentor help is measured.");
var targets = new List<Target> { mentorBot };

Process? bolt = null;
if (options.BoltDir is { } boltDir)
{
    var boltPort = Net.FreePort();
    bolt = Child.Start("node", ["app.js"], boltDir, new()
    {
        ["PORT"] = boltPort.ToString(CultureInfo.InvariantCulture), ["SLACK_SIGNING_SECRET"] = Secret, ["SLACK_BOT_TOKEN"] = Token,
        ["SLACK_API_URL"] = fakeSlack.BaseUrl, ["NODE_ENV"] = "production",
    });
    var boltTarget = new Target("Bolt", boltPort, Secret, fakeSlack.ResponseUrl);
    await boltTarget.WaitReadyAsync(bolt);
    targets.Add(boltTarget);
}

foreach (var target in targets) results[target.Name] = [];
await RunAllAsync(targets, results, options, goalsAvailable, fakeSlack);
if (goalsAvailable && options.Measures(Options.SlowSlackPhase)) slowSlack = await SlowSlackAsync(mentorBot, fakeSlack);

Child.Terminate(bot);
if (!bot.WaitForExit(30_000)) throw new InvalidOperationException("MentorBot did not exit within 30 s of SIGTERM");
Console.WriteLine($"MentorBot exited with {bot.ExitCode} after SIGTERM");
if (goalsAvailable) verification = VerifyGoals(dbPath, mentorBot.AckedTitles);
if (bolt is not null)
{
    bolt.Kill();
    bolt.WaitForExit(10_000);
    bolt.Dispose();
}

Report.Print(results, options);
if (verification.Length > 0) Console.WriteLine(verification);
if (slowSlack.Length > 0) Console.WriteLine(slowSlack);
try
{
    Directory.Delete(folder, true);
}
catch (IOException)
{
}
return verification.StartsWith("LOST", StringComparison.Ordinal) ? 1 : 0;

static async Task RunAllAsync(IReadOnlyList<Target> targets, Dictionary<string, Dictionary<string, LoadResult>> results, Options options, bool goals,
    FakeSlack slack)
{
    // Warm-up (JIT, connection pool), not counted: each app runs a read and a write for a while first, so the first
    // scenario measured is not the one that pays for warming up.
    foreach (var target in targets)
    {
        await target.RunAsync("/mentor", _ => "help", Shape.Many, TimeSpan.FromSeconds(3), options.Connections, false);
        if (goals) await target.RunAsync("/goal", n => $"add warm-up {n.Tag}", Shape.Many, TimeSpan.FromSeconds(3), options.Connections, false);
    }
    foreach (var shape in options.Shapes)
    {
        async Task Run(string scenario, string command, Func<Target, Target.Nth, string> text, bool recordAcks = false)
        {
            if (!options.Measures(scenario)) return;
            foreach (var target in targets)
            {
                // What the previous run left queued (DMs after /askfeedback) reaches Slack first: it is not this run's work.
                await slack.QuietAsync(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(3));
                var r = await target.RunAsync(command, n => text(target, n), shape, options.Duration, options.Connections, recordAcks);
                results[target.Name][$"{ShapeName.Of(shape)}|{scenario}"] = r;
                Console.WriteLine($"  {target.Name,-10} {ShapeName.Of(shape),-10} {scenario,-15} {r}");
            }
        }
        await Run("/mentor help", "/mentor", (_, _) => "help");
        if (!goals) continue;
        // The write commands people type most; each person has goals by the time progress is measured.
        await Run("/goal add", "/goal", (t, n) => $"add bench {t.Name} {ShapeName.Of(shape)} {n.Tag} 🦀 naïve", true);
        var spread = shape == Shape.One ? 500 : 5; // one person has thousands of goals; each of 1,000 people a handful
        await Run("/goal progress", "/goal", (_, n) => $"progress {1 + n.I % spread} {n.I % 101}");
        await Run("/askfeedback", "/askfeedback", (_, n) => $"<@UGIVER{n.I % 50}> How did demo {n.Tag} land?");
        await Run("/goal list", "/goal", (_, _) => "list");
    }
}


// With Slack answering every Web API call after 4 s: each command is still acknowledged from local state at once (the
// median of 20, one after another), and its work still reaches Slack once Slack answers.
static async Task<string> SlowSlackAsync(Target target, FakeSlack slack)
{
    string[] commands =
    [
        "/mentor help", "/mentor pairs", "/mentor ask <@UGIVER1> peer", "/mentor stats", "/goal add slow slack goal", "/goal list",
        "/goal progress 1 10", "/askfeedback <@UGIVER2> How did the slow demo land?",
    ];
    // The load phases leave thousands of follow-ups (feedback DMs) queued; let them reach Slack first, so what is
    // checked below is this phase's own work and not the backlog ahead of it.
    var drained = await slack.QuietAsync(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(5));
    slack.Delay = TimeSpan.FromSeconds(4);
    var dmsBefore = slack.Calls("chat.postMessage");
    var lines = new List<string> { "", "| command, Slack answering after 4 s | median ack ms (of 20) | max ms |", "|---|---:|---:|" };
    var worst = 0.0;
    foreach (var line in commands)
    {
        var (command, text) = (line[..line.IndexOf(' ')], line[(line.IndexOf(' ') + 1)..]);
        var ms = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            using var response = await target.SendAsync(command, text.Replace("slow", $"slow {i}"), "UBENCHSLOW");
            ms.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{line} answered {(int)response.StatusCode}");
        }
        ms.Sort();
        var median = (ms[9] + ms[10]) / 2;
        worst = Math.Max(worst, median);
        lines.Add($"| `{line}` | {median:N1} | {ms[^1]:N1} |");
    }
    // The DMs the commands asked for (one invitation, 20 feedback requests): sent after the ack, each once Slack answers
    // (every call takes 4 s, and a DM takes two: conversations.open and chat.postMessage).
    var lastAck = Stopwatch.StartNew();
    var settled = await slack.QuietAsync(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));
    var dms = slack.Calls("chat.postMessage") - dmsBefore;
    var took = lastAck.Elapsed - (settled ? TimeSpan.FromSeconds(10) : TimeSpan.Zero);
    slack.Delay = TimeSpan.Zero;
    lines.Add($"slowest median {worst:N1} ms; afterwards {dms} DMs reached Slack (20 feedback requests and an invitation expected), " +
              $"the last about {took.TotalSeconds:N0} s after the last ack (the load phases' follow-ups had drained first: {drained})");
    return string.Join(Environment.NewLine, lines);
}

static string VerifyGoals(string dbPath, IReadOnlyCollection<string> acked)
{
    using var db = new LiteDatabase(new ConnectionString { Filename = dbPath, Connection = ConnectionType.Direct, ReadOnly = true });
    var stored = db.GetCollection("goals").FindAll().Select(d => d["Title"].AsString).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
    var lost = acked.Count(t => !stored.ContainsKey(t));
    var doubled = acked.Count(t => stored.TryGetValue(t, out var n) && n > 1);
    return lost == 0 && doubled == 0
        ? $"verified after reopening the database: all {acked.Count:N0} acknowledged goals are stored, each exactly once"
        : $"LOST {lost} and DOUBLED {doubled} of {acked.Count:N0} acknowledged goals";
}

/// <summary>Who sends the load: one person on every connection (one owner's writes contend), or 1,000 people (100 per connection).</summary>
enum Shape { One, Many }

static class ShapeName
{
    public static string Of(Shape shape) => shape == Shape.One ? "1 person" : "1,000 people";
}

/// <param name="Only">Scenarios to measure (--only "/goal add,slow-slack"); all when empty.</param>
sealed record Options(TimeSpan Duration, int Connections, string MentorBotDll, string? BoltDir, IReadOnlyList<Shape> Shapes, IReadOnlyList<string> Only)
{
    public bool Measures(string scenario) => Only.Count == 0 || Only.Contains(scenario);

    public const string SlowSlackPhase = "slow-slack";

    public static Options Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var dll = Value("--mentorbot") ?? throw new ArgumentException("--mentorbot <path to MentorBot.dll> is required");
        var bolt = args.Contains("--no-bolt") ? null : Value("--bolt");
        Shape[] shapes = (Value("--shape") ?? "both") switch { "one" => [Shape.One], "many" => [Shape.Many], _ => [Shape.One, Shape.Many] };
        return new Options(TimeSpan.FromSeconds(double.Parse(Value("--seconds") ?? "10", CultureInfo.InvariantCulture)),
            int.Parse(Value("--connections") ?? "10", CultureInfo.InvariantCulture), Path.GetFullPath(dll),
            bolt is null ? null : Path.GetFullPath(bolt), shapes,
            (Value("--only") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}

sealed class LoadResult
{
    public long Requests;
    public long Non2xx;
    public long Errors;
    public TimeSpan Elapsed;
    public double[] LatenciesMs = [];

    public double Rps => Requests / Elapsed.TotalSeconds;
    public double P(double q) => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)(q * LatenciesMs.Length))];
    public double Max => LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[^1];

    public override string ToString() =>
        $"{Rps,8:N0} req/s  p50 {P(0.50),6:N2} ms  p99 {P(0.99),6:N2} ms  max {Max,7:N1} ms  non-2xx {Non2xx}  errors {Errors}  ({Requests:N0} requests)";
}

/// <param name="responseUrl">Where follow-ups go: the fake Slack, as a real response_url would lead to Slack.</param>
sealed class Target(string name, int port, string secret, string responseUrl)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 64, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
        Timeout = TimeSpan.FromSeconds(30),
    };
    private readonly List<string> _acked = [];

    public const int PeoplePerConnection = 100;

    public string Name => name;
    public IReadOnlyCollection<string> AckedTitles => _acked;

    public async Task WaitReadyAsync(Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited with {process.ExitCode} at start");
            try
            {
                using var response = await SendAsync("/mentor", "help", "UREADY");
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{name} did not answer within 60 s");
    }

    public async Task<bool> SupportsGoalsAsync()
    {
        using var response = await SendAsync("/goal", "add bench probe", "UPROBE");
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("I don't know the command", StringComparison.Ordinal)) return false;
        _acked.Add("bench probe");
        return true;
    }

    /// <summary>The n-th request of a connection: <see cref="Tag"/> makes a text unique, <see cref="I"/> counts.</summary>
    public readonly record struct Nth(int W, int I)
    {
        public string Tag => $"w{W} n{I}";
    }

    public static string UserOf(Shape shape, int w, int i) => shape == Shape.One ? "UBENCHONE" : $"UBENCH{w}P{i % PeoplePerConnection}";

    public async Task<LoadResult> RunAsync(string command, Func<Nth, string> text, Shape shape, TimeSpan duration, int connections, bool recordAcks)
    {
        var result = new LoadResult();
        var latencies = new List<double>[connections];
        var acked = new List<string>[connections];
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            latencies[w] = new List<double>(100_000);
            acked[w] = [];
            for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
            {
                var body = text(new Nth(w, i));
                var t0 = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await SendAsync(command, body, UserOf(shape, w, i));
                    var content = await response.Content.ReadAsStringAsync();
                    latencies[w].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                    Interlocked.Increment(ref result.Requests);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref result.Non2xx);
                    else if (recordAcks && content.Contains('#')) acked[w].Add(body[4..]);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref result.Errors);
                }
            }
        })));
        result.Elapsed = Stopwatch.GetElapsedTime(started);
        result.LatenciesMs = latencies.SelectMany(l => l).Order().ToArray();
        foreach (var list in acked) _acked.AddRange(list);
        return result;
    }

    public Task<HttpResponseMessage> SendAsync(string command, string text, string user)
    {
        var body = $"token=x&team_id=T1&team_domain=bench&channel_id=C1&channel_name=general&user_id={user}&user_name={user.ToLowerInvariant()}" +
                   $"&command={Uri.EscapeDataString(command)}&text={Uri.EscapeDataString(text)}&api_app_id=A1" +
                   $"&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=t1";
        var bytes = Encoding.UTF8.GetBytes(body);
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        byte[] signed = [.. Encoding.ASCII.GetBytes($"v0:{ts}:"), .. bytes];
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        var request = new HttpRequestMessage(HttpMethod.Post, "slack/events") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", "v0=" + Convert.ToHexStringLower(mac));
        return _http.SendAsync(request);
    }
}

static class Report
{
    public static void Print(Dictionary<string, Dictionary<string, LoadResult>> results, Options options)
    {
        Console.WriteLine();
        Console.WriteLine($"| shape | scenario ({options.Connections} conns, {options.Duration.TotalSeconds:0} s) | app | req/s | p50 ms | p99 ms | max ms | non-2xx |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|");
        foreach (var key in results.Values.SelectMany(r => r.Keys).Distinct())
            foreach (var (app, byScenario) in results)
                if (byScenario.TryGetValue(key, out var r))
                    Console.WriteLine($"| {key.Replace("|", " | `")}` | {app} | {r.Rps:N0} | {r.P(0.5):N2} | {r.P(0.99):N2} | {r.Max:N1} | {r.Non2xx + r.Errors} |");
        if (!results.TryGetValue("MentorBot", out var m) || !results.TryGetValue("Bolt", out var b)) return;
        Console.WriteLine();
        Console.WriteLine("| shape | scenario | MentorBot req/s | p50 / p99 ms | Bolt req/s | p50 / p99 ms | req/s MentorBot ÷ Bolt | p99 MentorBot − Bolt |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (key, mr) in m)
            if (b.TryGetValue(key, out var br))
                Console.WriteLine($"| {key.Replace("|", " | `")}` | {mr.Rps:N0} | {mr.P(0.5):N2} / {mr.P(0.99):N2} | {br.Rps:N0} | {br.P(0.5):N2} / {br.P(0.99):N2} | " +
                                  $"{mr.Rps / br.Rps:N2}× | {mr.P(0.99) - br.P(0.99):+0.00;−0.00} ms |");
    }
}

static class Child
{
    public static Process Start(string file, string[] arguments, string workingDirectory, Dictionary<string, string> env)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line && line.Contains("fail", StringComparison.OrdinalIgnoreCase)) Console.Error.WriteLine($"  [{file}] {line}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) Console.Error.WriteLine($"  [{file}] {line}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static void Terminate(Process process) => _ = kill(process.Id, 15);

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

static class Net
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Answers every Web API call with ok:true (MentorBot's auth.test at start, and anything a feature posts).</summary>
sealed class FakeSlack(WebApplication app, string baseUrl, FakeSlack.Counters counters) : IAsyncDisposable
{
    /// <summary>What the endpoint counts and how slow it answers, shared with its request handler.</summary>
    public sealed class Counters
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, int> ByMethod { get; } = new();
        public TimeSpan Delay { get; set; }
    }

    public string BaseUrl => baseUrl;

    /// <summary>How long every Web API call takes to answer (a slow Slack).</summary>
    public TimeSpan Delay { get => counters.Delay; set => counters.Delay = value; }

    public int Calls(string method) => counters.ByMethod.GetValueOrDefault(method);

    /// <summary>Waits until no Web API call has arrived for <paramref name="quiet"/>; false if that never happened in time.</summary>
    public async Task<bool> QuietAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = counters.ByMethod.Values.Sum();
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            var now = counters.ByMethod.Values.Sum();
            if (now != last) (last, since) = (now, DateTime.UtcNow);
            else if (DateTime.UtcNow - since >= quiet) return true;
        }
        return false;
    }

    public string ResponseUrl => baseUrl.Replace("/api/", "/response");

    public static async Task<FakeSlack> StartAsync()
    {
        var port = Net.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var counters = new Counters();
        app.MapPost("/api/{method}", async (string method, HttpRequest request) =>
        {
            // users.info answers with the person asked about, so a feature that looks someone up finds them.
            counters.ByMethod.AddOrUpdate(method, 1, (_, n) => n + 1);
            if (counters.Delay > TimeSpan.Zero) await Task.Delay(counters.Delay);
            var asked = request.HasFormContentType ? (await request.ReadFormAsync())["user"].ToString() : "";
            var id = asked.Length > 0 ? asked : "UBENCH";
            return Results.Json(new
            {
                ok = true, user_id = "UBOT", bot_id = "BBOT", team_id = "T1", team = "Bench", ts = "1700000000.000100",
                channel = new { id = "DBENCH" },
                user = new { id, name = id.ToLowerInvariant(), real_name = id, tz = "Europe/Amsterdam", profile = new { display_name = id, real_name = id } },
            });
        });
        app.MapPost("/response", async () =>
        {
            counters.ByMethod.AddOrUpdate("response_url", 1, (_, n) => n + 1);
            if (counters.Delay > TimeSpan.Zero) await Task.Delay(counters.Delay);
            return Results.Json(new { ok = true });
        });
        await app.StartAsync();
        return new FakeSlack(app, $"http://127.0.0.1:{port}/api/", counters);
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
