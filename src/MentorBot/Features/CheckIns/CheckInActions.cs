using System.Globalization;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Buttons on check-in DMs ("checkin.*"). Who may act is decided from the acting user in the payload and the stored
/// pair, never from ids inside a button's value.
/// </summary>
public sealed class CheckInActions(
    CheckInStore store,
    CheckInFlows flows,
    GoalStore goals,
    ProgrammeSettingsStore settings,
    PairStore pairs,
    UserDirectory people,
    PairPauses pauses,
    SlackApiClient slack,
    SlackReplies replies,
    TimeProvider time) : IBlockActionHandler
{
    private const string CouldNotOpen = "I couldn't open that form just now. Please try the button again in a moment.";

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var actionId = actions.Action.ActionId ?? "";
        var value = actions.Action.Value ?? actions.Action.SelectedOption?.Value ?? "";
        var user = actions.User.Id;
        // Menus carry the choice in front of the id: "2w|<id>" (pause), "4|<id>" (rating), "notes|<id>" (the "⋯" menu).
        string? choice = null;
        if (actionId is CheckInMessages.Pause or CheckInMessages.KeepPause or CheckInMessages.Rate or CheckInMessages.More
            && value.IndexOf('|') is var bar and >= 0)
            (choice, value) = (value[..bar], value[(bar + 1)..]);
        if (actionId == CheckInMessages.Rate) return Rate(actions, value, choice ?? "");
        if (actionId.StartsWith(CheckInMessages.RatePrefix, StringComparison.Ordinal)) // rating buttons on older summaries
            return Rate(actions, value, actionId[CheckInMessages.RatePrefix.Length..]);
        if (actionId == CheckInMessages.More)
            actionId = choice switch { "async" => CheckInMessages.AsyncStart, "pause" => CheckInMessages.PauseModal, _ => CheckInMessages.Notes };
        switch (actionId)
        {
            case CheckInMessages.AddAgenda or CheckInMessages.UpdateGoal:
                return await PairModalAsync(actions, actionId, value, ct);
            case CheckInMessages.KeepGoing or CheckInMessages.KeepPause or CheckInMessages.KeepEnd:
                return await KeepGoingAsync(actions, actionId, value, choice, ct);
        }

        if (store.Get(value) is not { } checkIn || pairs.Get(checkIn.PairId) is not { } pair)
            return Tell(actions, "I can't find that check-in any more. It may have been removed.");
        if (!pair.Includes(user)) return Tell(actions, CheckInFlows.Stranger);

        switch (actionId)
        {
            case CheckInMessages.Met or CheckInMessages.Notes:
                // "We met" logs an open check-in once; "Add notes" (on the summary) edits the notes of a held one.
                var canOpen = checkIn.Status == CheckInStatus.Open || (checkIn.IsHeld && actionId == CheckInMessages.Notes);
                if (!canOpen) return Tell(actions, AlreadyDecided(checkIn));
                return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, CheckInMessages.NotesModalView(checkIn, Metadata(checkIn, actions)), CouldNotOpen);
            case CheckInMessages.Skip:
                return Skip(actions, checkIn, pair);
            case CheckInMessages.Snooze:
                return Snooze(actions, checkIn, pair);
            case CheckInMessages.AsyncStart:
                return await AsyncStartAsync(actions, checkIn, pair, ct);
            case CheckInMessages.AsyncAnswer:
                if (checkIn.Status != CheckInStatus.Open)
                    return Tell(actions, AlreadyDecided(checkIn));
                return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, CheckInMessages.AsyncModalView(Metadata(checkIn, actions)), CouldNotOpen);
            case CheckInMessages.PauseModal:
                if (checkIn.Status != CheckInStatus.Open) return Tell(actions, AlreadyDecided(checkIn));
                return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId,
                    CheckInMessages.PauseModalView(pair.OtherThan(user), Metadata(checkIn, actions)), CouldNotOpen);
            case CheckInMessages.Pause: // the menu on prompts sent before it moved into "⋯"
                if (checkIn.Status != CheckInStatus.Open) return Tell(actions, AlreadyDecided(checkIn));
                if (!TryPauseUntil(choice, user, pair, out var until, out var error)) return Tell(actions, error);
                if (pauses.Pause(pair.Id, until) is not { } paused) return Tell(actions, Ended);
                return Update(actions, "Check-ins paused", ":pause_button: " + PairPauses.Confirmation(paused, user, until))
                    .Then(c => pauses.AfterPauseAsync(paused, user, until, c));
            default:
                return Tell(actions, "That button is no longer supported. Try `/mentor help`.");
        }
    }

    private SlackAck Skip(BlockActions actions, CheckIn checkIn, Pair pair)
    {
        var now = time.GetUtcNow();
        var (after, changed) = store.Decide(checkIn.Id, c => c.Status == CheckInStatus.Open
            ? c with { Status = CheckInStatus.Skipped, DecidedBy = actions.User.Id, DecidedAt = now } : null);
        if (!changed) return Tell(actions, AlreadyDecided(after));
        return SlackAck.Empty.Then(ct => flows.RefreshPromptsAsync(after, pair, actions.Container?.ChannelId, actions.Container?.MessageTs, null, actions.User.Id, ct));
    }

    private SlackAck Snooze(BlockActions actions, CheckIn checkIn, Pair pair)
    {
        if (checkIn.Status != CheckInStatus.Open) return Tell(actions, AlreadyDecided(checkIn));
        var now = time.GetUtcNow();
        var user = actions.User.Id;
        var reminder = store.GetNudge(Nudge.IdOf(checkIn.Id, NudgeKind.Reminder, user));
        var tomorrow = WorkingHours.NextAllowed(now + TimeSpan.FromDays(1), people.ZoneOf(user), settings.Get());
        if (reminder is not { Status: NudgeStatus.Pending })
            return Tell(actions, "I've already reminded you once, so I'll leave it with you. Log it here when you've met.");
        if (reminder.Snoozed)
            return Tell(actions, "You're all set: I'll remind you tomorrow.");
        store.UpdateNudge(reminder with { QueueAt = tomorrow, Snoozed = true });
        store.SaveState(store.StateOf(pair.Id) with { IgnoredInARow = 0 });
        var extra = $":alarm_clock: OK, I'll remind you {Mrkdwn.Date(tomorrow)}. That's the only reminder for this one.";
        return SlackAck.Empty.Then(ct => flows.RefreshPromptsAsync(checkIn, pair, actions.Container?.ChannelId, actions.Container?.MessageTs, extra, user, ct));
    }

    private async Task<SlackAck> AsyncStartAsync(BlockActions actions, CheckIn checkIn, Pair pair, CancellationToken ct)
    {
        if (checkIn.Status != CheckInStatus.Open)
            return Tell(actions, AlreadyDecided(checkIn));
        var user = actions.User.Id;
        if (pair.IsMenteeFor(user))
        {
            return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, CheckInMessages.AsyncModalView(Metadata(checkIn, actions)), CouldNotOpen);
        }
        var now = time.GetUtcNow();
        var mentee = pair.OtherThan(user);
        var asked = store.AddNudgeOnce(CheckInScheduler.NewNudge(pair, checkIn.Id, checkIn.DueUtc, NudgeKind.AsyncRequest, mentee, now, now));
        if (!asked) return Tell(actions, $"I've already asked {Mrkdwn.User(mentee)} for a quick async check-in.");
        var extra = $":memo: I've asked {Mrkdwn.User(mentee)} for three short written answers; you'll get them here.";
        return SlackAck.Empty.Then(c => flows.RefreshPromptsAsync(checkIn, pair, actions.Container?.ChannelId, actions.Container?.MessageTs, extra, user, c));
    }

    private SlackAck Rate(BlockActions actions, string checkInId, string score)
    {
        if (store.Get(checkInId) is not { } checkIn || pairs.Get(checkIn.PairId) is not { } pair)
            return Tell(actions, "I can't find that check-in any more.");
        if (!pair.Includes(actions.User.Id)) return Tell(actions, CheckInFlows.Stranger);
        if (!checkIn.IsHeld) return Tell(actions, "Only a check-in that took place can be rated.");
        if (!int.TryParse(score, NumberStyles.None, CultureInfo.InvariantCulture, out var rating) || rating is < 1 or > 5)
            return Tell(actions, "Pick a rating from 1 to 5.");
        // Each of the two rates privately, once; the other never sees it.
        if (!store.Rate(checkIn.Id, actions.User.Id, rating))
            return Tell(actions, $"You already rated this check-in {store.Get(checkIn.Id)?.RatingOf(actions.User.Id)}/5. Thanks!");
        // The summary stays (notes and next steps are the record); only the question becomes the answer.
        return actions.Container is { ChannelId: { } channel, MessageTs: { } ts }
            ? SlackAck.Empty.Then(ct => flows.ShowRatedAsync(store.Get(checkIn.Id)!, pair, actions.User.Id, channel, ts, ct))
            : Tell(actions, $":star: Thanks! You rated this check-in {rating}/5.");
    }

    private const string Ended = "This pairing has already ended. Nothing changed.";

    /// <summary>The answer to "keep going / pause / end?". Pause and end are the pairs feature's own flows.</summary>
    private async Task<SlackAck> KeepGoingAsync(BlockActions actions, string actionId, string value, string? choice, CancellationToken ct)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pairId) || pairs.Get(pairId) is not { } pair)
            return Tell(actions, "I can't find that pairing any more.");
        var user = actions.User.Id;
        if (!pair.Includes(user)) return Tell(actions, CheckInFlows.Stranger);
        if (pair.Status == PairStatus.Ended) return Tell(actions, Ended);
        const string answered = "One of you already answered this. Nothing changed.";
        if (!store.StateOf(pair.Id).AwaitingKeepGoing) return Tell(actions, answered);
        switch (actionId)
        {
            case CheckInMessages.KeepEnd:
                // Exactly what /mentor end leads to: the end modal (optional private reason), then both people are told.
                return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, EndPairModal.View(pair, user), CouldNotOpen);
            case CheckInMessages.KeepPause:
                if (!TryPauseUntil(choice, user, pair, out var until, out var error)) return Tell(actions, error);
                if (!store.AnswerKeepGoing(pair.Id)) return Tell(actions, answered);
                if (pauses.Pause(pair.Id, until) is not { } paused) return Tell(actions, Ended);
                return KeepGoingAnswered(actions, pair, ":pause_button: " + PairPauses.Confirmation(paused, user, until), ":pause_button: " + PairPauses.Notice(user, until))
                    .Then(c => pauses.AfterPauseAsync(paused, user, until, c));
            default:
                if (!store.AnswerKeepGoing(pair.Id)) return Tell(actions, answered);
                // Prompts were held back: the coming check-in may already be inside the "come prepared" window.
                store.RecheckPrep(pair.Id);
                return KeepGoingAnswered(actions, pair, $":muscle: Great, check-ins with {Mrkdwn.User(pair.OtherThan(user))} carry on as before.",
                    $":muscle: {Mrkdwn.User(user)} chose to keep your check-ins going.");
        }
    }

    /// <summary>The clicked question shows the answer; the other person's copy shows who answered what (no buttons left).</summary>
    private SlackAck KeepGoingAnswered(BlockActions actions, Pair pair, string mine, string theirs)
    {
        var user = actions.User.Id;
        var others = store.NudgesOfPair(pair.Id, NudgeKind.KeepGoing).Where(n => n is { Status: NudgeStatus.Sent, Channel: not null, Ts: not null } && n.RecipientId != user).ToList();
        return Update(actions, CheckInMessages.KeepGoingAnswered(mine).Text, mine).Then(async ct =>
        {
            foreach (var n in others)
            {
                var content = CheckInMessages.KeepGoingAnswered(theirs);
                try { await slack.UpdateMessageAsync(n.Channel!, n.Ts!, content.Text, content.Blocks, ct); }
                catch (SlackApiException) { }
            }
        });
    }

    /// <summary>A pause length chosen from a menu, read the way /mentor pause reads it.</summary>
    private bool TryPauseUntil(string? choice, string user, Pair pair, out DateTimeOffset until, out string error)
    {
        if (choice is not null) return pauses.TryParseUntil([choice], time.GetUtcNow(), user, out until, out error);
        // A button from before pauses had a length.
        until = default;
        error = $"How long should it pause? Use `/mentor pause {Mrkdwn.User(pair.OtherThan(user))} 2w` (1 to {PairPauses.MaxWeeks} weeks, or until a date).";
        return false;
    }

    private async Task<SlackAck> PairModalAsync(BlockActions actions, string actionId, string value, CancellationToken ct)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pairId) || pairs.Get(pairId) is not { } pair)
            return Tell(actions, "I can't find that pairing any more.");
        if (!pair.Includes(actions.User.Id)) return Tell(actions, CheckInFlows.Stranger);
        var view = actionId == CheckInMessages.AddAgenda
            ? CheckInMessages.AgendaModalView(pair.Id, store.OpenAgenda(pair.Id).Where(a => a.AuthorId == actions.User.Id).ToList())
            : CheckInMessages.GoalModalView(pair.Id, goals.ListFor(actions.User.Id).Where(g => g.Status == GoalStatus.Open).ToList());
        return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, view, CouldNotOpen);
    }

    private SlackAck Tell(BlockActions actions, string text) => replies.Tell(ReplyTarget.Of(actions), text);

    /// <summary>Replaces the clicked message with a one-line outcome.</summary>
    private SlackAck Update(BlockActions actions, string text, string mrkdwn)
    {
        var channel = actions.Container?.ChannelId;
        var ts = actions.Container?.MessageTs;
        if (channel is null || ts is null) return Tell(actions, mrkdwn);
        return SlackAck.Empty.Then(ct => slack.UpdateMessageAsync(channel, ts, text, new System.Text.Json.Nodes.JsonArray(Blocks.Section(mrkdwn)), ct));
    }

    /// <summary>Where the modal's result should be shown again: check-in id, and the message the click came from.</summary>
    private static string Metadata(CheckIn checkIn, BlockActions actions) =>
        string.Join('|', checkIn.Id, actions.Container?.ChannelId ?? "", actions.Container?.MessageTs ?? "");

    public static string AlreadyDecided(CheckIn checkIn) => checkIn.Status switch
    {
        CheckInStatus.Met => "This check-in is already logged as held. Nothing changed.",
        CheckInStatus.Async => "This check-in is already logged as a quick async check-in. Nothing changed.",
        CheckInStatus.Skipped => "This check-in was already skipped. Nothing changed.",
        CheckInStatus.NoAnswer => "This prompt is out of date: the next check-in has taken its place, so nothing changed. Answer the newest prompt instead.",
        CheckInStatus.Cancelled => "These check-ins were paused or the pairing ended, so there is nothing to log here. Nothing changed.",
        _ => "This check-in is already closed. Nothing changed.",
    };
}
