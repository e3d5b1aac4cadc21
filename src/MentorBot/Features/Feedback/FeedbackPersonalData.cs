using MentorBot.Features.Goals;
using MentorBot.Programme;

namespace MentorBot.Features.Feedback;

/// <summary>A person's feedback, for export (what they asked and received, what they gave, what was shared with them) and forget.</summary>
public sealed class FeedbackPersonalData(FeedbackStore store) : IPersonalData
{
    public string Name => "feedback";

    public object Export(string userId) => new
    {
        Asked = store.AskedBy(userId).Select(r => new
        {
            r.Id, r.Topic, r.Context, Goal = r.GoalTitle, r.By, Status = r.Status.ToString(), r.Unprompted, From = r.GiverId,
            r.CreatedAt, r.ClosedAt, r.Answer, r.ThankedAt, SharedWith = r.SharedWith.ToList(),
        }).ToList(),
        AskedOfMe = store.AddressedTo(userId).Select(r => new
        {
            r.Id, r.Topic, r.Context, r.By, Status = r.Status.ToString(), r.Unprompted, For = r.AskerId, r.CreatedAt, r.ClosedAt,
            MyAnswer = r.Answer,
        }).ToList(),
        SharedWithMe = store.SharedWith(userId).Select(r => new { r.Id, r.Topic, Mentee = r.AskerId, From = r.GiverId, r.Answer }).ToList(),
    };

    public int Forget(string userId) => store.Forget(userId);
}
