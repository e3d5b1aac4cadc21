using LiteDB;

namespace MentorBot.Features.Pairs;

/// <summary>The pair queries and updates check-ins need (schedule claims, pauses from a prompt).</summary>
public sealed partial class PairStore
{
    private int _checkInIndexReady;

    /// <summary>The scheduler's query must stay an index seek with 100,000 pairs stored.</summary>
    public void EnsureCheckInIndex()
    {
        if (Interlocked.Exchange(ref _checkInIndexReady, 1) == 0) _pairs.EnsureIndex(p => p.NextCheckInUtc);
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

    /// <summary>The longest pause /mentor pause allows; the pairs feature resumes a pair when its pause is over.</summary>
    public static readonly TimeSpan LongestPause = TimeSpan.FromDays(26 * 7);

    /// <summary>Pauses one pair (a member asked from a prompt) until <paramref name="until"/>; the pairs feature resumes it.</summary>
    public bool PauseFromCheckIn(int pairId, DateTimeOffset until)
    {
        var pair = _pairs.FindById(pairId);
        if (pair is not { Status: PairStatus.Active }) return false;
        return _pairs.Update(pair with { Status = PairStatus.Paused, PausedUntil = until, NextCheckInUtc = null });
    }

    /// <summary>Ends one pair (a member chose "end" when asked whether to keep going).</summary>
    public bool EndFromCheckIn(int pairId, DateTimeOffset now)
    {
        var pair = _pairs.FindById(pairId);
        if (pair is null || pair.Status == PairStatus.Ended) return false;
        return _pairs.Update(pair with { Status = PairStatus.Ended, NextCheckInUtc = null, EndedAt = now });
    }

    /// <summary>Pauses every active pair of someone Slack says cannot be reached (deactivated, unknown); returns them.</summary>
    public IReadOnlyList<Pair> PauseAllOf(string userId, DateTimeOffset now)
    {
        var paused = new List<Pair>();
        foreach (var pair in CurrentFor(userId).Where(p => p.Status == PairStatus.Active))
            if (PauseFromCheckIn(pair.Id, now + LongestPause)) paused.Add(pair);
        return paused;
    }

    /// <summary>Every active pair (admin figures only; they see counts and names, never content).</summary>
    public IReadOnlyList<Pair> AllActive() => _pairs.Find(p => p.Status == PairStatus.Active).ToList();
}
