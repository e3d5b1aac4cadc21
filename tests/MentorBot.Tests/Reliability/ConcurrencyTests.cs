using System.Diagnostics;
using System.Net;
using MentorBot.Cadences;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.1 S6: LiteDB transactions belong to a thread, so parallel requests that write the same pairs are where a
/// lost update or a lock timeout would show. 25 pairs, and per round 50 signed requests at once (the mentor logs the
/// check-in, the mentee changes the cadence) with a scheduler tick racing them; then the file is reopened.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Pairs = 25;
    private const int Rounds = 3;

    [Fact]
    public async Task S6_FiftyParallelRequestsOnTwentyFivePairs_ThreeRounds_LeaveEveryPairConsistent()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        var cadences = new[] { ("2w", CadenceKind.EveryTwoWeeks), ("weekly", CadenceKind.Weekly), ("4w", CadenceKind.EveryFourWeeks) };
        var slowest = TimeSpan.Zero;

        await using (var app = await TestApp.StartAsync(slack, db, time))
        {
            var pairs = Enumerable.Range(0, Pairs).Select(i => StartPair(app, mentor: $"UMR{i}", mentee: $"UME{i}")).ToList();
            var store = app.Get<CheckInStore>();
            for (var round = 0; round < Rounds; round++)
            {
                var due = pairs.Select(p => app.Get<PairStore>().Get(p.Id)!.NextCheckInUtc!.Value).Max();
                await TickAtAsync(app, due);
                var open = pairs.ToDictionary(p => p.Id, p => Assert.Single(store.ForPair(p.Id), c => c.Status == CheckInStatus.Open));

                var (word, _) = cadences[round];
                var requests = pairs.SelectMany(p => new Func<Task<HttpStatusCode>>[]
                {
                    async () => (await SubmitNotesAsync(app, p.MentorId, open[p.Id].Id, $"round {round} with {p.MenteeId}")).StatusCode,
                    async () => (await app.CommandAsync("/mentor", $"cadence <@{p.MentorId}> {word}", p.MenteeId)).Status,
                }).ToList();
                var tick = Task.Run(() => app.Get<PeriodicJobs>().RunOnceAsync());
                var answers = await Task.WhenAll(requests.Select(async send =>
                {
                    var clock = Stopwatch.StartNew();
                    var status = await send();
                    return (status, clock.Elapsed);
                }));
                await tick;
                Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.status));
                slowest = answers.Max(a => a.Elapsed) > slowest ? answers.Max(a => a.Elapsed) : slowest;
                time.Advance(TimeSpan.FromMinutes(1));
            }
            Assert.DoesNotContain(app.Logs.Lines, l => l.Level >= LogLevel.Error);
        }
        output.WriteLine($"{Rounds} rounds of {Pairs * 2} parallel requests; slowest answer {slowest.TotalMilliseconds:N0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(3), $"an answer took {slowest.TotalMilliseconds:N0} ms");

        // A fresh process's view of the file.
        await using var reopened = await TestApp.StartAsync(slack, db, time);
        var (_, lastKind) = cadences[Rounds - 1];
        foreach (var pair in reopened.Get<PairStore>().AllActive())
        {
            var checkIns = reopened.Get<CheckInStore>().ForPair(pair.Id);
            Assert.Equal(Rounds, checkIns.Count(c => c.Status == CheckInStatus.Met));
            Assert.All(checkIns.Where(c => c.Status == CheckInStatus.Met), c => Assert.StartsWith("round ", c.Discussed));
            Assert.Equal(lastKind, pair.Cadence.Kind); // the last cadence change was not lost to a check-in write
            Assert.True(pair.NextCheckInUtc > time.GetUtcNow(), $"pair {pair.Id} has no future check-in");
        }
        Assert.Equal(Pairs, reopened.Get<PairStore>().AllActive().Count);
    }
}
