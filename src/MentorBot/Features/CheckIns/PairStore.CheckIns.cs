using LiteDB;

namespace MentorBot.Features.Pairs;

/// <summary>The pair queries and updates check-ins need (schedule claims, the "come prepared" check, unreachable people).</summary>
public sealed partial class PairStore
{
    private int _checkInIndexReady;

    /// <summary>The scheduler's queries must stay index seeks with 100,000 pairs stored.</summary>
    public void EnsureCheckInIndex()
    {
        if (Interlocked.Exchange(ref _checkInIndexReady, 1) != 0) return;
        _pairs.EnsureIndex(p => p.NextCheckInUtc);
        _pairs.EnsureIndex(p => p.RescheduledUtc);
    }

    /// <summary>Active pairs whose next check-in is at or before <paramref name="now"/>, earliest first (paused/ended pairs have none).</summary>
    public IReadOnlyList<Pair> DueForCheckIn(DateTimeOffset now, int limit) =>
        _pairs.Find(Storage.DateRange.Between(nameof(Pair.NextCheckInUtc), Storage.DateRange.Earliest, now), 0, limit)
            .Where(p => p.Status == PairStatus.Active && p.NextCheckInUtc is not null)
            .ToList();

    /// <summary>Active pairs whose next check-in lies in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public IReadOnlyList<Pair> CheckInsBetween(DateTimeOffset after, DateTimeOffset until) =>
        _pairs.Find(Storage.DateRange.Between(nameof(Pair.NextCheckInUtc), after, until))
            .Where(p => p.Status == PairStatus.Active && p.NextCheckInUtc > after)
            .ToList();

    /// <summary>
    /// Moves the schedule from <paramref name="expectedDue"/> to <paramref name="next"/>; false (and no change) when the
    /// pair is no longer active or its schedule moved meanwhile. Call inside the transaction that records the occurrence.
    /// </summary>
    public bool AdvanceCheckIn(int pairId, DateTimeOffset expectedDue, DateTimeOffset? next)
    {
        var pair = _pairs.FindById(pairId);
        if (pair is not { Status: PairStatus.Active } || pair.NextCheckInUtc != expectedDue) return false;
        return _pairs.Update(pair with { NextCheckInUtc = next });
    }

    /// <summary>Pairs whose check-in was moved (see <see cref="Pair.RescheduledUtc"/>) to an instant at or before <paramref name="until"/>.</summary>
    public IReadOnlyList<Pair> RescheduledUntil(DateTimeOffset until) =>
        _pairs.Find(Storage.DateRange.Between(nameof(Pair.RescheduledUtc), Storage.DateRange.Earliest, until)).ToList();

    /// <summary>The "come prepared" check for this moved check-in is done (unless it moved again meanwhile).</summary>
    public void RescheduleSeen(int pairId, DateTimeOffset? rescheduled)
    {
        var pair = _pairs.FindById(pairId);
        if (pair is not null && pair.RescheduledUtc is not null && pair.RescheduledUtc == rescheduled) _pairs.Update(pair with { RescheduledUtc = null });
    }

    /// <summary>Asks for the "come prepared" check of the pair's next check-in again (prompts were held back meanwhile).</summary>
    public void RecheckPrep(int pairId)
    {
        var pair = _pairs.FindById(pairId);
        if (pair is { NextCheckInUtc: { } next } && pair.RescheduledUtc != next) _pairs.Update(pair with { RescheduledUtc = next });
    }

    /// <summary>Pauses every active pair of someone Slack says cannot be reached (deactivated, unknown) for the longest pause; returns them.</summary>
    public IReadOnlyList<Pair> PauseAllOf(string userId, DateTimeOffset now)
    {
        var paused = new List<Pair>();
        foreach (var pair in CurrentFor(userId).Where(p => p.Status == PairStatus.Active))
            if (Pause(pair.Id, now + TimeSpan.FromDays(7 * PairPauses.MaxWeeks)) is not null) paused.Add(pair);
        return paused;
    }

    /// <summary>Every active pair (admin figures only; they see counts and names, never content).</summary>
    public IReadOnlyList<Pair> AllActive() => _pairs.Find(p => p.Status == PairStatus.Active).ToList();
}
