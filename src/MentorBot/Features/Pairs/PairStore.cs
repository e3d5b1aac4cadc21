using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Features.Pairs;

/// <summary>Pairs in LiteDB. Partial: check-ins keep their own pair queries in Features/CheckIns.</summary>
public sealed partial class PairStore
{
    private readonly ILiteCollection<Pair> _pairs;

    public PairStore(MentorDb db)
    {
        _pairs = db.Collection<Pair>("pairs");
        _pairs.EnsureIndex(p => p.MentorId);
        _pairs.EnsureIndex(p => p.MenteeId);
    }

    public Pair Add(Pair pair)
    {
        var id = _pairs.Insert(pair);
        return pair with { Id = id.AsInt32 };
    }

    public Pair? Get(int id) => _pairs.FindById(id);

    /// <summary>Pairs this person is in that have not ended (active or paused).</summary>
    public IReadOnlyList<Pair> CurrentFor(string userId) =>
        _pairs.Find(p => (p.MentorId == userId || p.MenteeId == userId) && p.Status != PairStatus.Ended).ToList();

    /// <summary>The one question goal and feedback privacy rests on: does <paramref name="viewerId"/> currently mentor <paramref name="menteeId"/>?</summary>
    public bool IsMentorOf(string viewerId, string menteeId) =>
        viewerId != menteeId && CurrentFor(menteeId).Any(p => p.Includes(viewerId) && p.IsMentorFor(viewerId) && p.IsMenteeFor(menteeId));

    /// <summary>Everyone who currently mentors this person (for DMs about their shared goals).</summary>
    public IReadOnlyList<string> MentorsOf(string menteeId) =>
        CurrentFor(menteeId).Where(p => p.IsMenteeFor(menteeId)).Select(p => p.OtherThan(menteeId)).Distinct().ToList();
}
