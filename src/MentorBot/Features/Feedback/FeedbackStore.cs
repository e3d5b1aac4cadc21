using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Features.Feedback;

/// <summary>
/// Feedback requests on disk. Every change is a read-modify-write in one transaction on the database's one writer
/// (<see cref="MentorDb.InTransaction{T}"/>), so a button click and the notice sender never overwrite each other.
/// Reads by person return only that person's side.
/// </summary>
public sealed class FeedbackStore
{
    private readonly MentorDb _db;
    private readonly ILiteCollection<FeedbackRequest> _requests;

    public FeedbackStore(MentorDb db)
    {
        _db = db;
        _requests = db.Collection<FeedbackRequest>("feedback_requests");
        _requests.EnsureIndex(r => r.AskerId);
        _requests.EnsureIndex(r => r.GiverId);
        _requests.EnsureIndex(r => r.Status);
        _requests.EnsureIndex(r => r.Unsent);
    }

    /// <summary>Saves new requests (ids assigned here) and returns them.</summary>
    public IReadOnlyList<FeedbackRequest> Add(IEnumerable<FeedbackRequest> requests)
    {
        var toSave = requests.ToList();
        return _db.InTransaction(() =>
        {
            var saved = new List<FeedbackRequest>();
            foreach (var request in toSave)
            {
                var id = _requests.Insert(request with { Unsent = request.Notices.Count(n => n.IsOpen) });
                saved.Add(_requests.FindById(id));
            }
            return saved;
        });
    }

    /// <summary>The request, unchecked: callers decide what the person in front of them may see.</summary>
    public FeedbackRequest? Get(int id) => _requests.FindById(id);

    /// <summary>Applies <paramref name="change"/> atomically; it returns null to leave the request as it is.</summary>
    public FeedbackRequest? Change(int id, Func<FeedbackRequest, FeedbackRequest?> change) => _db.InTransaction(() =>
    {
        if (_requests.FindById(id) is not { } current || change(current) is not { } changed) return null;
        _requests.Update(changed);
        return changed;
    });

    /// <summary>What this person asked for (and received unprompted), newest first.</summary>
    public IReadOnlyList<FeedbackRequest> AskedBy(string askerId) =>
        _requests.Find(r => r.AskerId == askerId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToList();

    /// <summary>Requests addressed to this person, newest first.</summary>
    public IReadOnlyList<FeedbackRequest> AddressedTo(string giverId) =>
        _requests.Find(r => r.GiverId == giverId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToList();

    public IReadOnlyList<FeedbackRequest> WaitingFor(string giverId) =>
        AddressedTo(giverId).Where(r => r.IsPending).ToList();

    /// <summary>Feedback mentees chose to share with this mentor.</summary>
    public IReadOnlyList<FeedbackRequest> SharedWith(string mentorId) =>
        _requests.Find(r => r.Status == FeedbackStatus.Answered).Where(r => r.SharedWith.Contains(mentorId))
            .OrderByDescending(r => r.ClosedAt).ToList();

    public IReadOnlyList<FeedbackRequest> Pending() => _requests.Find(r => r.Status == FeedbackStatus.Pending).ToList();

    public IReadOnlyList<int> WithUnsentNotices() => _requests.Find(r => r.Unsent > 0).Select(r => r.Id).ToList();

    /// <summary>Every request, for aggregate figures only.</summary>
    internal IEnumerable<FeedbackRequest> All() => _requests.FindAll();

    /// <summary>
    /// Forgets a person: what they asked for goes entirely; what others asked of them stays for the asker, without
    /// the giver's id, and unanswered ones are closed. Returns how many requests changed.
    /// </summary>
    public int Forget(string userId) => _db.InTransaction(() =>
    {
        var changed = _requests.DeleteMany(r => r.AskerId == userId);
        foreach (var r in _requests.FindAll().Where(r => r.GiverId == userId || r.SharedWith.Contains(userId)).ToList())
        {
            var kept = r with
            {
                GiverId = r.GiverId == userId ? "" : r.GiverId,
                SharedWith = r.SharedWith.Where(m => m != userId).ToList(),
                Status = r.IsPending && r.GiverId == userId ? FeedbackStatus.Undeliverable : r.Status,
                GiverChannel = r.GiverId == userId ? null : r.GiverChannel,
                GiverMessageTs = r.GiverId == userId ? null : r.GiverMessageTs,
                Notices = r.Notices.Where(n => n.To != userId).ToList(),
            };
            _requests.Update(kept with { Unsent = kept.Notices.Count(n => n.IsOpen) });
            changed++;
        }
        return changed;
    });
}
