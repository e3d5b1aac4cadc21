using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Features.Pairs;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>
/// The "give feedback" form, for an answer to a request ("r:{id}") or a mentor's unprompted feedback ("m:{menteeId}").
/// At least one of the three fields is needed; the answer goes to the asker only.
/// </summary>
public sealed class GiveFeedbackModal(FeedbackStore store, FeedbackAsking asking, FeedbackNotifier notifier, PairStore pairs, TimeProvider time)
    : IViewSubmissionHandler
{
    public const string CallbackId = "feedback.answer";
    public const string WentWellBlock = "went_well";
    public const string BetterBlock = "could_be_better";
    public const string SuggestionBlock = "suggestion";
    public const string TopicBlock = "topic";
    public const int MaxField = Limits.TextInputMax;

    public static JsonObject ForRequest(FeedbackRequest r)
    {
        var blocks = new List<JsonObject> { Blocks.Section($"*{FeedbackMessages.Who(r.AskerId)} asked:*\n{FeedbackText.Quote(FeedbackText.Safe(r.Topic))}") };
        if (r.Context is { Length: > 0 }) blocks.Add(Blocks.Section(FeedbackText.SafePieces(r.Context, 2_900)[0]));
        blocks.AddRange(Fields());
        blocks.Add(Blocks.Context($"Only {FeedbackMessages.Who(r.AskerId)} and you will see this. Honest and kind beats polished."));
        return Views.Modal(CallbackId, "Give feedback", Array(blocks), submit: "Send", privateMetadata: "r:" + FeedbackMessages.Value(r));
    }

    public static JsonObject Unprompted(string menteeId)
    {
        var blocks = new List<JsonObject>
        {
            Blocks.Section($"Feedback for {Mrkdwn.User(menteeId)}, your mentee. It goes to them only."),
            Blocks.Input(TopicBlock, "What is it about?", Blocks.TextInput("value", maxLength: FeedbackAsking.MaxTopic,
                placeholder: "e.g. how you ran Tuesday's planning")),
        };
        blocks.AddRange(Fields());
        return Views.Modal(CallbackId, "Give feedback", Array(blocks), submit: "Send", privateMetadata: "m:" + menteeId);
    }

    private static IEnumerable<JsonObject> Fields()
    {
        yield return Blocks.Input(WentWellBlock, "What went well", Blocks.TextInput("value", multiline: true, maxLength: MaxField), optional: true);
        yield return Blocks.Input(BetterBlock, "What could be better", Blocks.TextInput("value", multiline: true, maxLength: MaxField), optional: true);
        yield return Blocks.Input(SuggestionBlock, "One concrete suggestion", Blocks.TextInput("value", multiline: true, maxLength: MaxField),
            optional: true, hint: "Fill in at least one of the three.");
    }

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var user = submission.User.Id;
        var state = submission.View.State;
        var metadata = submission.View.PrivateMetadata ?? "";
        var answer = new FeedbackAnswer
        {
            WentWell = state.Text(WentWellBlock), CouldBeBetter = state.Text(BetterBlock), Suggestion = state.Text(SuggestionBlock),
        };

        var errors = new Dictionary<string, string>();
        if (answer is { WentWell: null, CouldBeBetter: null, Suggestion: null })
            errors[WentWellBlock] = "Write at least one of the three — even one honest sentence helps.";
        foreach (var (block, text) in new[] { (WentWellBlock, answer.WentWell), (BetterBlock, answer.CouldBeBetter), (SuggestionBlock, answer.Suggestion) })
            if (text is { Length: > MaxField }) errors[block] = $"Keep this under {MaxField} characters.";

        if (metadata.StartsWith("m:", StringComparison.Ordinal)) return Task.FromResult(Unprompted(user, metadata[2..], state.Text(TopicBlock), answer, errors));
        if (!metadata.StartsWith("r:", StringComparison.Ordinal) || !int.TryParse(metadata[2..], CultureInfo.InvariantCulture, out var id))
            return Task.FromResult(Done("Something was off with this form. Please open it again from the request."));
        return Task.FromResult(Answer(user, id, answer, errors));
    }

    private SlackAck Answer(string giver, int id, FeedbackAnswer answer, Dictionary<string, string> errors)
    {
        var request = store.Get(id);
        if (request is null || request.GiverId != giver)
            return SlackAck.ViewError(WentWellBlock, FeedbackActions.NotYours);
        if (!request.IsPending)
            return SlackAck.ViewError(WentWellBlock, FeedbackActions.Settled(request) + " Copy your words if you'd like to keep them.");
        if (errors.Count > 0) return SlackAck.ViewErrors(errors);

        var now = time.GetUtcNow();
        var answered = store.Change(id, r => r.IsPending && r.GiverId == giver
            ? (r with { Status = FeedbackStatus.Answered, Answer = answer, ClosedAt = now }).WithNotice(NoticeKind.Answer, r.AskerId, now)
            : null);
        if (answered is null) return SlackAck.ViewError(WentWellBlock, "This request was just closed.");
        return Done($"✅ Sent to {FeedbackMessages.Who(answered.AskerId)}. Only the two of you can see it. Thank you!")
            .Then(async ct =>
            {
                await notifier.SendAsync(id, ct);
                await notifier.SettleGiverMessageAsync(answered, ct);
            });
    }

    private SlackAck Unprompted(string mentor, string mentee, string? topic, FeedbackAnswer answer, Dictionary<string, string> errors)
    {
        if (!pairs.IsMentorOf(mentor, mentee))
            return SlackAck.ViewError(TopicBlock, MentorFeedbackCommand.NotYourMentee);
        if (topic is null) errors[TopicBlock] = "Say in a few words what this feedback is about.";
        else if (topic.Length > FeedbackAsking.MaxTopic) errors[TopicBlock] = $"Keep this under {FeedbackAsking.MaxTopic} characters.";
        if (errors.Count > 0) return SlackAck.ViewErrors(errors);

        var given = asking.GiveUnprompted(mentor, mentee, topic!, answer);
        return Done($"✅ Sent to {Mrkdwn.User(mentee)}. Only the two of you can see it.")
            .Then(ct => notifier.SendAsync(given.Id, ct));
    }

    private static SlackAck Done(string mrkdwn) =>
        SlackAck.ViewUpdate(Views.Modal("feedback.done", "Feedback", Array([Blocks.Section(mrkdwn)]), submit: null, close: "Done"));

    private static JsonArray Array(IEnumerable<JsonObject> blocks) => new(blocks.Select(b => (JsonNode)b).ToArray());
}
