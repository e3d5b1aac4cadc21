using System.Globalization;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

public enum KickoffOutcome { FirstProposal, Agreed, Proposed, Unchanged }

/// <summary>
/// A kickoff both people agree on. The first answer proposes the meeting; the second accepts it (the same terms) or
/// proposes others, which the first confirms with one tap. Later, "Edit agreement" proposes a change the other accepts
/// the same way, so neither person changes the meeting silently. Until the first agreement the programme default applies.
/// </summary>
public sealed class KickoffAgreements(KickoffStore kickoffs, PairStore pairs, PairSchedule schedule, PairSummaries summaries, PairDms dms, PairCalendar calendar,
    SlackApiClient slack, SlackReplies replies, TimeProvider time, ILogger<KickoffAgreements> logger)
{
    public const string Accept = "pair.agreement.accept";

    /// <summary>Records <paramref name="answer"/> as its author's proposal (or acceptance); the follow-up DMs come after the ack.</summary>
    public SlackAck Answered(Pair pair, KickoffAnswer answer)
    {
        var me = answer.UserId;
        var other = pair.OtherThan(me);
        var terms = answer.Terms;
        var now = time.GetUtcNow();
        var bothAnswered = kickoffs.Get(pair.Id, other) is not null;
        var outcome = KickoffOutcome.Unchanged;
        var firstAgreement = false;
        var (agreement, _) = kickoffs.ChangeAgreement(pair.Id, a =>
        {
            firstAgreement = a.Agreed is null; // read under the agreement's lock, with the change
            if (a.Proposal == terms && a.ProposedBy == other)
            {
                outcome = KickoffOutcome.Agreed;
                return a with { Agreed = terms, AgreedAt = now, Proposal = null, ProposedBy = null, Version = a.Version + 1 };
            }
            if (a.Agreed == terms)
            {
                outcome = KickoffOutcome.Unchanged;
                return a.ProposedBy == me ? a with { Proposal = null, ProposedBy = null, Version = a.Version + 1 } : null; // withdrawn
            }
            outcome = bothAnswered || a.Agreed is not null ? KickoffOutcome.Proposed : KickoffOutcome.FirstProposal;
            return a with { Proposal = terms, ProposedBy = me, Version = a.Version + 1 };
        });

        switch (outcome)
        {
            case KickoffOutcome.FirstProposal:
                return SlackAck.Empty.Then(ct => dms.TrySendAsync(me,
                    $"Thanks! {PairMessages.Plain(other)} will see your time preselected; I'll show you both answers side by side once they've answered too.", null, ct));
            case KickoffOutcome.Agreed:
                var agreed = Apply(pair, terms, now);
                return SlackAck.Empty.Then(async ct =>
                {
                    if (firstAgreement) await SideBySideAsync(agreed, agreement, ct);
                    else await AgreedChangeAsync(agreed, me, terms, ct);
                    await EditButtonsAsync(agreed, agreement, ct);
                    await calendar.SendSeriesAsync(agreed, ct);
                });
            case KickoffOutcome.Proposed when firstAgreement:
                // The second answer differs: both see both answers; the first person confirms the new time with one tap.
                return SlackAck.Empty.Then(async ct =>
                {
                    await SideBySideAsync(pair, agreement, ct);
                    await EditButtonsAsync(pair, agreement, ct);
                });
            case KickoffOutcome.Proposed:
                return SlackAck.Empty.Then(async ct =>
                {
                    var (text, blocks) = PairMessages.ChangeProposed(pair, other, Said(terms, pair, other), Said(agreement.Agreed!, pair, other), agreement.Version);
                    await dms.TrySendAsync(other, text, blocks, ct);
                    await dms.TrySendAsync(me, $"Sent: {PairMessages.Plain(other)} confirms your new time with one tap. Until then you keep meeting as agreed.", null, ct);
                });
            default:
                return SlackAck.Empty.Then(ct => dms.TrySendAsync(me, "Saved. Your meeting time stays as you both agreed.", null, ct));
        }
    }

    /// <summary>The one tap that accepts the other person's proposal.</summary>
    public SlackAck AcceptClicked(BlockActions actions)
    {
        var user = actions.User.Id;
        var parts = (actions.Action.Value ?? "").Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pairId)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || pairs.Get(pairId) is not { } pair || !pair.Includes(user) || pair.Status == PairStatus.Ended)
            return replies.Tell(ReplyTarget.Of(actions), "That pair has ended (or isn't yours), so there's nothing to accept.");
        var now = time.GetUtcNow();
        MeetingTerms? accepted = null;
        var firstAgreement = false;
        var (agreement, changed) = kickoffs.ChangeAgreement(pairId, a =>
        {
            if (a.Version != version || a.Proposal is null || a.ProposedBy == user) return null;
            firstAgreement = a.Agreed is null;
            accepted = a.Proposal;
            return a with { Agreed = a.Proposal, AgreedAt = now, Proposal = null, ProposedBy = null, Version = a.Version + 1 };
        });
        if (!changed || accepted is null)
            return replies.Tell(ReplyTarget.Of(actions), "This proposal is out of date: it was accepted, withdrawn or replaced. Nothing changed.");
        var agreed = Apply(pair, accepted, now);
        return SlackAck.Empty.Then(async ct =>
        {
            await replies.ReplaceAsync(ReplyTarget.Of(actions), "Accepted.", PairMessages.Array([Blocks.Section($":handshake: You accepted: *{Said(accepted, pair, user)}*.")]), ct);
            if (firstAgreement) await SideBySideAsync(agreed, agreement, ct);
            else await AgreedChangeAsync(agreed, user, accepted, ct);
            await EditButtonsAsync(agreed, agreement, ct);
            await calendar.SendSeriesAsync(agreed, ct);
        });
    }

    private Pair Apply(Pair pair, MeetingTerms terms, DateTimeOffset now)
    {
        var current = pairs.Get(pair.Id) ?? pair;
        var updated = current with { Cadence = terms.Cadence, CadenceIsDefault = false, SessionMinutes = terms.SessionMinutes, MeetingZoneId = terms.ZoneId };
        updated = updated with { NextCheckInUtc = updated.Status == PairStatus.Active ? schedule.NextAfter(updated, now) : null };
        pairs.Replace(updated);
        return updated;
    }

    private async Task SideBySideAsync(Pair pair, KickoffAgreement agreement, CancellationToken ct)
    {
        var answers = kickoffs.ForPair(pair.Id);
        if (answers.FirstOrDefault(a => a.UserId == pair.MentorId) is not { } mentor || answers.FirstOrDefault(a => a.UserId == pair.MenteeId) is not { } mentee) return;
        foreach (var person in new[] { pair.MentorId, pair.MenteeId })
        {
            var (text, blocks) = PairMessages.SideBySide(pair, person, mentor, mentee, agreement, pair.NextCheckInUtc, terms => Said(terms, pair, person));
            await dms.TrySendAsync(person, text, blocks, ct);
        }
    }

    private async Task AgreedChangeAsync(Pair pair, string acceptedBy, MeetingTerms terms, CancellationToken ct)
    {
        var next = pair.NextCheckInUtc is { } at ? $" Next check-in: {Mrkdwn.Date(at)}." : "";
        foreach (var person in new[] { pair.MentorId, pair.MenteeId })
        {
            var who = person == acceptedBy ? "You" : PairText.Who(acceptedBy);
            var line = $":handshake: {who} accepted the change: you and {PairText.Who(pair.OtherThan(person))} now meet *{Said(terms, pair, person)}*.{next}";
            await dms.TrySendAsync(person, $"Your meeting with {PairMessages.Plain(pair.OtherThan(person))} changed.", PairMessages.Array([Blocks.Section(line)]), ct);
        }
    }

    /// <summary>Once both answered, each kickoff DM's "Set expectations" becomes "Edit agreement".</summary>
    private async Task EditButtonsAsync(Pair pair, KickoffAgreement agreement, CancellationToken ct)
    {
        foreach (var message in agreement.KickoffMessages)
        {
            var (text, blocks) = PairMessages.KickoffAgreed(pair, message.UserId);
            try { await slack.UpdateMessageAsync(message.Channel, message.Ts, text, blocks, ct); }
            catch (SlackApiException ex) { logger.LogWarning("Could not update the kickoff message of pair {PairId}: {Error}", pair.Id, ex.Error); }
        }
    }

    /// <summary>The terms as <paramref name="viewerId"/> reads them: "Mondays 09:30 your time (15:30 for @samira), 30 min".</summary>
    private string Said(MeetingTerms terms, Pair pair, string viewerId)
    {
        var meeting = pair with
        {
            Cadence = terms.Cadence, CadenceIsDefault = false, MeetingZoneId = terms.ZoneId, SessionMinutes = terms.SessionMinutes, NextCheckInUtc = null,
            Status = PairStatus.Active, PausedUntil = null,
        };
        return $"{summaries.CadenceFor(meeting, viewerId, time.GetUtcNow())}, {terms.SessionMinutes} min";
    }
}

/// <summary>One reminder, once, two working days after the kickoff, to a person who has not set expectations yet.</summary>
public sealed class KickoffReminderJob(KickoffStore kickoffs, PairStore pairs, PairDms dms) : IPeriodicJob
{
    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var reminder in kickoffs.RemindersDueBy(now))
        {
            // Taken first: a crash after this loses the reminder, never sends it twice.
            if (!kickoffs.TakeReminder(reminder.Id)) continue;
            if (pairs.Get(reminder.PairId) is not { } pair || pair.Status == PairStatus.Ended || !pair.Includes(reminder.UserId)) continue;
            if (kickoffs.Get(pair.Id, reminder.UserId) is not null) continue;
            var (text, blocks) = PairMessages.KickoffReminder(pair, reminder.UserId, kickoffs.AgreementOf(pair.Id));
            await dms.TrySendAsync(reminder.UserId, text, blocks, ct);
        }
    }
}
