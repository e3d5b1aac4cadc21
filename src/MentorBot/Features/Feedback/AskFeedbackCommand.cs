using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>/askfeedback @person … topic, /askfeedback (the form), /askfeedback list, /askfeedback help.</summary>
public sealed class AskFeedbackCommand(FeedbackAsking asking, FeedbackNotifier notifier, FeedbackStore store, GoalStore goals,
    SlackReplies replies) : ISlashCommandHandler
{
    public const string Usage = "`/askfeedback @alex @sam How did my demo land?`";

    public static readonly string Help =
        $"Ask up to {FeedbackAsking.MaxPeople} people for honest feedback: {Usage}\n" +
        "• `/askfeedback` alone opens a form (context, a related goal, a \"by\" date)\n" +
        "• `/askfeedback list` shows what you asked and what's waiting for you";

    public async Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        var verb = CommandText.Parse(command.Text);
        if (verb.Verb == "") return await OpenFormAsync(command, [], null, ct);
        if (verb.Verb is "help" or "?" && verb.Rest == "") return SlackAck.Ephemeral(Help);
        if (verb.Verb == "list" && verb.Rest == "") return FeedbackList.For(command.UserId, store);

        var text = AskFeedbackText.Parse(command.Text);
        if (text.Unresolved.Count > 0)
            return SlackAck.Ephemeral($"I couldn't find {string.Join(", ", text.Unresolved.Select(u => FeedbackText.Short(u, 40)))}. " +
                                      "Pick people from Slack's suggestions as you type @, so the name turns into a mention.");
        if (text.People.Count == 0)
            return SlackAck.Ephemeral($"Who should I ask? Start with the people, then the topic: {Usage}\n" +
                                      "Or type `/askfeedback` alone to open the form.");
        if (text.People.Count > FeedbackAsking.MaxPeople)
            return SlackAck.Ephemeral($"You named {text.People.Count} people; I can ask up to {FeedbackAsking.MaxPeople} at a time. " +
                                      "Pick the ones who saw your work most closely.");
        if (text.Topic.Length > FeedbackAsking.MaxTopic)
            return SlackAck.Ephemeral($"That topic is {text.Topic.Length} characters; keep it under {FeedbackAsking.MaxTopic}. " +
                                      "Type `/askfeedback` alone to use the form, where there's room for context and a link.");
        if (asking.NotYetKnown(text.People) is { Count: > 0 } unknown && text.Topic.Length > 0)
        {
            // The ack never waits on Slack: look them up after it, then answer through the response_url.
            return SlackAck.Ephemeral(LookingUp).Then(async later =>
                await replies.AnswerLateAsync(command.ResponseUrl, Ask(command, text, await asking.LookUpAsync(unknown, later)), "/askfeedback", later));
        }
        if (asking.ProblemsWith(command.UserId, text.People) is { Count: > 0 } problems)
            return SlackAck.Ephemeral(string.Join("\n", problems) + "\nNothing was sent.");
        if (text.Topic.Length == 0)
        {
            var opened = await OpenFormAsync(command, text.People, null, ct);
            return opened.IsEmpty
                ? SlackAck.Ephemeral("What would you like feedback on? I've opened the form with those people filled in.")
                : SlackAck.Ephemeral($"What would you like feedback on? Add the topic after the names: {Usage}");
        }
        return Ask(command, text, null);
    }

    public const string LookingUp = "One moment: I'm looking up who you named…";

    /// <summary>Checks the named people (from what MentorBot knows), then saves one request each; the DMs go after the answer.</summary>
    private SlackAck Ask(SlashCommand command, AskFeedbackText text, IReadOnlySet<string>? unknownToSlack)
    {
        if (asking.ProblemsWith(command.UserId, text.People, unknownToSlack) is { Count: > 0 } problems)
            return SlackAck.Ephemeral(string.Join("\n", problems) + "\nNothing was sent.");
        var requests = asking.Ask(command.UserId, text.People, text.Topic, null, null, null);
        return SlackAck.Ephemeral(AskedLine(text.People, text.Topic) + " I'll DM you each answer as it comes in.")
            .Then(async token =>
            {
                await asking.PlaceRemindersAsync(requests, token);
                foreach (var r in requests) await notifier.SendAsync(r.Id, token);
            });
    }

    public static string AskedLine(IReadOnlyList<string> people, string topic)
    {
        var names = people.Select(Mrkdwn.User).ToList();
        var list = names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        return $"✅ I've asked {list} for feedback on “{FeedbackText.Short(topic, 200)}”.";
    }

    /// <summary>Opens the form before the ack: its trigger expires within 3 s, so it cannot wait for a follow-up.</summary>
    private async Task<SlackAck> OpenFormAsync(SlashCommand command, IReadOnlyList<string> people, string? topic, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(command.TriggerId)) return SlackAck.Ephemeral(Help);
        return await replies.OpenModalAsync(ReplyTarget.Of(command), command.TriggerId,
            AskFeedbackModal.View(AskFeedbackModal.OpenGoals(goals, command.UserId), people, topic),
            "I couldn't open the form just now. You can also ask directly: " + Usage);
    }
}
