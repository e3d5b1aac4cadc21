using System.Diagnostics;
using MentorBot.Matching;
using MentorBot.Programme;

namespace MentorBot.Benchmarks;

/// <summary>
/// `-- matching`: one round of 500 mentees × 200 mentors (capacity 1–3, topics from a list of 40, six time zones),
/// scored and solved exactly, both modes. Prints the wall time of each run (the target is ≤ 2 s on 2 cores) and checks
/// that repeats and violations are 0 and that two runs give the same proposal.
/// </summary>
public static class MatchingBenchmark
{
    private static readonly string[] Zones = ["Europe/Amsterdam", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Kolkata", "Asia/Singapore"];

    public static void Run(int mentees = 500, int mentors = 200)
    {
        var random = new Random(42);
        var topics = Enumerable.Range(0, 40).Select(i => $"topic {(char)('a' + i % 26)}{i / 26} skill").ToArray();
        string Topics() => string.Join(", ", Enumerable.Range(0, random.Next(1, 5)).Select(_ => topics[random.Next(topics.Length)]));
        MatchPerson Person(string id, int room) => new()
        {
            UserId = id, Topics = Topics(), Zone = TimeZoneInfo.FindSystemTimeZoneById(Zones[random.Next(Zones.Length)]), Room = room,
            Department = $"dept{random.Next(8)}", IsFirstTimer = random.Next(3) == 0,
        };
        var pool = new MatchPool(
            Enumerable.Range(0, mentees).Select(i => Person($"UE{i:0000}", 0)).ToList(),
            Enumerable.Range(0, mentors).Select(i => Person($"UM{i:0000}", random.Next(1, 4))).ToList(),
            [],
            new MatchHistory(Enumerable.Range(0, 300).Select(i => MatchHistory.PairKey($"UE{random.Next(mentees):0000}", $"UM{random.Next(mentors):0000}")).ToHashSet(),
                new HashSet<string>()));
        Console.WriteLine($"Matching benchmark: {mentees} mentees × {mentors} mentors ({pool.Mentors.Sum(m => m.Room)} places), {Environment.ProcessorCount} cores");
        foreach (var mode in new[] { MatchMode.BestMatches, MatchMode.MostMatched })
        {
            var settings = new ProgrammeSettings { Matching = new MatchSettings { Mode = mode, DifferentDepartmentBonus = true, FirstTimersBonus = true } };
            MatchOutcome? first = null;
            var times = new List<double>();
            for (var run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                var outcome = new Matcher(settings, new DateOnly(2026, 12, 7)).Run(pool);
                times.Add(clock.Elapsed.TotalMilliseconds);
                first ??= outcome;
                if (!outcome.Proposals.Select(p => (p.MenteeId, p.MentorId)).SequenceEqual(first.Proposals.Select(p => (p.MenteeId, p.MentorId))))
                    throw new InvalidOperationException("two runs gave different proposals");
            }
            var r = first!.Report;
            Console.WriteLine($"  {mode,-12} runs: {string.Join(", ", times.Select(t => $"{t:0} ms"))} (first includes JIT) · matched {r.Matched}/{r.Mentees} · " +
                              $"mean score {r.MeanScore}, lowest {r.LowestScore} · repeats {r.Repeats} · violations {r.Violations}");
            if (r.Repeats + r.Violations > 0) throw new InvalidOperationException("repeats or violations");
        }
    }
}
