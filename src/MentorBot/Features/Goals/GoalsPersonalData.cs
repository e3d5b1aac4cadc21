using MentorBot.Programme;

namespace MentorBot.Features.Goals;

/// <summary>A person's goals for /mentor export, and their removal for /mentor forget-me.</summary>
public sealed class GoalsPersonalData(GoalStore goals) : IPersonalData
{
    public string Name => "goals";

    public object Export(string userId) =>
        goals.ListFor(userId, includeDropped: true).Select(g => new
        {
            number = g.Number,
            title = g.Title,
            why = g.Why,
            targetDate = g.TargetDate?.ToString("yyyy-MM-dd"),
            sharedWithMentors = g.IsShared,
            status = g.Status.ToString().ToLowerInvariant(),
            progress = g.Progress,
            createdAt = g.CreatedAt,
            updatedAt = g.UpdatedAt,
            completedAt = g.CompletedAt,
            history = g.History.Select(h => new { at = h.At, progress = h.Progress, text = h.Text }).ToList(),
        }).ToList();

    public int Forget(string userId) => goals.DeleteAllOf(userId);
}
