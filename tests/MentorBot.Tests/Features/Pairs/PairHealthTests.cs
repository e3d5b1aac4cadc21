using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Features.Pairs;

[Trait(Tier.Name, Tier.Unit)]
public class PairHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    // days since start, marks of due check-ins (M met, A async, S skipped, X missed, W waiting), days since last touch (-1: none),
    // shared goals, dormant → state, a word of the reason
    [Theory]
    [InlineData(3, "", -1, 0, false, PairHealthState.GettingStarted, "no meeting")]
    [InlineData(13, "X", -1, 1, false, PairHealthState.GettingStarted, "no meeting")]
    [InlineData(15, "XX", -1, 1, false, PairHealthState.AtRisk, "two weeks")]
    [InlineData(20, "MM", 6, 1, false, PairHealthState.OnTrack, "as agreed")]
    [InlineData(40, "MXX", 13, 1, false, PairHealthState.AtRisk, "last two")]
    [InlineData(40, "MXSX", 13, 1, false, PairHealthState.AtRisk, "last two")]   // a skip between two misses does not break the run
    [InlineData(40, "MXSW", 13, 1, false, PairHealthState.OnTrack, "as agreed")]   // one miss, one skip, one waiting
    [InlineData(40, "MSSS", 13, 1, false, PairHealthState.OnTrack, "as agreed")]   // honest skips are not punished
    [InlineData(60, "MSSS", 20, 1, false, PairHealthState.AtRisk, "20 days")]     // but silence longer than twice the interval is
    [InlineData(31, "MM", 3, 0, false, PairHealthState.AtRisk, "shared goal")]
    [InlineData(29, "MM", 3, 0, false, PairHealthState.OnTrack, "as agreed")]
    [InlineData(60, "XXX", 40, 1, true, PairHealthState.Dormant, "unanswered")]
    public void State_FollowsTheRules(int days, string marks, int sinceTouch, int goals, bool dormant, PairHealthState state, string reason)
    {
        var now = Start.AddDays(days);
        var facts = new PairCardFacts { Dormant = dormant, LastTouch = sinceTouch < 0 ? null : now.AddDays(-sinceTouch) };
        for (var i = 0; i < marks.Length; i++)
            facts.Due.Add((Start.AddDays(7 * i), marks[i] switch
            {
                'M' => CheckInMark.Met, 'A' => CheckInMark.Async, 'S' => CheckInMark.Skipped, 'X' => CheckInMark.Missed, _ => CheckInMark.Waiting,
            }));
        for (var i = 0; i < goals; i++) facts.SharedGoals.Add(("Give a talk", 40, 10));

        var health = PairHealthRules.Of(new Pair { StartedAt = Start }, Week, facts, now);

        Assert.Equal(state, health.State);
        Assert.Contains(reason, health.Why);
        Assert.False(string.IsNullOrWhiteSpace(health.NextStep));
    }

    [Theory]
    [InlineData(29, null)]
    [InlineData(30, 0)]
    [InlineData(120, 0)]
    [InlineData(121, 1)]
    [InlineData(400, 4)]
    public void Pulse_IsDueAtOneMonth_ThenEveryThreeMonths(int days, int? round) =>
        Assert.Equal(round, PulseJob.RoundDue(Start, Start.AddDays(days)));
}
