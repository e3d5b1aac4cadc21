using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>The "Update progress" form behind the goal buttons: a percentage and an optional note.</summary>
public sealed class ProgressModal(GoalChanges changes, SlackReplies replies) : IViewSubmissionHandler
{
    public const string CallbackId = "goal.progress_form";
    public const string PercentBlock = "goal_percent";
    public const string NoteBlock = "goal_note";

    public static JsonObject Render(Goal goal, string? responseUrl)
    {
        var steps = Enumerable.Range(0, 11).Select(i => i * 10).Append(goal.Progress).Distinct().Order();
        var blocks = new JsonArray(
            Blocks.Section(GoalMessages.Title(goal) + "\n" + GoalMessages.Facts(goal)),
            Blocks.Input(PercentBlock, "Progress", Blocks.StaticSelect("value",
                steps.Select(p => Blocks.Option($"{p}%", p.ToString(CultureInfo.InvariantCulture))),
                goal.Progress.ToString(CultureInfo.InvariantCulture), "How far along?")),
            Blocks.Input(NoteBlock, "What happened?", Blocks.TextInput("value", multiline: true, maxLength: GoalChanges.TextMax,
                placeholder: "Optional: kept in the goal's history"), optional: true));
        var state = new GoalModalState(goal.Number, responseUrl).Serialize();
        if (state.Length > Limits.PrivateMetadata) state = new GoalModalState(goal.Number, null).Serialize();
        return Views.Modal(CallbackId, $"Progress on #{goal.Number}", blocks, submit: "Save", privateMetadata: state);
    }

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var userId = submission.User.Id;
        var meta = GoalModalState.Parse(submission.View.PrivateMetadata);
        var note = submission.View.State.Text(NoteBlock);
        if (!int.TryParse(submission.View.State[PercentBlock]?.SelectedOption?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var percent)
            || percent > 100)
            return SlackAck.ViewError(PercentBlock, "Pick how far along you are (0–100%).");
        if (GoalChanges.TextProblem(note, "Notes") is { } noteProblem)
            return SlackAck.ViewError(NoteBlock, noteProblem);
        if (meta.Number is not { } number)
            return SlackAck.ViewError(PercentBlock, "This form lost track of its goal. Please close it and try again.");

        var result = await changes.SetProgressAsync(userId, number, percent, note);
        if (result.Goal is not { } goal)
            return SlackAck.ViewError(PercentBlock, result.Problem!.Replace("`", ""));
        var (text, blocks) = GoalMessages.Saved(goal, "Updated");
        return SlackAck.Empty.Then(ct2 => replies.TellAsync(ReplyTarget.Of(submission, meta.ResponseUrl), text, blocks, ct2));
    }
}
