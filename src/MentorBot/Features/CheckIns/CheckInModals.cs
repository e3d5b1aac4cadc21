using System.Globalization;
using MentorBot.Features.Goals;
using System.Text.Json.Nodes;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.CheckIns;

/// <summary>Submissions of the check-in modals: notes, quick async check-in, pause, agenda item, goal progress.</summary>
public sealed class CheckInModals(CheckInStore store, PairStore pairs, CheckInFlows flows, GoalStore goals, PairPauses pauses, SlackApiClient slack,
    TimeProvider time) : IViewSubmissionHandler
{
    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct) => Task.FromResult(submission.View.CallbackId switch
    {
        CheckInMessages.NotesModal => Notes(submission),
        CheckInMessages.AsyncModal => Async(submission),
        CheckInMessages.PauseModal => Pause(submission),
        CheckInMessages.AgendaModal => Agenda(submission),
        CheckInMessages.GoalModal => Goal(submission),
        _ => SlackAck.Empty,
    });

    private SlackAck Notes(ViewSubmission submission)
    {
        if (Load(submission, "discussed") is not { } loaded) return Refused("discussed");
        var (checkIn, pair, channel, ts) = loaded;
        var user = submission.User.Id;
        var state = submission.View.State;
        var now = time.GetUtcNow();
        var wasHeld = checkIn.IsHeld;
        var (after, changed) = store.Decide(checkIn.Id, c => c.IsHeld
            ? c with { Discussed = state.Text("discussed"), NextSteps = state.Text("next"), NotesBy = user }
            : c.Status == CheckInStatus.Open
                ? c with { Status = CheckInStatus.Met, DecidedBy = user, DecidedAt = now, Discussed = state.Text("discussed"), NextSteps = state.Text("next"), NotesBy = user }
                : null);
        if (!changed)
            return SlackAck.ViewError("discussed", CheckInActions.AlreadyDecided(after));
        if (wasHeld) return SlackAck.Empty.Then(ct => flows.RefreshSummariesAsync(after, pair, ct)); // the record shows the edit
        return SlackAck.Empty.Then(async ct =>
        {
            await flows.RefreshPromptsAsync(after, pair, channel, ts, null, user, ct);
            await flows.SendSummariesAsync(after, pair, ct);
        });
    }

    private SlackAck Async(ViewSubmission submission)
    {
        if (Load(submission, "progress") is not { } loaded) return Refused("progress");
        var (checkIn, pair, channel, ts) = loaded;
        var user = submission.User.Id;
        var state = submission.View.State;
        if (state.Text("progress") is not { } progress)
            return SlackAck.ViewError("progress", "A line about your progress is enough.");
        var now = time.GetUtcNow();
        var (after, changed) = store.Decide(checkIn.Id, c => c.Status == CheckInStatus.Open
            ? c with
            {
                Status = CheckInStatus.Async, DecidedBy = user, DecidedAt = now, AsyncBy = user,
                AsyncProgress = progress, AsyncBlockers = state.Text("blockers"), AsyncNeeds = state.Text("needs"),
            }
            : null);
        if (!changed)
            return SlackAck.ViewError("progress", CheckInActions.AlreadyDecided(after));
        return SlackAck.Empty.Then(async ct =>
        {
            await flows.RefreshPromptsAsync(after, pair, channel, ts, null, user, ct);
            await flows.SendSummariesAsync(after, pair, ct);
        });
    }

    /// <summary>Pauses the pair; the prompt it came from says so, and the other person is told (as the menu on older prompts did).</summary>
    private SlackAck Pause(ViewSubmission submission)
    {
        if (Load(submission, "until") is not { } loaded) return Refused("until");
        var (checkIn, pair, channel, ts) = loaded;
        var user = submission.User.Id;
        if (checkIn.Status != CheckInStatus.Open) return SlackAck.ViewError("until", CheckInActions.AlreadyDecided(checkIn));
        if (!pauses.TryParseUntil([submission.View.State["until"]?.SelectedOption?.Value ?? ""], time.GetUtcNow(), user, out var until, out var error))
            return SlackAck.ViewError("until", error);
        if (pauses.Pause(pair.Id, until) is not { } paused) return SlackAck.ViewError("until", "This pairing has already ended. Nothing changed.");
        var confirmation = ":pause_button: " + PairPauses.Confirmation(paused, user, until);
        return SlackAck.Empty.Then(async ct =>
        {
            if (channel is not null && ts is not null)
                await slack.UpdateMessageAsync(channel, ts, "Check-ins paused", new JsonArray(Blocks.Section(confirmation)), ct);
            await pauses.AfterPauseAsync(paused, user, until, ct);
        });
    }

    private SlackAck Agenda(ViewSubmission submission)
    {
        if (PairOf(submission) is not { } pair) return Refused("item");
        if (submission.View.State.Text("item") is not { } text)
            return SlackAck.ViewError("item", "Write a few words about what you want to discuss.");
        store.AddAgenda(pair.Id, submission.User.Id, text, time.GetUtcNow());
        return SlackAck.Empty;
    }

    private SlackAck Goal(ViewSubmission submission)
    {
        if (PairOf(submission) is null) return Refused("goal");
        var user = submission.User.Id;
        var state = submission.View.State;
        const string pickOpenGoal = "Pick one of your open goals.";
        if (!int.TryParse(state["goal"]?.SelectedOption?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return SlackAck.ViewError("goal", pickOpenGoal);
        if (!int.TryParse(state["progress"]?.SelectedOption?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var progress) || progress is < 0 or > 100)
            return SlackAck.ViewError("progress", "Pick how far along you are.");
        var now = time.GetUtcNow();
        var note = state.Text("note");
        // The goal store's locked change: a /goal note typed at the same moment is not lost.
        var updated = false;
        goals.Change(user, number, goal =>
        {
            if (goal.Status != GoalStatus.Open) return null;
            updated = true;
            return goal with { Progress = progress, UpdatedAt = now, History = [.. goal.History, new GoalNote(now, progress, note)] };
        });
        return updated ? SlackAck.Empty : SlackAck.ViewError("goal", pickOpenGoal);
    }

    /// <summary>The check-in a modal belongs to, if the submitter is one of its pair; plus the message to update.</summary>
    private (CheckIn, Pair, string?, string?)? Load(ViewSubmission submission, string _)
    {
        var parts = (submission.View.PrivateMetadata ?? "").Split('|');
        if (store.Get(parts[0]) is not { } checkIn || pairs.Get(checkIn.PairId) is not { } pair) return null;
        if (!pair.Includes(submission.User.Id)) return null;
        return (checkIn, pair, parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
    }

    private Pair? PairOf(ViewSubmission submission) =>
        int.TryParse(submission.View.PrivateMetadata, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && pairs.Get(id) is { } pair && pair.Includes(submission.User.Id) ? pair : null;

    private static SlackAck Refused(string blockId) =>
        SlackAck.ViewError(blockId, CheckInFlows.Stranger);
}
