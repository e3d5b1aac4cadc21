using MentorBot.Features.Pairs;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// The check-ins' part of the pair card: how each due check-in went, the last touchpoint, the keep-going question, and
/// the last three logged check-ins with their next steps (the card is only ever shown to the pair's two people).
/// </summary>
public sealed class CheckInCardFacts(CheckInStore store) : IPairCardFacts
{
    public void AddTo(Pair pair, DateTimeOffset now, PairCardFacts facts)
    {
        foreach (var checkIn in store.ForPair(pair.Id).Where(c => c.DueUtc <= now))
        {
            facts.Due.Add((checkIn.DueUtc, checkIn.Status switch
            {
                CheckInStatus.Met => CheckInMark.Met,
                CheckInStatus.Async => CheckInMark.Async,
                CheckInStatus.Skipped or CheckInStatus.Cancelled => CheckInMark.Skipped,
                CheckInStatus.Open => CheckInMark.Waiting,
                _ => CheckInMark.Missed,
            }));
            if (checkIn.IsHeld && (checkIn.DecidedAt ?? checkIn.DueUtc) is var at && (facts.LastTouch is null || at > facts.LastTouch)) facts.LastTouch = at;
        }
        facts.Dormant = store.StateOf(pair.Id).AwaitingKeepGoing;
        foreach (var held in store.ForPair(pair.Id).Where(c => c.IsHeld).TakeLast(3).Reverse())
            facts.Recent.Add((held.DueUtc, held.Status == CheckInStatus.Async ? CheckInMark.Async : CheckInMark.Met, held.NextSteps));
    }
}
