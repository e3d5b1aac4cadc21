using LiteDB;
using MentorBot.Features.Pairs;
using MentorBot.Storage;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Check-ins, the nudge outbox, agenda items, per-pair no-nagging state and the pair's schedule fields
/// (<see cref="Pair.NextCheckInUtc"/> as the scheduler advances it, <see cref="Pair.RescheduledUtc"/> once prep is checked).
/// Every change that must land together is one synchronous <see cref="MentorDb.InTransaction{T}"/> call.
/// </summary>
public sealed class CheckInStore
{
    private readonly MentorDb _db;
    private readonly ILiteCollection<Pair> _pairs;

    public CheckInStore(MentorDb db)
    {
        _db = db;
        _pairs = db.Collection<Pair>(PairStore.CollectionName);
        CheckIns = db.Collection<CheckIn>("checkins");
        Nudges = db.Collection<Nudge>("nudges");
        Agenda = db.Collection<AgendaItem>("agenda");
        States = db.Collection<PairCheckInState>("checkin_pair_state");
        db.EnsureCollection("checkin_cursor", formerIndexes: "Until"); // rewritten every tick: no index to rewrite with it
        Cursor = db.Collection<BsonDocument>("checkin_cursor");
        CheckIns.EnsureIndex(c => c.PairId);
        CheckIns.EnsureIndex(c => c.DueUtc);
        CheckIns.EnsureIndex(c => c.MentorId);
        CheckIns.EnsureIndex(c => c.MenteeId);
        Nudges.EnsureIndex(n => n.QueueAt);
        Nudges.EnsureIndex(n => n.CheckInId);
        Nudges.EnsureIndex(n => n.RecipientId);
        Nudges.EnsureIndex(n => n.PairId);
        Nudges.EnsureIndex(n => n.RetireAt);
        Agenda.EnsureIndex(a => a.PairId);
        Agenda.EnsureIndex(a => a.AuthorId);
        // The scheduler's queries must stay index seeks with 100,000 pairs stored.
        _pairs.EnsureIndex(p => p.NextCheckInUtc);
        _pairs.EnsureIndex(p => p.RescheduledUtc);
    }

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
        Nudges.Find(DateRange.Between(nameof(Nudge.QueueAt), DateRange.Earliest, now), 0, limit).ToList();

    public IReadOnlyList<Nudge> NudgesOf(string checkInId) => Nudges.Find(n => n.CheckInId == checkInId).ToList();

    public IReadOnlyList<Nudge> NudgesOfPair(int pairId, NudgeKind kind) => Nudges.Find(n => n.PairId == pairId && n.Kind == kind).ToList();

    /// <summary>Clears the "keep going?" question once; false when someone already answered it.</summary>
    public bool AnswerKeepGoing(int pairId) => _db.InTransaction(() =>
    {
        var state = StateOf(pairId);
        if (!state.AwaitingKeepGoing) return false;
        SaveState(state with { AwaitingKeepGoing = false, IgnoredInARow = 0 });
        return true;
    });

    /// <summary>Records one person's rating once; false when they already rated.</summary>
    public bool Rate(string checkInId, string userId, int rating) => _db.InTransaction(() =>
    {
        var checkIn = CheckIns.FindById(checkInId);
        if (checkIn is null || checkIn.RatingOf(userId) is not null) return false;
        return CheckIns.Update(checkIn with { Ratings = [.. checkIn.Ratings, new CheckInRating(userId, rating)] });
    });

    /// <summary>Remembers where a summary was posted, so a later change (notes, a rating) updates it in place.</summary>
    public void AddSummary(string checkInId, PostedSummary summary) => _db.InTransaction(() =>
        CheckIns.FindById(checkInId) is { } checkIn
        && CheckIns.Update(checkIn with { Summaries = [.. checkIn.Summaries.Where(s => s.UserId != summary.UserId), summary] }));

    /// <summary>
    /// The check-in closed without a click on its prompts (superseded, paused, ended): queue their rewrite to one line
    /// without buttons. Call inside the transaction that closes it.
    /// </summary>
    public void QueueRetirement(string checkInId, DateTimeOffset now)
    {
        foreach (var n in NudgesOf(checkInId).Where(IsLivePrompt))
            Nudges.Update(n with { RetireAt = now });
    }

    /// <summary>Delivered prompts waiting to be rewritten to their closed state, earliest first.</summary>
    public IReadOnlyList<Nudge> RetireQueue(DateTimeOffset now, int limit) =>
        Nudges.Find(DateRange.Between(nameof(Nudge.RetireAt), DateRange.Earliest, now), 0, limit).ToList();

    public void MarkRetired(string nudgeId)
    {
        if (Nudges.FindById(nudgeId) is { } n && (!n.Retired || n.RetireAt is not null)) Nudges.Update(n with { Retired = true, RetireAt = null });
    }

    /// <summary>A prompt or reminder on someone's screen that still has its buttons.</summary>
    public static bool IsLivePrompt(Nudge n) =>
        n.Kind is NudgeKind.Prompt or NudgeKind.Reminder && n is { Status: NudgeStatus.Sent, Channel: not null, Ts: not null, Retired: false };

    /// <summary>
    /// Applies a member's decision once: only an <see cref="CheckInStatus.Open"/> check-in (or a held one getting notes)
    /// changes, so a double click or a second person's click has no second effect. Returns the check-in after, and
    /// whether this call changed it.
    /// </summary>
    public (CheckIn CheckIn, bool Changed) Decide(string checkInId, Func<CheckIn, CheckIn?> change)
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
        CheckIns.Find(DateRange.Between(nameof(CheckIn.DueUtc), from, to)).ToList();

    /// <summary>Every rating given (for the value score; weekly figures, not a request path).</summary>
    public IReadOnlyList<int> AllRatings() => CheckIns.FindAll().SelectMany(c => c.AllRatings).ToList();

    /// <summary>One person's check-ins (either role) due in [<paramref name="from"/>, <paramref name="to"/>]: a seek on the person, not a scan of the window.</summary>
    public IReadOnlyList<CheckIn> OfPersonBetween(string userId, DateTimeOffset from, DateTimeOffset to) =>
        // One query per role, so each seeks its person index (an OR would not use one); the window narrows what it finds.
        new[] { nameof(CheckIn.MentorId), nameof(CheckIn.MenteeId) }.SelectMany(role => CheckIns.Find(BsonExpression.Create(
            $"$.{role} = @0 AND $.DueUtc BETWEEN @1 AND @2", new BsonValue(userId), new BsonValue(from.UtcDateTime), new BsonValue(to.UtcDateTime)))).ToList();

    public IReadOnlyList<CheckIn> Involving(string userId) =>
        CheckIns.Find(c => c.MentorId == userId || c.MenteeId == userId).OrderBy(c => c.DueUtc).ToList();

    /// <summary>Up to where the "come prepared" scan has looked (persisted, so a restart neither repeats nor skips).</summary>
    public DateTimeOffset? PrepScannedUntil
    {
        get => Cursor.FindById(1) is { } doc ? new DateTimeOffset(DateTime.SpecifyKind(doc["Until"].AsDateTime.ToUniversalTime(), DateTimeKind.Utc)) : null;
        set => Cursor.Upsert(new BsonDocument { ["_id"] = 1, ["Until"] = value!.Value.UtcDateTime });
    }

    // The pair's schedule, as check-ins move it.

    /// <summary>Active pairs whose next check-in is at or before <paramref name="now"/>, earliest first (paused/ended pairs have none).</summary>
    public IReadOnlyList<Pair> DueForCheckIn(DateTimeOffset now, int limit) =>
        _pairs.Find(DateRange.Between(nameof(Pair.NextCheckInUtc), DateRange.Earliest, now), 0, limit)
            .Where(p => p.Status == PairStatus.Active && p.NextCheckInUtc is not null)
            .ToList();

    /// <summary>Active pairs whose next check-in lies in (<paramref name="after"/>, <paramref name="until"/>].</summary>
    public IReadOnlyList<Pair> CheckInsBetween(DateTimeOffset after, DateTimeOffset until) =>
        _pairs.Find(DateRange.Between(nameof(Pair.NextCheckInUtc), after, until))
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
        _pairs.Find(DateRange.Between(nameof(Pair.RescheduledUtc), DateRange.Earliest, until)).ToList();

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
}
