using MentorBot.Cadences;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>Shared reading of "@person" in /mentor verbs.</summary>
public static class PersonArg
{
    /// <summary>The user id in the word, or a friendly explanation of why it isn't one.</summary>
    public static string? Read(string? word, string usage, out string error)
    {
        error = "";
        if (word is not null && Mentions.User(word) is { } id) return id;
        error = word is null
            ? $"Who? Use `{usage}`."
            : Mentions.IsUnresolvedAt(word)
                ? $"I couldn't find {Mrkdwn.Escape(Mrkdwn.Truncate(word, 40))}. Type @ and pick the person from the list, so Slack turns it into a mention."
                : $"`{Mrkdwn.Escape(Mrkdwn.Truncate(word, 40))}` isn't a person. Use `{usage}`.";
        return null;
    }

    /// <summary>The caller's current pair with the person named first in <paramref name="args"/>.</summary>
    public static Pair? MyPair(PairStore pairs, string userId, CommandText args, string usage, out string error)
    {
        if (Read(args.Words.FirstOrDefault(), usage, out error) is not { } other) return null;
        if (other == userId)
        {
            error = "That's you! Name the other person in your pair.";
            return null;
        }
        if (pairs.CurrentBetween(userId, other) is { } pair) return pair;
        error = $"You're not in a pair with {Mrkdwn.User(other)}. `/mentor pairs` lists yours.";
        return null;
    }

}

/// <summary>/mentor ask @person [mentoring|peer|reverse] [note]: a DM invitation with Accept / Decline.</summary>
public sealed class AskCommand(PairStore pairs, InvitationStore invitations, PairStarter starter, SlackApiClient slack, SlackReplies replies, TimeProvider time)
    : IMentorSubcommand
{
    public const string Usage = "/mentor ask @person [mentoring|peer|reverse] [a note]";
    private readonly Lock _oneAtATime = new();

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var me = command.UserId;
        var words = args.Words;
        if (PersonArg.Read(words.FirstOrDefault(), Usage, out var error) is not { } to) return Task.FromResult(SlackAck.Ephemeral(error));
        if (to == me) return Task.FromResult(SlackAck.Ephemeral("You can't invite yourself: ask someone you'd like to learn from (or with)."));
        var type = PairType.Mentoring;
        var noteWords = words.Skip(1);
        if (words.Length > 1 && PairText.TryParseType(words[1], out var parsed))
        {
            type = parsed;
            noteWords = words.Skip(2);
        }
        else if (words.Length > 1 && PairText.LooksLikeAMistypedType(words[1]))
            return Task.FromResult(SlackAck.Ephemeral(
                $"I don't know the pair type `{Mrkdwn.Escape(Mrkdwn.Truncate(words[1], 30))}`: use `mentoring`, `peer` or `reverse` " +
                $"(e.g. `/mentor ask {Mrkdwn.User(to)} peer`). Nothing was sent."));
        var note = string.Join(' ', noteWords);
        if (note.Length > 1000) return Task.FromResult(SlackAck.Ephemeral("Keep the note under 1,000 characters; you can say more once you're paired."));
        if (pairs.CurrentBetween(me, to) is { } existing)
            return Task.FromResult(SlackAck.Ephemeral($"You and {Mrkdwn.User(to)} are already a {PairText.TypeName(existing.Type)} pair. `/mentor pairs` shows it."));
        if (invitations.PendingBetween(me, to) is { } pending)
            return Task.FromResult(SlackAck.Ephemeral(
                $"There's already an invitation between you and {Mrkdwn.User(to)} waiting for an answer (it expires {Mrkdwn.Date(pending.ExpiresAt, "{date_long_pretty}")})."));

        return Task.FromResult(SlackAck.Ephemeral($"Sending your invitation to {Mrkdwn.User(to)}…").Then(async ct2 =>
        {
            if (await starter.RefuseAsync(to, ct2) is { } refusal)
            {
                await replies.TellAsync(ReplyTarget.Of(command), refusal, ct2);
                return;
            }
            Invitation invitation;
            lock (_oneAtATime)
            {
                if (invitations.PendingBetween(me, to) is not null) return; // a double submit: the first one is on its way
                var now = time.GetUtcNow();
                invitation = invitations.Add(new Invitation
                {
                    FromId = me, ToId = to, Type = type, Note = note.Length > 0 ? note : null, Status = InvitationStatus.Pending,
                    CreatedAt = now, ExpiresAt = now + Invitation.Lifetime,
                });
            }
            var (text, blocks) = PairMessages.Invitation(invitation);
            PostedMessage posted;
            try
            {
                posted = await slack.SendDmAsync(to, text, blocks, ct2);
            }
            catch (SlackApiException ex) when (ex.IsPermanent)
            {
                // Not delivered: don't leave an invitation nobody can answer blocking a new one for 14 days.
                invitations.Replace(invitation with { Status = InvitationStatus.Expired, AnsweredAt = time.GetUtcNow() });
                await replies.TellAsync(ReplyTarget.Of(command), $"I couldn't send {Mrkdwn.User(to)} a DM ({ex.Error}), so no invitation went out.", ct2);
                return;
            }
            invitations.Replace(invitation with { MessageChannel = posted.Channel, MessageTs = posted.Ts });
            await replies.TellAsync(ReplyTarget.Of(command),
                $"I've invited {Mrkdwn.User(to)} to {PairText.TypeName(type)} with you. I'll tell you when they answer; the invitation expires {Mrkdwn.Date(invitation.ExpiresAt, "{date_long_pretty}")}.", ct2);
        }));
    }
}

/// <summary>/mentor pair @mentor @mentee [type]: an admin pairs two people at once.</summary>
public sealed class PairUpCommand(PairStarter starter, SlackReplies replies) : IMentorSubcommand
{
    public const string Usage = "/mentor pair @mentor @mentee [mentoring|peer|reverse]";

    public async Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var words = args.Words;
        if (PersonArg.Read(words.ElementAtOrDefault(0), Usage, out var error) is not { } mentor) return SlackAck.Ephemeral(error);
        if (PersonArg.Read(words.ElementAtOrDefault(1), Usage, out error) is not { } mentee) return SlackAck.Ephemeral(error);
        if (mentor == mentee) return SlackAck.Ephemeral("That's the same person twice: a pair needs two different people.");
        var type = PairType.Mentoring;
        if (words.Length > 2 && !PairText.TryParseType(words[2], out type))
            return SlackAck.Ephemeral($"I don't know the pair type `{Mrkdwn.Escape(Mrkdwn.Truncate(words[2], 30))}`: use `mentoring`, `peer` or `reverse`.");
        if (words.Length > 3) return SlackAck.Ephemeral($"That's more than I expected. Use `{Usage}`.");

        var by = command.UserId;
        return SlackAck.Ephemeral($"Pairing {Mrkdwn.User(mentor)} and {Mrkdwn.User(mentee)}…").Then(async ct2 =>
        {
            var result = await starter.StartAsync(mentor, mentee, type, by, ct2);
            await replies.TellAsync(ReplyTarget.Of(command), result.Message, ct2);
        });
    }
}

/// <summary>/mentor pairs: my pairs, their cadence in my local time and the next check-in.</summary>
public sealed class PairsCommand(PairSummaries summaries, TimeProvider time) : IMentorSubcommand
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var blocks = summaries.BlocksFor(command.UserId, time.GetUtcNow(), withButtons: false);
        blocks.Insert(0, Blocks.Header("Your mentoring pairs"));
        return Task.FromResult(SlackAck.Ephemeral("Your mentoring pairs", Blocks.Capped(blocks, Limits.MessageBlocks, n => $"…and {n} more.")));
    }
}

/// <summary>/mentor cadence @person weekly|2w|4w|monthly [on day] [at HH:MM] | cron expr | default.</summary>
public sealed class CadenceCommand(PairStore pairs, PairSchedule schedule, ProgrammeSettingsStore settings, PairDms dms, PairCalendar calendar, PairClashes clashes,
    TimeProvider time)
    : IMentorSubcommand
{
    public const string Usage = "/mentor cadence @person 2w on tuesday at 09:30";

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var me = command.UserId;
        if (PersonArg.MyPair(pairs, me, args, Usage, out var error) is not { } pair) return Task.FromResult(SlackAck.Ephemeral(error));
        var words = args.Words.Skip(1).ToList();
        Pair updated;
        if (words is ["default"])
            updated = pair with { Cadence = settings.Get().DefaultCadence, CadenceIsDefault = true };
        else if (CadenceText.TryParse(words, schedule.CadenceOf(pair), out var cadence, out error))
            updated = pair with { Cadence = cadence, CadenceIsDefault = false };
        else
            return Task.FromResult(SlackAck.Ephemeral(error));

        var now = time.GetUtcNow();
        var other = pair.OtherThan(me);
        if (clashes.Find(updated, now) is { } clash)
        {
            var free = clashes.NextFree(updated, now);
            var retry = free is null ? "" : $" To take it: `/mentor cadence {Mrkdwn.User(other)} {CadenceText.Command(free)}`.";
            return Task.FromResult(SlackAck.Ephemeral(PairClashes.Describe(clash, me, free, schedule.CadenceZone(updated)) + retry + " Nothing changed."));
        }
        updated = updated with { NextCheckInUtc = updated.Status == PairStatus.Active ? schedule.NextAfter(updated, now) : null };
        pairs.Replace(updated);
        var described = schedule.CadenceOf(updated).Describe();
        var zone = schedule.CadenceZone(updated).Id;
        var next = updated.Status == PairStatus.Paused ? " Your pair is paused; check-ins start again when it resumes."
            : updated.NextCheckInUtc is { } at ? $" Next check-in: {Mrkdwn.Date(at)}." : "";
        return Task.FromResult(SlackAck.Ephemeral($"Done: you and {Mrkdwn.User(other)} now meet {described} ({zone} time).{next}").Then(async ct2 =>
        {
            await dms.TrySendAsync(other, $"{PairMessages.Plain(me)} changed your check-in cadence to {described} ({zone} time).{next}", null, ct2);
            await calendar.SendSeriesAsync(updated, ct2); // a paused pair gets its series when it resumes
        }));
    }
}

/// <summary>/mentor pause @person until &lt;date&gt;|&lt;N&gt;w: no prompts until then; it resumes by itself.</summary>
public sealed class PauseCommand(PairStore pairs, PairPauses pauses, TimeProvider time) : IMentorSubcommand
{
    public const string Usage = "/mentor pause @person 3w (or until YYYY-MM-DD)";

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var me = command.UserId;
        if (PersonArg.MyPair(pairs, me, args, Usage, out var error) is not { } pair) return Task.FromResult(SlackAck.Ephemeral(error));
        var rest = args.Words.Skip(1).Where(w => !w.Equals("until", StringComparison.OrdinalIgnoreCase) && !w.Equals("for", StringComparison.OrdinalIgnoreCase)).ToList();
        var now = time.GetUtcNow();
        if (!pauses.TryParseUntil(rest, now, me, out var until, out error)) return Task.FromResult(SlackAck.Ephemeral(error));
        if (pauses.Pause(pair.Id, until) is not { } paused) return Task.FromResult(SlackAck.Ephemeral("This pair has already ended."));
        return Task.FromResult(SlackAck.Ephemeral(PairPauses.Confirmation(paused, me, until)).Then(ct2 => pauses.AfterPauseAsync(paused, me, until, ct2)));
    }
}

/// <summary>/mentor resume @person: check-ins again, from the next occurrence.</summary>
public sealed class ResumeCommand(PairStore pairs, PairSchedule schedule, PairDms dms, PairCalendar calendar, TimeProvider time) : IMentorSubcommand
{
    public const string Usage = "/mentor resume @person";

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var me = command.UserId;
        if (PersonArg.MyPair(pairs, me, args, Usage, out var error) is not { } pair) return Task.FromResult(SlackAck.Ephemeral(error));
        var other = pair.OtherThan(me);
        if (pair.Status != PairStatus.Paused) return Task.FromResult(SlackAck.Ephemeral($"Your pair with {Mrkdwn.User(other)} isn't paused, so there's nothing to resume."));

        var resumed = pair with { Status = PairStatus.Active, PausedUntil = null };
        resumed = resumed with { NextCheckInUtc = schedule.NextAfter(resumed, time.GetUtcNow()) };
        pairs.Replace(resumed);
        var next = resumed.NextCheckInUtc is { } at ? $" Next check-in: {Mrkdwn.Date(at)}." : "";
        return Task.FromResult(SlackAck.Ephemeral($"Welcome back: your pair with {Mrkdwn.User(other)} is active again.{next}").Then(async ct2 =>
        {
            await dms.TrySendAsync(other, $"{PairMessages.Plain(me)} resumed your pair's check-ins.{next}", null, ct2);
            if (calendar.WasEverSent(resumed.Id)) await calendar.SendSeriesAsync(resumed, ct2);
        }));
    }
}

/// <summary>/mentor end @person: asks to confirm; the confirm opens the end modal.</summary>
public sealed class EndCommand(PairStore pairs) : IMentorSubcommand
{
    public const string Usage = "/mentor end @person";

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        if (PersonArg.MyPair(pairs, command.UserId, args, Usage, out var error) is not { } pair) return Task.FromResult(SlackAck.Ephemeral(error));
        var (text, blocks) = PairMessages.EndConfirm(pair, command.UserId);
        return Task.FromResult(SlackAck.Ephemeral(text, blocks));
    }
}
