using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>
/// The buttons on goal messages and the App Home. A button's value is only the goal number: the goal is always looked up
/// among the clicking person's own goals, so a crafted value can never reach someone else's.
/// </summary>
public sealed class GoalActions(GoalStore goals, GoalChanges changes, SlackReplies replies, ILogger<GoalActions> logger) : IBlockActionHandler
{
    public const string New = "goal.new";
    public const string Details = "goal.details";
    public const string Progress = "goal.progress";
    public const string Done = "goal.done";
    public const string Drop = "goal.drop";
    public const string KeepIt = "goal.keep";
    public const string Show = "goal.show";
    public const string Page = "goal.page";
    public const string Menu = "goal.menu";

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var user = actions.User.Id;
        var id = actions.Action.ActionId ?? "";
        var value = actions.Action.Value;
        if (id == New) return await OpenAsync(actions, GoalModal.Render(null, actions.ResponseUrl), ct);
        // A goal's "⋯" menu in the list carries what it stands for in front of the number: "goal.done|3".
        if (id == Menu && actions.Action.SelectedOption?.Value is { } chosen && chosen.IndexOf('|') is var bar and > 0)
            (id, value) = (chosen[..bar], chosen[(bar + 1)..]);

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return Reply(actions, "That button has lost track of its goal. `/goal list` shows your goals.");
        if (id == Page) return Reply(actions, GoalMessages.OwnList(goals.ListFor(user), number), replace: true);
        if (id == KeepIt) return Reply(actions, ($"OK, goal #{number} stays on your list.", null), replace: true);

        var found = changes.Find(user, number);
        if (found.Goal is not { } goal) return Reply(actions, found.Problem!);
        switch (id)
        {
            case Details:
                return await OpenAsync(actions, GoalModal.Render(goal, actions.ResponseUrl), ct);
            case Progress when goal.Status == GoalStatus.Done:
                return Reply(actions, $"Goal #{number} is already done 🎉");
            case Progress:
                return await OpenAsync(actions, ProgressModal.Render(goal, actions.ResponseUrl), ct);
            case Show:
                return Reply(actions, GoalMessages.Detail(goal));
            case Done:
                var done = changes.MarkDone(user, number, out var tellMentors);
                if (done.Goal is null) return Reply(actions, done.Problem!);
                var ack = Reply(actions, GoalMessages.Saved(done.Goal, "🎉 Done:"));
                return tellMentors is null ? ack : ack.Then(tellMentors);
            case Drop:
                var dropped = changes.Drop(user, number);
                if (dropped.Goal is null) return Reply(actions, dropped.Problem!);
                return Reply(actions, ($"Dropped goal #{number}. It has left your list; its history is kept.", null), replace: true);
            default:
                logger.LogWarning("Unknown goal action {ActionId}", id);
                return Reply(actions, "That button is from an older version of MentorBot. `/goal list` shows your goals.");
        }
    }

    private Task<SlackAck> OpenAsync(BlockActions actions, JsonObject view, CancellationToken ct) =>
        replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, view,
            "I couldn't open the form just now. Please try again, or use `/goal help` for the typed commands.");

    private SlackAck Reply(BlockActions actions, string text) => Reply(actions, (text, null));

    private SlackAck Reply(BlockActions actions, (string Text, JsonArray? Blocks) message, bool replace = false) =>
        SlackAck.Empty.Then(ct => replace
            ? replies.ReplaceAsync(ReplyTarget.Of(actions), message.Text, message.Blocks, ct)
            : replies.TellAsync(ReplyTarget.Of(actions), message.Text, message.Blocks, ct));
}
