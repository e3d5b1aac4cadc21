using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>Top of the App Home: a welcome and a Join button for newcomers; the state of my sign-ups for everyone else.</summary>
public sealed class WelcomeHomeSection(SignUpStore signUps, PairStore pairs, ProgrammeSettingsStore settings) : IAppHomeSection
{
    public int Order => 0;

    public Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var s = settings.Get();
        var mine = signUps.Of(userId);
        // The Messages tab is read-only (the manifest): the top line says how to reach MentorBot instead.
        var blocks = new List<JsonObject> { Blocks.Header(s.ProgrammeName), Blocks.Context(ReachMe) };
        if (mine.Count == 0 && pairs.CurrentFor(userId).Count == 0)
        {
            blocks.Add(Blocks.Section(
                "👋 *Welcome to MentorBot.* It pairs mentees with mentors, keeps your goals in one place, nudges you both to meet " +
                "regularly and makes asking for honest feedback easy. Your goals and notes are seen only by you and your mentor."));
            blocks.Add(Blocks.Actions("admin.home.join", Blocks.Button("Join", SignUpModal.JoinAny, "any", "primary")));
            return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
        }
        foreach (var signUp in mine.Where(x => x.Status == SignUpStatus.Waiting))
            blocks.Add(Blocks.Context(signUp.Role == SignUpRole.Mentor
                ? $"You're signed up to mentor (up to {signUp.Capacity}). An admin will pair you."
                : WaitingLine(userId)));
        return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
    }

    // The Messages tab is read-only (the manifest), so the top line says where typing works.
    public const string ReachMe = "Type `/mentor help` or `/goal` in any channel to reach me: only you see my answer. My DMs arrive under Messages, which is read-only.";

    /// <summary>The truth about a waiting mentee's chances: their place in the queue, and whether any mentor has room.</summary>
    private string WaitingLine(string userId)
    {
        var place = signUps.WaitingMentees().Select(w => w.UserId).ToList().IndexOf(userId) + 1;
        var mentors = signUps.Mentors();
        return mentors.Count == 0 || mentors.All(m => m.IsFull)
            ? $"You're signed up as a mentee. All mentors are full right now; you're on the waiting list, number {place}. I'll DM you when you're paired."
            : $"You're signed up as a mentee: number {place} on the waiting list. An admin pairs people from it; I'll DM you when it's your turn.";
    }
}

/// <summary>Bottom of an admin's App Home: programme figures and waiting sign-ups. Aggregates and sign-ups only.</summary>
public sealed class ProgrammeHomeSection(Admins admins, ProgrammeFiguresReport report, SignUpStore signUps, ProgrammeSettingsStore settings)
    : IAppHomeSection
{
    public int Order => 1000;

    public async Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await admins.IsAdminAsync(userId, ct)) return [];
        var s = settings.Get();
        var blocks = new List<JsonObject> { Blocks.Divider(), Blocks.Header("Programme (admins)") };
        blocks.Add(Blocks.Context(s.ChannelId is { } channel
            ? $"Lives in {Mrkdwn.Channel(channel)} · `/mentor settings` · `/mentor announce` · `/mentor stats`"
            : "No programme channel yet: `/mentor channel #channel-name` · `/mentor settings`"));
        blocks.AddRange(FiguresView.Render(report.Collect(now)));
        blocks.AddRange(SignUpsCommand.SignUpBlocks(signUps, max: 30));
        return blocks;
    }
}
