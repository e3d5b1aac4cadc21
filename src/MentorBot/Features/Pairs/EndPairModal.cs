using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>Ending a pair, after the confirm: an optional private reason, then both people are told respectfully.</summary>
public sealed class EndPairModal(PairStore pairs, PairDms dms, PairCalendar calendar, TimeProvider time) : IViewSubmissionHandler
{
    public const string CallbackId = "pair.end";

    public static JsonObject View(Pair pair, string viewerId)
    {
        var reasons = Enum.GetValues<EndReason>().Select(r => Blocks.Option(PairText.ReasonName(r), r.ToString()));
        var blocks = new List<JsonObject>
        {
            Blocks.Section($"This ends your {PairText.TypeName(pair.Type)} pair with {PairText.Who(pair.OtherThan(viewerId))}. Check-ins stop; you both keep your history."),
            Blocks.Input("reason", "Why is it ending?", Blocks.StaticSelect("value", reasons, placeholder: "Choose a reason"), optional: true,
                hint: "Private: never shown to your partner. Programme admins only see how many pairs ended for each reason."),
        };
        return Views.Modal(CallbackId, "End the pair", PairMessages.Array(blocks), submit: "End the pair", privateMetadata: pair.Id.ToString(CultureInfo.InvariantCulture));
    }

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var userId = submission.User.Id;
        if (!int.TryParse(submission.View.PrivateMetadata, out var pairId) || pairs.Get(pairId) is not { } pair || !pair.Includes(userId))
            return Task.FromResult(SlackAck.ViewError("reason", "I can't find this pair any more."));
        if (pair.Status == PairStatus.Ended)
            return Task.FromResult(SlackAck.ViewError("reason", "This pair has already ended."));

        EndReason? reason = Enum.TryParse<EndReason>(submission.View.State["reason"]?.SelectedOption?.Value, out var r) ? r : null;
        var ended = pair with
        {
            Status = PairStatus.Ended, EndedAt = time.GetUtcNow(), EndedBy = userId, EndReason = reason,
            NextCheckInUtc = null, PausedUntil = null,
        };
        pairs.Replace(ended);
        var other = pair.OtherThan(userId);
        return Task.FromResult(SlackAck.Empty.Then(async ct2 =>
        {
            await dms.TrySendAsync(other,
                $"{PairMessages.Plain(userId)} has ended your {PairText.TypeName(pair.Type)} pair. Thank you for the time and care you put into it. " +
                "Your shared history stays with you (`/mentor pairs`), and you can start a new pair any time with `/mentor ask @person`.", null, ct2);
            await dms.TrySendAsync(userId,
                $"Your {PairText.TypeName(pair.Type)} pair with {PairMessages.Plain(other)} has ended, and I've let them know respectfully. Thank you for mentoring together.", null, ct2);
            await calendar.SendCancellationAsync(pair, "have ended", ct2);
        }));
    }
}
