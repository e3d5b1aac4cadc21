using MentorBot.People;
using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>Buttons: accept/decline an invitation, open "Set expectations", confirm or cancel ending a pair.</summary>
public sealed class PairActions(PairStore pairs, InvitationStore invitations, KickoffStore kickoffs, KickoffAgreements agreements, PairStarter starter,
    UserDirectory people, SlackApiClient slack, SlackReplies replies, PairDms dms, TimeProvider time, ILogger<PairActions> logger) : IBlockActionHandler
{
    public const string Prefix = "pair.";
    public const string Accept = "pair.accept";
    public const string Decline = "pair.decline";
    public const string KickoffOpen = "pair.kickoff.open";
    public const string EndOpen = "pair.end.open";
    public const string EndKeep = "pair.end.keep";

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var userId = actions.User.Id;
        var action = actions.Action;
        if (action.ActionId == KickoffAgreements.Accept) return agreements.AcceptClicked(actions);
        if (!int.TryParse(action.Value, out var id))
        {
            logger.LogWarning("Pair action {ActionId} without a usable id", action.ActionId);
            return SlackAck.Empty;
        }
        return action.ActionId switch
        {
            Accept or Decline => Answer(actions, userId, id, accept: action.ActionId == Accept),
            KickoffOpen => await OpenAsync(actions, userId, id, pair => KickoffView(pair, userId), ct),
            EndOpen => await OpenAsync(actions, userId, id, pair => EndPairModal.View(pair, userId), ct),
            EndKeep => SlackAck.Empty.Then(ct2 => ReplaceSourceAsync(actions, "Okay, nothing changed: your pair carries on.", ct2)),
            _ => SlackAck.Empty,
        };
    }

    /// <summary>
    /// The kickoff modal as this person should see it: the other's proposal preselected (keep it to agree), or, after both
    /// answered, the agreement ("Edit agreement": a change is proposed to the other, never applied silently).
    /// </summary>
    private System.Text.Json.Nodes.JsonObject KickoffView(Pair pair, string userId)
    {
        var other = pair.OtherThan(userId);
        var agreement = kickoffs.AgreementOf(pair.Id);
        var editing = kickoffs.Get(pair.Id, other) is not null && kickoffs.Get(pair.Id, userId) is not null;
        var fromOther = agreement.ProposedBy == other ? agreement.Proposal : null;
        var note = fromOther is not null
            ? $"{PairText.Who(other)} proposed *{fromOther.Cadence.Describe()}*: it's preselected. Share it as it is to agree, or change it to propose another time."
            : editing ? $"Change what you like. A new time goes to {PairText.Who(other)} to accept with one tap; until then your agreement stands." : null;
        return KickoffModal.View(pair, userId, kickoffs.Get(pair.Id, userId), people.ZoneOf(userId), people.ZoneOf(other), people.ZoneOf(pair.MenteeId),
            fromOther ?? agreement.Agreed, note, editing);
    }

    private SlackAck Answer(BlockActions actions, string userId, int invitationId, bool accept)
    {
        var invitation = invitations.Get(invitationId);
        if (invitation is null || invitation.ToId != userId)
        {
            logger.LogWarning("{UserId} answered invitation {InvitationId} that isn't theirs", userId, invitationId);
            return SlackAck.Empty.Then(ct => ReplaceSourceAsync(actions, "This invitation isn't for you, or no longer exists.", ct));
        }
        if (invitation.Status != InvitationStatus.Pending)
        {
            var already = invitation.Status switch
            {
                InvitationStatus.Accepted => "You already accepted this invitation.",
                InvitationStatus.Declined => "You already declined this invitation.",
                _ => "This invitation has expired. You could ask them yourself with `/mentor ask`.",
            };
            return SlackAck.Empty.Then(ct => ReplaceSourceAsync(actions, already, ct));
        }

        // Answer first, in one write, so a double click can't start two pairs or send two notes.
        invitations.Replace(invitation with { Status = accept ? InvitationStatus.Accepted : InvitationStatus.Declined, AnsweredAt = time.GetUtcNow() });
        var from = invitation.FromId;
        if (!accept)
            return SlackAck.Empty.Then(async ct =>
            {
                await ReplaceSourceAsync(actions, $"You declined {PairMessages.Plain(from)}'s invitation. I've let them know kindly.", ct);
                await dms.TrySendAsync(from,
                    $"{PairMessages.Plain(userId)} can't take on {PairText.TypeName(invitation.Type)} with you right now. Thank you for asking: it takes courage. " +
                    "Maybe someone else could help? `/mentor ask @person` sends a new invitation.", null, ct);
            });

        return SlackAck.Empty.Then(async ct =>
        {
            var result = await starter.StartAsync(userId, from, invitation.Type, userId, ct);
            if (result.Outcome != PairStartOutcome.Started)
            {
                await ReplaceSourceAsync(actions, result.Message, ct);
                return;
            }
            await ReplaceSourceAsync(actions, $"You accepted {PairMessages.Plain(from)}'s invitation. Your kickoff message is below.", ct);
            await dms.TrySendAsync(from, $"{PairMessages.Plain(userId)} accepted your invitation! Look for your kickoff message to set expectations together.", null, ct);
        });
    }

    private async Task<SlackAck> OpenAsync(BlockActions actions, string userId, int pairId, Func<Pair, JsonObject> view, CancellationToken ct)
    {
        if (pairs.Get(pairId) is not { } pair || !pair.Includes(userId) || pair.Status == PairStatus.Ended)
            return SlackAck.Empty.Then(ct2 => replies.TellAsync(ReplyTarget.Of(actions), "That pair has ended (or isn't yours), so there's nothing to change.", null, ct2));
        return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, view(pair),
            "I couldn't open that form just now. Please press the button again in a moment.");
    }

    /// <summary>Replaces the message the button was on (so its buttons can't be pressed again).</summary>
    private async Task ReplaceSourceAsync(BlockActions actions, string text, CancellationToken ct)
    {
        var (plain, blocks) = PairMessages.InvitationClosed(text);
        if (actions.ResponseUrl is { } url)
            await slack.RespondAsync(url, SlackMessages.ReplaceOriginal(plain, blocks), ct);
        else if (actions.Container is { ChannelId: { } channel, MessageTs: { } ts, IsEphemeral: false })
            await slack.UpdateMessageAsync(channel, ts, plain, blocks, ct);
    }
}
