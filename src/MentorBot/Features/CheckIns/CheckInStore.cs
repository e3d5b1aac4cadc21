using LiteDB;
using MentorBot.Features.Pairs;
using MentorBot.Storage;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Check-ins, the nudge outbox, agenda items and per-pair no-nagging state. Every change that must land together is
/// one synchronous <see cref="MentorDb.InTransaction{T}"/> call.
/// </summary>
public sealed class CheckInStore
{
    private readonly MentorDb _db;
    private readonly Lock _decisions = new();

    public CheckInStore(MentorDb db, PairStore pairs)
    {
        _db = db;
        Pairs = pairs;
        CheckIns = db.Collection<CheckIn>("checkins");
        Nudges = db.Collection<Nudge>("nudges");
        Agenda = db.Collection<AgendaItem>("agenda");
        States = db.Collection<PairCheckInState>("checkin_pair_state");
        Cursor = db.Collection<BsonDocument>("checkin_cursor");
        CheckIns.EnsureIndex(c => c.PairId);
        CheckIns.EnsureIndex(c => c.DueUtc);
        CheckIns.EnsureIndex(c => c.MentorId);
        CheckIns.EnsureIndex(c => c.MenteeId);
        Nudges.EnsureIndex(n => n.QueueAt);
        Nudges.EnsureIndex(n => n.CheckInId);
        Nudges.EnsureIndex(n => n.RecipientId);
        Nudges.EnsureIndex(n => n.PairId);
        Agenda.EnsureIndex(a => a.PairId);
        Agenda.EnsureIndex(a => a.AuthorId);
        pairs.EnsureCheckInIndex();
    }

    public PairStore Pairs { get; }
    internal ILiteCollection<CheckIn> CheckIns { get; }
    internal ILiteCollection<Nudge> Nudges { get; }
    internal ILiteCollection<AgendaItem> Agenda { get; }
    internal ILiteCollection<PairCheckInState> States { get; }
    private ILiteCollection<BsonDocument> Cursor { get; }

    public T InTransaction<T>(Func<T> work) => _db.InTransaction(work);

    public CheckIn? Get(string id) => CheckIns.FindById(id);

    public PairCheckInState StateOf(int pairId) => States.FindById(pairId) ?? new PairCheckInState { PairId = pairId };

    public void SaveState(PairCheckInState state) => States.Upsert(state);

    /// <summary>Inserts the nudge unless one with its id exists (the id is the idempotency key).</summary>
    public bool AddNudgeOnce(Nudge nudge)
    {
        if (Nudges.FindById(nudge.Id) is not null) return false;
        Nudges.Insert(nudge);
        return true;
    }

    public Nudge? GetNudge(string id) => Nudges.FindById(id);

    public void UpdateNudge(Nudge nudge) => Nudges.Update(nudge);

    /// <summary>Nudges to send now (Pending or left Sending by a crash), earliest first.</summary>
    public IReadOnlyList<Nudge> Queue(DateTimeOffset now, int limit) =>
        Nudges.Find(Storage.DateRange.Between(nameof(Nudge.QueueAt), Storage.DateRange.Earliest, now), 0, limit).ToList();

    public IReadOnlyList<Nudge> NudgesOf(string checkInId) => Nudges.Find(n => n.CheckInId == checkInId).ToList();

    public IReadOnlyList<Nudge> NudgesOfPair(int pairId, NudgeKind kind) => Nudges.Find(n => n.PairId == pairId && n.Kind == kind).ToList();

    /// <summary>Clears the "keep going?" question once; false when someone already answered it.</summary>
    public bool AnswerKeepGoing(int pairId)
    {
        lock (_decisions)
        {
            var state = StateOf(pairId);
            if (!state.AwaitingKeepGoing) return false;
            SaveState(state with { AwaitingKeepGoing = false, IgnoredInARow = 0 });
            return true;
        }
    }

    /// <summary>Records the mentee's rating once; false when already rated.</summary>
    public bool Rate(string checkInId, string userId, int rating)
    {
        lock (_decisions)
        {
            var checkIn = CheckIns.FindById(checkInId);
            if (checkIn is null || checkIn.Rating is not null) return false;
            return CheckIns.Update(checkIn with { Rating = rating, RatedBy = userId });
        }
    }

    /// <summary>
    /// Applies a member's decision once: only an <see cref="CheckInStatus.Open"/> check-in (or a held one getting notes)
    /// changes, so a double click or a second person's click has no second effect. Returns the check-in after, and
    /// whether this call changed it.
    /// </summary>
    public (CheckIn CheckIn, bool Changed) Decide(string checkInId, Func<CheckIn, CheckIn?> change)
    {
        lock (_decisions)
        {
            return _db.InTransaction(() =>
            {
                var current = CheckIns.FindById(checkInId) ?? throw new InvalidOperationException("no such check-in");
                var updated = change(current);
                if (updated is null) return (current, false);
                CheckIns.Update(updated);
                if (updated.IsHeld && !current.IsHeld)
                {
                    foreach (var item in OpenAgenda(updated.PairId))
                        Agenda.Update(item with { DiscussedIn = updated.Id, DiscussedAt = updated.DecidedAt });
                }
                if (updated.Status != CheckInStatus.Open && current.Status == CheckInStatus.Open)
                {
                    var state = StateOf(updated.PairId);
                    SaveState(state with { IgnoredInARow = 0 });
                }
                return (updated, true);
            });
        }
    }

    public void Update(CheckIn checkIn) => CheckIns.Update(checkIn);

    public AgendaItem AddAgenda(int pairId, string authorId, string text, DateTimeOffset now)
    {
        var item = new AgendaItem { PairId = pairId, AuthorId = authorId, Text = text, AddedAt = now };
        var id = Agenda.Insert(item);
        return item with { Id = id.AsInt32 };
    }

    public IReadOnlyList<AgendaItem> OpenAgenda(int pairId) =>
        Agenda.Find(a => a.PairId == pairId).Where(a => a.DiscussedIn is null).OrderBy(a => a.AddedAt).ToList();

    public IReadOnlyList<CheckIn> ForPair(int pairId) => CheckIns.Find(c => c.PairId == pairId).OrderBy(c => c.DueUtc).ToList();

    public IReadOnlyList<CheckIn> DueBetween(DateTimeOffset from, DateTimeOffset to) =>
        CheckIns.Find(Storage.DateRange.Between(nameof(CheckIn.DueUtc), from, to)).ToList();

    public IReadOnlyList<CheckIn> Rated() => CheckIns.Find(c => c.Rating != null).ToList();

    public IReadOnlyList<CheckIn> Involving(string userId) =>
        CheckIns.Find(c => c.MentorId == userId || c.MenteeId == userId).OrderBy(c => c.DueUtc).ToList();

    /// <summary>Up to where the "come prepared" scan has looked (persisted, so a restart neither repeats nor skips).</summary>
    public DateTimeOffset? PrepScannedUntil
    {
        get => Cursor.FindById(1) is { } doc ? new DateTimeOffset(DateTime.SpecifyKind(doc["Until"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)) : null;
        set => Cursor.Upsert(new BsonDocument { ["_id"] = 1, ["Until"] = value!.Value.UtcDateTime });
    }
}
