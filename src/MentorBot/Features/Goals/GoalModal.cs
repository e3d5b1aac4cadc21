using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>What a goal modal remembers between opening and submitting: which goal, and where to answer.</summary>
public sealed record GoalModalState(int? Number, string? ResponseUrl)
{
    public string Serialize() => JsonSerializer.Serialize(this);

    public static GoalModalState Parse(string? metadata)
    {
        if (string.IsNullOrEmpty(metadata)) return new(null, null);
        try
        {
            return JsonSerializer.Deserialize<GoalModalState>(metadata) ?? new(null, null);
        }
        catch (JsonException)
        {
            return new(null, null);
        }
    }
}

/// <summary>The "New goal" form (and the same form to edit a goal's details): renders it and handles its submission.</summary>
public sealed class GoalModal(GoalStore goals, GoalChanges changes, SlackReplies replies) : IViewSubmissionHandler
{
    public const string CreateId = "goal.create";
    public const string EditId = "goal.edit";
    public const string TitleBlock = "goal_title";
    public const string WhyBlock = "goal_why";
    public const string TargetBlock = "goal_target";
    public const string VisibilityBlock = "goal_visibility";
    public const string MentorsValue = "mentors";
    public const string OnlyMeValue = "only_me";

    public static JsonObject Render(Goal? goal, string? responseUrl)
    {
        var blocks = new JsonArray(
            Blocks.Input(TitleBlock, "Goal", Blocks.TextInput("value", maxLength: GoalChanges.TitleMax, initialValue: goal?.Title,
                placeholder: "e.g. Learn to give a conference talk")),
            Blocks.Input(WhyBlock, "Why it matters", Blocks.TextInput("value", multiline: true, maxLength: GoalChanges.TextMax,
                initialValue: goal?.Why), optional: true),
            Blocks.Input(TargetBlock, "Target date", Blocks.DatePicker("value", goal?.TargetDate, "Pick a date"), optional: true),
            Blocks.Input(VisibilityBlock, "Who can see it", Blocks.RadioButtons("value",
                [
                    Blocks.Option("My mentors", MentorsValue, "They see it and its progress"),
                    Blocks.Option("Only me", OnlyMeValue, "Private notes to yourself"),
                ], goal is { IsShared: false } ? OnlyMeValue : MentorsValue)));
        var state = new GoalModalState(goal?.Number, responseUrl).Serialize();
        // A response_url longer than private_metadata allows is simply not remembered; the answer goes by DM instead.
        if (state.Length > Limits.PrivateMetadata) state = new GoalModalState(goal?.Number, null).Serialize();
        return goal is null
            ? Views.Modal(CreateId, "New goal", blocks, submit: "Save goal", privateMetadata: state)
            : Views.Modal(EditId, $"Goal #{goal.Number}", blocks, submit: "Save", privateMetadata: state);
    }

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var userId = submission.User.Id;
        var values = submission.View.State;
        var meta = GoalModalState.Parse(submission.View.PrivateMetadata);
        var title = values.Text(TitleBlock);
        var why = values.Text(WhyBlock);
        var visibility = values[VisibilityBlock]?.SelectedOption?.Value == OnlyMeValue ? GoalVisibility.OnlyMe : GoalVisibility.Mentors;

        var errors = new Dictionary<string, string>();
        if (GoalChanges.TitleProblem(title) is { } titleProblem) errors[TitleBlock] = Plain(titleProblem);
        if (GoalChanges.TextProblem(why, "This") is { } whyProblem) errors[WhyBlock] = whyProblem;
        DateOnly? target = null;
        if (values[TargetBlock]?.SelectedDate is { Length: > 0 } picked)
        {
            if (!DateOnly.TryParseExact(picked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                errors[TargetBlock] = "That date didn't come through. Please pick it again.";
            // A day of slack: the picker shows the person's own today, which may be UTC's yesterday.
            else if (date < DateOnly.FromDateTime(changes.Now.UtcDateTime).AddDays(-1))
                errors[TargetBlock] = "Pick today or a later date, or leave it empty.";
            else target = date;
        }
        if (errors.Count > 0) return Task.FromResult(SlackAck.ViewErrors(errors));

        GoalResult result;
        if (submission.View.CallbackId == EditId && meta.Number is { } number)
            result = changes.Edit(userId, number, title!, g => g with { Why = why, TargetDate = target, Visibility = visibility });
        else
            result = GoalResult.Ok(goals.Add(userId, title!, changes.Now, why, target, visibility));

        if (result.Goal is not { } goal)
            return Task.FromResult(SlackAck.ViewError(TitleBlock, Plain(result.Problem!)));

        var (text, blocks) = GoalMessages.Saved(goal, meta.Number is null ? "Saved" : "Updated");
        return Task.FromResult(SlackAck.Empty.Then(ct2 => replies.TellAsync(ReplyTarget.Of(submission, meta.ResponseUrl), text, blocks, ct2)));
    }

    // Field errors are plain text in Slack's form: drop the backticks the chat answers use.
    private static string Plain(string message) => message.Replace("`", "");
}
