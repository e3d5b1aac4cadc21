using MentorBot.Features.Pairs;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// A pair was paused or ended: its open check-in has nothing left to log (cancelled, never counted as missed) and its
/// delivered prompts are queued to lose their buttons (<see cref="NudgeSender"/> rewrites them).
/// </summary>
public sealed class CheckInStops(CheckInStore store, TimeProvider time) : IPairStopped
{
    public void Stopped(Pair pair)
    {
        var now = time.GetUtcNow();
        store.InTransaction(() =>
        {
            var state = store.StateOf(pair.Id);
            if (state.OpenCheckInId is not { } id) return 0;
            if (store.Get(id) is { Status: CheckInStatus.Open } open)
            {
                store.Update(open with { Status = CheckInStatus.Cancelled, DecidedAt = now });
                store.QueueRetirement(id, now);
            }
            store.SaveState(state with { OpenCheckInId = null });
            return 0;
        });
    }
}
