using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Goals;

/// <summary>
/// Goals on the App Home: the person's own open goals with buttons, and for a mentor the open goals each mentee shares
/// with them (read through <see cref="GoalStore.OpenSharedWith"/>, so "only me" goals never appear).
/// </summary>
public sealed class GoalsHomeSection(GoalStore goals, PairStore pairs) : IAppHomeSection
{
    /// <summary>Own goals shown with buttons (two blocks each); the rest are a pointer to /goal list.</summary>
    public const int MaxOwn = 10;
    public const int MaxMentees = 10;

    public int Order => 10;

    public Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var blocks = new List<JsonObject> { Blocks.Header("Your goals") };
        var mine = goals.ListFor(userId);
        var open = mine.Where(g => g.Status == GoalStatus.Open).ToList();
        var newButton = Blocks.Button("New goal", GoalActions.New, style: "primary");
        blocks.Add(Blocks.Section(mine.Count == 0
            ? "No goals yet. What do you want to get out of mentoring? Add a goal and your mentor will see it."
            : $"{open.Count} open, {mine.Count - open.Count} done.", newButton, "goal-home-summary"));
        foreach (var goal in open.Take(MaxOwn))
        {
            blocks.Add(Blocks.Section($"{GoalMessages.Title(goal)}\n{GoalMessages.Facts(goal)}"));
            blocks.Add(GoalMessages.Buttons(goal, withShow: true));
        }
        if (open.Count > MaxOwn) blocks.Add(Blocks.Context($"{open.Count - MaxOwn} more open goals: `/goal list` shows them all."));

        var mentees = pairs.CurrentFor(userId).Where(p => p.IsMentorFor(userId)).Select(p => p.OtherThan(userId)).Distinct().ToList();
        var shared = mentees.Select(m => (Mentee: m, Goals: goals.OpenSharedWith(m, userId))).Where(x => x.Goals.Count > 0).ToList();
        if (shared.Count > 0)
        {
            blocks.Add(Blocks.Divider());
            blocks.Add(Blocks.Header("Your mentees' goals"));
            foreach (var (mentee, theirs) in shared.Take(MaxMentees))
            {
                var lines = theirs.Select(g => $"• {GoalMessages.Title(g)} — {GoalMessages.Bar(g.Progress)}" +
                                               (g.TargetDate is { } t ? $" · 🎯 {GoalMessages.Date(t)}" : ""));
                blocks.Add(Blocks.Section($"*{Mrkdwn.User(mentee)}*\n" + string.Join("\n", lines)));
            }
            if (shared.Count > MaxMentees) blocks.Add(Blocks.Context($"{shared.Count - MaxMentees} more mentees: `/goal list @person` shows one person's shared goals."));
            blocks.Add(Blocks.Context("Only goals your mentees chose to share with their mentors appear here."));
        }
        return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
    }
}
