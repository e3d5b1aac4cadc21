using MentorBot.Programme;

namespace MentorBot.Features.CheckIns;

/// <summary>A person's check-in data: the check-ins of their pairs (with the pair's private notes), their agenda and ratings.</summary>
public sealed class CheckInPersonalData(CheckInStore store) : IPersonalData
{
    public string Name => "check-ins";

    public object Export(string userId) => new
    {
        CheckIns = store.Involving(userId).Select(c => new
        {
            c.DueUtc, Status = c.Status.ToString(), With = c.MentorId == userId ? c.MenteeId : c.MentorId,
            c.Discussed, c.NextSteps, c.AsyncProgress, c.AsyncBlockers, c.AsyncNeeds,
            MyRating = c.RatingOf(userId),
        }).ToList(),
        Agenda = store.Agenda.Find(a => a.AuthorId == userId).Select(a => new { a.Text, a.AddedAt, Discussed = a.DiscussedAt }).ToList(),
    };

    /// <summary>
    /// Removes what this person wrote (notes, async answers, agenda, ratings) and their outbox rows. The occurrence
    /// itself stays, anonymously, because the other person's history and the programme counts rely on it.
    /// </summary>
    public int Forget(string userId)
    {
        var changed = 0;
        foreach (var c in store.Involving(userId))
        {
            var cleared = c with
            {
                Discussed = c.NotesBy == userId ? null : c.Discussed,
                NextSteps = c.NotesBy == userId ? null : c.NextSteps,
                NotesBy = c.NotesBy == userId ? null : c.NotesBy,
                AsyncProgress = c.AsyncBy == userId ? null : c.AsyncProgress,
                AsyncBlockers = c.AsyncBy == userId ? null : c.AsyncBlockers,
                AsyncNeeds = c.AsyncBy == userId ? null : c.AsyncNeeds,
                AsyncBy = c.AsyncBy == userId ? null : c.AsyncBy,
                Rating = c.RatedBy == userId ? null : c.Rating,
                RatedBy = c.RatedBy == userId ? null : c.RatedBy,
                // The same list when nothing of theirs is in it, so an untouched check-in compares equal below.
                Ratings = c.Ratings.Any(r => r.By == userId) ? c.Ratings.Where(r => r.By != userId).ToList() : c.Ratings,
                Summaries = c.Summaries.Any(m => m.UserId == userId) ? c.Summaries.Where(m => m.UserId != userId).ToList() : c.Summaries,
                DecidedBy = c.DecidedBy == userId ? null : c.DecidedBy,
            };
            if (cleared != c)
            {
                store.Update(cleared);
                changed++;
            }
        }
        changed += store.Agenda.DeleteMany(a => a.AuthorId == userId);
        changed += store.Nudges.DeleteMany(n => n.RecipientId == userId);
        return changed;
    }
}
