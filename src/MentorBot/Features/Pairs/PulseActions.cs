using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>The pulse's controls: the rating, the comment modal, and for a low answer the private offer (tips, a different match, end kindly).</summary>
public sealed class PulseActions(PulseStore pulses, PairStore pairs, Admins admins, PairDms dms, SlackReplies replies, TimeProvider time, ILogger<PulseActions> logger)
    : IBlockActionHandler, IViewSubmissionHandler
{
    public const string Prefix = "pulse.";
    public const string Rate = "pulse.rate";
    public const string Comment = "pulse.comment";
    public const string Rematch = "pulse.rematch";
    public const string EndKindly = "pulse.end";
    public const string CommentModal = "pulse.comment.modal";

    public static string Label(int n) => n switch
    {
        5 => "5 · Really well", 4 => "4 · Well", 3 => "3 · Okay", 2 => "2 · Not so well", _ => "1 · Badly",
    };

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var userId = actions.User.Id;
        var id = actions.Action.ActionId == Rate ? BlockPulseId(actions) : actions.Action.Value ?? "";
        if (pulses.Get(id) is not { } pulse || pulse.UserId != userId || pairs.Get(pulse.PairId) is not { } pair)
            return replies.Tell(ReplyTarget.Of(actions), "That question has closed; there's nothing to answer here any more.");
        switch (actions.Action.ActionId)
        {
            case Rate when int.TryParse(actions.Action.SelectedOption?.Value, out var rating) && rating is >= 1 and <= 5:
                pulses.Save(pulse with { Rating = rating });
                return SlackAck.Empty.Then(c => replies.ReplaceAsync(ReplyTarget.Of(actions), "Thanks for answering.", Answered(pair, pulse with { Rating = rating }), c));
            case Comment:
                return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, CommentView(pulse),
                    "I couldn't open the comment form just now; please try again in a moment.");
            case Rematch:
                if (pulse.RematchRequestedAt is null)
                {
                    pulses.Save(pulse with { RematchRequestedAt = time.GetUtcNow() });
                    logger.LogInformation("{UserId} asked for a different match (pair {PairId})", userId, pair.Id);
                }
                var told = "I've asked the programme admins to find you a different match. Your pair carries on until then, and nothing is said to " +
                           $"{Mrkdwn.User(pair.OtherThan(userId))}.";
                return SlackAck.Empty.Then(async c =>
                {
                    await replies.ReplaceAsync(ReplyTarget.Of(actions), told, new JsonArray(Blocks.Section("✅ " + told)), c);
                    foreach (var admin in admins.KnownAdmins())
                        await dms.TrySendAsync(admin, $"🔁 {Mrkdwn.User(userId)} asked for a different match (their pair with {Mrkdwn.User(pair.OtherThan(userId))}). " +
                                                      "They answered privately; only the request reaches you.", null, c);
                });
            case EndKindly:
                var (text, blocks) = PairMessages.EndConfirm(pair, userId);
                return SlackAck.Empty.Then(c => replies.ReplaceAsync(ReplyTarget.Of(actions), text, blocks, c));
            default:
                return SlackAck.Empty;
        }
    }

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var id = submission.View.PrivateMetadata ?? "";
        if (pulses.Get(id) is not { } pulse || pulse.UserId != submission.User.Id)
            return Task.FromResult(SlackAck.ViewError("comment", "That question has closed."));
        var rating = int.TryParse(submission.View.State["rating"]?.SelectedOption?.Value, out var r) && r is >= 1 and <= 5 ? r : pulse.Rating;
        if (rating is null) return Task.FromResult(SlackAck.ViewError("rating", "Choose how it's going (1–5)."));
        var comment = submission.View.State.Text("comment");
        pulses.Save(pulse with { Rating = rating, Comment = comment });
        var pair = pairs.Get(pulse.PairId)!;
        return Task.FromResult(SlackAck.ViewUpdate(Views.Modal(CommentModal, "How it's going", Answered(pair, pulse with { Rating = rating }), submit: null, close: "Done")));
    }

    /// <summary>What the person sees after answering: thanks, and for 1–2 the private offer.</summary>
    public static JsonArray Answered(Pair pair, PulseAnswer pulse)
    {
        var other = Mrkdwn.User(pair.OtherThan(pulse.UserId));
        if (pulse.Rating >= 3)
            return new JsonArray(Blocks.Section($"Thanks: noted ({pulse.Rating}/5). Only you can see this."));
        return new JsonArray(
            Blocks.Section($"Thanks for being honest ({pulse.Rating}/5); only you can see this. Some things that often help: say what you need at the start of your next session, " +
                           $"put one topic on the agenda beforehand, or agree a different rhythm with {other} (`/mentor cadence`)."),
            Blocks.Actions("pulse.offer",
                Blocks.Button("Ask for a different match", Rematch, pulse.Id),
                Blocks.Button("End kindly…", EndKindly, pulse.Id)),
            Blocks.Context($"Asking for a different match tells the programme admins that you asked, never your answer or comment, and {other} isn't told."));
    }

    private static JsonObject CommentView(PulseAnswer pulse)
    {
        var options = Enumerable.Range(1, 5).Reverse().Select(n => Blocks.Option(Label(n), n.ToString(CultureInfo.InvariantCulture)));
        return Views.Modal(CommentModal, "How it's going", new JsonArray(
            Blocks.Input("rating", "How is it going for you?", Blocks.RadioButtons("value", options, pulse.Rating?.ToString(CultureInfo.InvariantCulture))),
            Blocks.Input("comment", "Anything to add?", Blocks.TextInput("value", multiline: true, maxLength: 1000, initialValue: pulse.Comment), optional: true,
                hint: "Only you see this: not your partner, not the admins.")), submit: "Save", privateMetadata: pulse.Id);
    }

    private static string BlockPulseId(BlockActions actions) =>
        actions.Action.BlockId is { } block && block.StartsWith("pulse.") ? block["pulse.".Length..] : "";
}
