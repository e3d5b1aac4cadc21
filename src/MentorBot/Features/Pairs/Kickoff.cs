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
}

public sealed class KickoffStore
{
    private readonly ILiteCollection<KickoffAnswer> _answers;

    public KickoffStore(MentorDb db)
    {
        _answers = db.Collection<KickoffAnswer>("pair_kickoff_answers");
        _answers.EnsureIndex(a => a.PairId);
        _answers.EnsureIndex(a => a.UserId);
    }

    public void Save(KickoffAnswer answer) => _answers.Upsert(answer with { Id = KickoffAnswer.IdOf(answer.PairId, answer.UserId) });

    public KickoffAnswer? Get(int pairId, string userId) => _answers.FindById(KickoffAnswer.IdOf(pairId, userId));

    /// <summary>Both answers of a pair, for its two people only (callers check membership first).</summary>
    public IReadOnlyList<KickoffAnswer> ForPair(int pairId) => _answers.Find(a => a.PairId == pairId).ToList();

    public IReadOnlyList<KickoffAnswer> By(string userId) => _answers.Find(a => a.UserId == userId).ToList();

    public int DeleteBy(string userId) => _answers.DeleteMany(a => a.UserId == userId);
}
