using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.1 S7 on the real built app: a burst of durable writes with readers alongside must not let LiteDB's log
/// file grow without bound (its checkpoint needs a moment with no open reader), and memory must level off.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class SoakTests(ITestOutputHelper output) : FakeSlackAndDatabase
{
    private const long LogLimitBytes = 64L * 1024 * 1024;
    [Fact]
    public async Task S7_TwentyThousandWritesWithFourReaders_KeepTheLogSmall_AndMemoryLevel()
    {
        // RELIABILITY_SOAK_WRITES lowers the count on a slow machine; the time bound keeps the suite's budget either way.
        var target = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SOAK_WRITES"), out var w) ? w : 20_000;
        var timeBound = TimeSpan.FromSeconds(75);
        await using var bot = await BotProcess.StartAsync(Db.Path, Slack);
        var logFile = Path.Combine(Db.Folder, "mentorbot-log.db");
        var acked = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var reads = 0;
        using var stop = new CancellationTokenSource(timeBound);

        async Task WriterAsync(int writer)
        {
            for (var i = 0; !stop.IsCancellationRequested && acked.Count < target; i++)
            {
                var title = $"soak w{writer} n{i} 🦀";
                var reply = await bot.CommandAsync("/goal", "add " + title, $"USOAK{writer}P{i % 50}");
                if (Storage.IsGoalSaved(reply)) acked.Add(title);
                else failures.Add($"{(int)reply.Status} {reply.AllText}");
            }
        }

        async Task ReaderAsync(int reader)
        {
            for (var i = 0; !stop.IsCancellationRequested && acked.Count < target; i++)
            {
                var reply = await bot.CommandAsync("/goal", "list", $"USOAK{reader}P{i % 50}");
                if (reply.Status != HttpStatusCode.OK) failures.Add($"list {(int)reply.Status}");
                Interlocked.Increment(ref reads);
            }
        }

        var clock = Stopwatch.StartNew();
        var load = Task.WhenAll(Enumerable.Range(0, 4).SelectMany(n => new[] { Task.Run(() => WriterAsync(n)), Task.Run(() => ReaderAsync(n)) }));
        long maxLog = 0;
        var memory = new List<(int Writes, long RssBytes)>();
        while (!load.IsCompleted)
        {
            maxLog = Math.Max(maxLog, File.Exists(logFile) ? new FileInfo(logFile).Length : 0);
            if (memory.Count == 0 || acked.Count - memory[^1].Writes >= target / 10) memory.Add((acked.Count, bot.ResidentBytes));
            await Task.WhenAny(load, Task.Delay(50));
        }
        await load;
        memory.Add((acked.Count, bot.ResidentBytes));
        output.WriteLine($"{acked.Count:N0} writes and {reads:N0} reads in {clock.Elapsed.TotalSeconds:N1} s; largest log {maxLog / 1024:N0} KiB");
        output.WriteLine("resident memory by writes: " + string.Join(", ", memory.Select(m => $"{m.Writes:N0}→{m.RssBytes / (1024 * 1024)} MiB")));

        Assert.Empty(failures);
        Assert.True(acked.Count >= Math.Min(target, 2_000), $"only {acked.Count} writes in {timeBound}: the soak proved little");
        Assert.True(maxLog < LogLimitBytes, $"the LiteDB log reached {maxLog / (1024 * 1024)} MiB");
        // Level memory: the second half of the run may not keep growing like the first (allowing GC noise).
        var half = memory.First(m => m.Writes >= acked.Count / 2).RssBytes;
        Assert.True(memory[^1].RssBytes < half + 96L * 1024 * 1024,
            $"resident memory kept growing: {half / (1024 * 1024)} MiB at half-way, {memory[^1].RssBytes / (1024 * 1024)} MiB at the end");

        bot.Terminate();
        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var stored = Storage.GoalTitles(Db.Path).ToHashSet();
        Assert.All(acked, title => Assert.Contains(title, stored));
    }
}
