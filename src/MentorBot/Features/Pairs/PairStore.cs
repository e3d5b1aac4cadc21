using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Features.Pairs;

/// <summary>Pairs in LiteDB. The check-in store moves a pair's schedule fields (see <c>CheckInStore</c>).</summary>
public sealed class PairStore
{
    public const string CollectionName = "pairs";

    private readonly ILiteCollection<Pair> _pairs;
    private readonly IReadOnlyList<IPairStopped> _stopped;

    public PairStore(MentorDb db, IEnumerable<IPairStopped>? stopped = null)
    {
        _stopped = stopped?.ToList() ?? [];
        _pairs = db.Collection<Pair>(CollectionName);
        _pairs.EnsureIndex(p => p.MentorId);
        _pairs.EnsureIndex(p => p.MenteeId);
        _pairs.EnsureIndex(p => p.StartedAt);
        _pairs.EnsureIndex(p => p.Status);
    }

    public Pair Add(Pair pair)
    {
        pair = pair with { RescheduledUtc = pair.NextCheckInUtc };
        var id = _pairs.Insert(pair);
        return pair with { Id = id.AsInt32 };
    }

    public Pair? Get(int id) => _pairs.FindById(id);

    /// <summary>Writes the whole pair (one document: atomic), noting a moved check-in for the "come prepared" check.</summary>
    public void Replace(Pair pair)
    {
        var before = _pairs.FindById(pair.Id);
        var rescheduled = pair.NextCheckInUtc is null ? null
            : pair.NextCheckInUtc != before?.NextCheckInUtc ? pair.NextCheckInUtc
            : before?.RescheduledUtc;
        _pairs.Update(pair with { RescheduledUtc = rescheduled });
        if (before is { Status: var was } && was != pair.Status && pair.Status != PairStatus.Active) Stopped(pair);
    }

    // Every way a pair stops (a pause, an end, forget-me) passes through this store: the one place that tells the features.
    private void Stopped(Pair pair)
    {
        foreach (var listener in _stopped) listener.Stopped(pair);
    }

    /// <summary>Pauses a current pair until <paramref name="until"/> (a paused one gets the new end); null when it has ended.</summary>
    public Pair? Pause(int pairId, DateTimeOffset until)
    {
        var pair = _pairs.FindById(pairId);
        if (pair is null || pair.Status == PairStatus.Ended) return null;
        var paused = pair with { Status = PairStatus.Paused, PausedUntil = until, NextCheckInUtc = null, RescheduledUtc = null };
        _pairs.Update(paused);
        if (pair.Status == PairStatus.Active) Stopped(paused);
        return paused;
    }

    /// <summary>The current (active or paused) pair between two people, in either role; there is at most one.</summary>
    public Pair? CurrentBetween(string a, string b) =>
        CurrentFor(a).FirstOrDefault(p => p.Includes(b) && a != b);

    /// <summary>Every pair this person was ever in, ended ones included (they keep their history).</summary>
    public IReadOnlyList<Pair> EverFor(string userId) =>
        Involving(userId).OrderBy(p => p.StartedAt).ToList();

    /// <summary>Every pair that has not ended.</summary>
    public IReadOnlyList<Pair> AllCurrent() =>
        [.. _pairs.Find(p => p.Status == PairStatus.Active), .. _pairs.Find(p => p.Status == PairStatus.Paused)]; // two index seeks: "!=" cannot seek

    /// <summary>Paused pairs whose pause is over by <paramref name="now"/>.</summary>
    public IReadOnlyList<Pair> PauseOverBy(DateTimeOffset now) =>
        _pairs.Find(p => p.Status == PairStatus.Paused).Where(p => p.PausedUntil is null || p.PausedUntil <= now).ToList();

    /// <summary>All pairs, for aggregate figures only (counts, never content).</summary>
    public IReadOnlyList<Pair> AllForFigures() => _pairs.FindAll().ToList();

    /// <summary>Pairs this person is in that have not ended (active or paused).</summary>
    public IReadOnlyList<Pair> CurrentFor(string userId) =>
        Involving(userId).Where(p => p.Status != PairStatus.Ended).OrderBy(p => p.Id).ToList();

    // Two indexed lookups: LiteDB answers an OR across two fields with a scan of every pair.
    private IEnumerable<Pair> Involving(string userId) =>
        _pairs.Find(p => p.MentorId == userId).Concat(_pairs.Find(p => p.MenteeId == userId && p.MentorId != userId));

    /// <summary>The one question goal and feedback privacy rests on: does <paramref name="viewerId"/> currently mentor <paramref name="menteeId"/>?</summary>
    public bool IsMentorOf(string viewerId, string menteeId) =>
        viewerId != menteeId && CurrentFor(menteeId).Any(p => p.Includes(viewerId) && p.IsMentorFor(viewerId) && p.IsMenteeFor(menteeId));

    /// <summary>Everyone who currently mentors this person (for DMs about their shared goals).</summary>
    public IReadOnlyList<string> MentorsOf(string menteeId) =>
        CurrentFor(menteeId).Where(p => p.IsMenteeFor(menteeId)).Select(p => p.OtherThan(menteeId)).Distinct().ToList();

    /// <summary>Every active pair (admin figures only; they see counts and names, never content).</summary>
    /// <summary>Active pairs that started in [<paramref name="from"/>, <paramref name="to"/>] (an index range, for jobs keyed on a pair's age).</summary>
    public IReadOnlyList<Pair> ActiveStartedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _pairs.Find(Storage.DateRange.Between(nameof(Pair.StartedAt), from, to)).Where(p => p.Status == PairStatus.Active).ToList();

    public IReadOnlyList<Pair> AllActive() => _pairs.Find(p => p.Status == PairStatus.Active).ToList();
}

/// <summary>Told, right after it is stored, that a pair stopped having check-ins: paused, or ended for good.</summary>
public interface IPairStopped
{
    /// <summary>Synchronous store writes only (it may run inside the caller's transaction); Slack comes later.</summary>
    void Stopped(Pair pair);
}
