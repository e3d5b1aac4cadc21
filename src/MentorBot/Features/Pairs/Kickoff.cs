using LiteDB;
using MentorBot.Cadences;
using MentorBot.Storage;

namespace MentorBot.Features.Pairs;

/// <summary>One person's answers to "Set expectations". Only the two people of the pair ever see them.</summary>
public sealed record KickoffAnswer
{
    /// <summary>"{PairId}:{UserId}": one answer per person per pair; answering again replaces it.</summary>
    [BsonId] public string Id { get; init; } = "";
    public int PairId { get; init; }
    public string UserId { get; init; } = "";
    public string? Want { get; init; }
    public List<string> Ways { get; init; } = [];
    public int SessionMinutes { get; init; }
    public CadenceKind Frequency { get; init; }
    public DayOfWeek Day { get; init; }
    public TimeOnly At { get; init; }

    /// <summary>The zone <see cref="At"/> is read in (one of the two people's zones).</summary>
    public string? ZoneId { get; init; }
    public DateTimeOffset AnsweredAt { get; init; }

    public static string IdOf(int pairId, string userId) => $"{pairId}:{userId}";

    /// <summary>The cadence this answer asks for (monthly means the first such weekday of the month).</summary>
    public Cadence Cadence => new() { Kind = Frequency, Day = Day, At = At, WeekOfMonth = 1 };

    /// <summary>The meeting this answer proposes: rhythm, time, zone and length.</summary>
    public MeetingTerms Terms => new(Frequency, Day, At, ZoneId, SessionMinutes);
}

/// <summary>When and how long a pair meets: what the two people agree at kickoff (and later with "Edit agreement").</summary>
public sealed record MeetingTerms(CadenceKind Frequency, DayOfWeek Day, TimeOnly At, string? ZoneId, int SessionMinutes)
{
    public Cadence Cadence => new() { Kind = Frequency, Day = Day, At = At, WeekOfMonth = 1 };
}

/// <summary>
/// The pair's meeting agreement: the terms both accepted, and a proposal waiting for the other person's one tap. The
/// first answer proposes; the second accepts it (the same terms) or proposes others, which the first confirms.
/// </summary>
public sealed record KickoffAgreement
{
    [BsonId] public int PairId { get; init; }
    public MeetingTerms? Agreed { get; init; }
    public DateTimeOffset? AgreedAt { get; init; }
    public MeetingTerms? Proposal { get; init; }
    public string? ProposedBy { get; init; }

    /// <summary>Counts proposals, so an "Accept" tap on an older one changes nothing.</summary>
    public int Version { get; init; }

    /// <summary>Where each person's kickoff DM is, so its button becomes "Edit agreement" once both answered.</summary>
    public List<PostedKickoff> KickoffMessages { get; init; } = [];
}

public sealed record PostedKickoff(string UserId, string Channel, string Ts);

/// <summary>One reminder, once, to a person who has not set expectations two working days after the kickoff.</summary>
public sealed record KickoffReminder
{
    /// <summary>"{PairId}:{UserId}".</summary>
    [BsonId] public string Id { get; init; } = "";
    public int PairId { get; init; }
    public string UserId { get; init; } = "";
    public DateTimeOffset DueAt { get; init; }
}

public sealed class KickoffStore
{
    private readonly MentorDb _db;
    private readonly ILiteCollection<KickoffAnswer> _answers;
    private readonly ILiteCollection<KickoffAgreement> _agreements;
    private readonly ILiteCollection<KickoffReminder> _reminders;
    private readonly Lock _oneAtATime = new();

    public KickoffStore(MentorDb db)
    {
        _db = db;
        _answers = db.Collection<KickoffAnswer>("pair_kickoff_answers");
        _answers.EnsureIndex(a => a.PairId);
        _answers.EnsureIndex(a => a.UserId);
        _agreements = db.Collection<KickoffAgreement>("pair_kickoff_agreements");
        _agreements.EnsureIndex(a => a.ProposedBy);
        _reminders = db.Collection<KickoffReminder>("pair_kickoff_reminders");
        _reminders.EnsureIndex(r => r.DueAt);
    }

    public KickoffAgreement AgreementOf(int pairId) => _agreements.FindById(pairId) ?? new KickoffAgreement { PairId = pairId };

    /// <summary>Changes the agreement under one lock (two people answering at once); null from <paramref name="change"/> leaves it.</summary>
    public (KickoffAgreement Agreement, bool Changed) ChangeAgreement(int pairId, Func<KickoffAgreement, KickoffAgreement?> change)
    {
        lock (_oneAtATime)
        {
            var current = AgreementOf(pairId);
            if (change(current) is not { } updated) return (current, false);
            _agreements.Upsert(updated);
            return (updated, true);
        }
    }

    public void AddKickoffMessage(int pairId, PostedKickoff message) =>
        ChangeAgreement(pairId, a => a with { KickoffMessages = [.. a.KickoffMessages.Where(m => m.UserId != message.UserId), message] });

    public void ScheduleReminder(int pairId, string userId, DateTimeOffset dueAt) =>
        _reminders.Upsert(new KickoffReminder { Id = $"{pairId}:{userId}", PairId = pairId, UserId = userId, DueAt = dueAt });

    public IReadOnlyList<KickoffReminder> RemindersDueBy(DateTimeOffset now) =>
        // DateRange keeps "now" out of the expression text: LiteDB compiles and caches every new text for good.
        _reminders.Find(DateRange.Between(nameof(KickoffReminder.DueAt), DateRange.Earliest, now)).ToList();

    /// <summary>Removes a reminder; false when it was already gone (so it is sent at most once).</summary>
    public bool TakeReminder(string id) => _reminders.Delete(id);

    public void Save(KickoffAnswer answer) => _answers.Upsert(answer with { Id = KickoffAnswer.IdOf(answer.PairId, answer.UserId) });

    public KickoffAnswer? Get(int pairId, string userId) => _answers.FindById(KickoffAnswer.IdOf(pairId, userId));

    /// <summary>Both answers of a pair, for its two people only (callers check membership first).</summary>
    public IReadOnlyList<KickoffAnswer> ForPair(int pairId) => _answers.Find(a => a.PairId == pairId).ToList();

    public IReadOnlyList<KickoffAnswer> By(string userId) => _answers.Find(a => a.UserId == userId).ToList();

    /// <summary>Forget-me: their answers, reminders, proposals and kickoff messages go; the pair's agreed terms stay for the other.</summary>
    public int DeleteBy(string userId, IEnumerable<int> pairIds)
    {
        var changed = _answers.DeleteMany(a => a.UserId == userId) + _reminders.DeleteMany(r => r.UserId == userId);
        foreach (var pairId in pairIds)
            changed += ChangeAgreement(pairId, a => a.ProposedBy == userId || a.KickoffMessages.Any(m => m.UserId == userId)
                ? a with
                {
                    Proposal = a.ProposedBy == userId ? null : a.Proposal, ProposedBy = a.ProposedBy == userId ? null : a.ProposedBy,
                    KickoffMessages = a.KickoffMessages.Where(m => m.UserId != userId).ToList(),
                }
                : null).Changed ? 1 : 0;
        return changed;
    }
}
