using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>
/// /mentor feedback @mentee: a mentor gives one of their own mentees feedback without being asked.
/// /mentor feedback alone: the feedback mentees chose to share with me.
/// </summary>
public sealed class MentorFeedbackCommand(PairStore pairs, FeedbackStore store, SlackReplies replies)
    : IMentorSubcommand
{
    public const string NotYourMentee = "You can give unprompted feedback only to your own mentees. Anyone else can ask you with /askfeedback.";

    public async Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var me = command.UserId;
        var words = args.Words;
        if (words.Length == 0) return Shared(me);
        var mentee = Mentions.User(words[0]);
        if (mentee is null)
            return SlackAck.Ephemeral("Name your mentee with an @mention: `/mentor feedback @sam`. " +
                                      "Pick them from Slack's suggestions so the name turns into a mention.");
        if (words.Length > 1) return SlackAck.Ephemeral("One mentee at a time, please: `/mentor feedback @sam` opens the form.");
        if (mentee == me) return SlackAck.Ephemeral("You can't give yourself feedback here — ask others with `/askfeedback @person topic`.");
        if (!pairs.IsMentorOf(me, mentee)) return SlackAck.Ephemeral(NotYourMentee);
        return await replies.OpenModalAsync(ReplyTarget.Of(command), command.TriggerId, GiveFeedbackModal.Unprompted(mentee),
            "I couldn't open the form just now. Please try again in a moment.");
    }

    private SlackAck Shared(string mentorId)
    {
        var shared = store.SharedWith(mentorId);
        if (shared.Count == 0)
            return SlackAck.Ephemeral("None of your mentees has shared feedback with you yet. " +
                                      "To give one of them feedback unprompted: `/mentor feedback @mentee`.");
        var blocks = new List<JsonObject> { Blocks.Header("Feedback your mentees shared with you") };
        blocks.AddRange(shared.Take(20).Select(r => Blocks.Section(
            $"{FeedbackMessages.Who(r.AskerId)} — “{FeedbackText.Short(r.Topic, 120)}” from {FeedbackMessages.Who(r.GiverId)}",
            Blocks.Button("Read", FeedbackMessages.Read, FeedbackMessages.Value(r)))));
        blocks.Add(Blocks.Context("Shared with you in confidence. `/mentor feedback @mentee` gives feedback unprompted."));
        return SlackAck.Ephemeral($"{shared.Count} pieces of feedback shared with you.", new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()));
    }
}
