using System.Diagnostics;
using MentorBot.Features.Goals;
using MentorBot.Storage;

namespace MentorBot.Benchmarks;

/// <summary>
/// The storage half of `/goal add`, without HTTP: 10 concurrent requests adding goals through <see cref="GoalStore.AddAsync"/> (the one
/// writer, group commit) for 5 s, one person on every one and then 1,000 people. Prints adds/s, how many writes each
/// commit carried, and the database size, so a storage change can be judged without the noise of a whole request.
/// </summary>
public static class GoalWritesBenchmark
{
    private const int Concurrent = 10;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public static void Run()
    {
        Console.WriteLine($"Goal writes: {Concurrent} at a time, {Duration.TotalSeconds:0} s per shape, {Environment.ProcessorCount} cores");
        foreach (var (shape, people) in new[] { ("1 person", 1), ("1,000 people", 1_000) })
        {
            var folder = Directory.CreateTempSubdirectory("mentorbot-bench-").FullName;
            try
            {
                using var app = BenchHost.Build(folder);
                var db = app.Services.GetRequiredService<MentorDb>();
                var goals = app.Services.GetRequiredService<GoalStore>();
                Measure(goals, people, TimeSpan.FromSeconds(1)); // warm-up: JIT, first pages
                var (before, _) = db.CommitCounts;
                var (adds, elapsed) = Measure(goals, people, Duration);
                var (after, _) = db.CommitCounts;
                var commits = after - before;
                Console.WriteLine($"  {shape,-13} {adds / elapsed.TotalSeconds,9:N0} adds/s   {adds / (double)Math.Max(1, commits),5:N1} writes per commit   " +
                                  $"{new FileInfo(db.Path).Length / 1024.0 / 1024.0,6:N1} MB file");
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }

    private static (long Adds, TimeSpan Elapsed) Measure(GoalStore goals, int people, TimeSpan duration)
    {
        long adds = 0;
        var started = Stopwatch.StartNew();
        // As /goal add does it: ten requests at a time, each awaiting the commit that holds its goal.
        Task.WaitAll(Enumerable.Range(0, Concurrent).Select(t => Task.Run(async () =>
        {
            for (var i = 0; started.Elapsed < duration; i++)
            {
                var owner = people == 1 ? "UBENCHONE" : $"UBENCH{t}P{i % (people / Concurrent)}";
                await goals.AddAsync(owner, $"bench goal {t} {i}", DateTimeOffset.UtcNow);
                Interlocked.Increment(ref adds);
            }
        })).ToArray());
        return (adds, started.Elapsed);
    }
}
