using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>The "ask for feedback" form: people, topic, context or a link, a related goal, a "by" date.</summary>
public sealed class AskFeedbackModal(FeedbackAsking asking, FeedbackNotifier notifier, GoalStore goals, SlackApiClient slack,
    ILogger<AskFeedbackModal> logger) : IViewSubmissionHandler
{
    public const string CallbackId = "feedback.ask";
    public const string PeopleBlock = "people";
    public const string TopicBlock = "topic";
    public const string ContextBlock = "context";
    public const string GoalBlock = "goal";
    public const string ByBlock = "by";

    public static JsonObject View(IReadOnlyList<Goal> openGoals, IReadOnlyList<string> people, string? topic = null)
    {
        var who = Blocks.MultiUsersSelect("value", FeedbackAsking.MaxPeople, "Mentor, peers, supervisor…");
        if (people.Count > 0) who["initial_users"] = new JsonArray(people.Take(FeedbackAsking.MaxPeople).Select(p => (JsonNode)p).ToArray());
        var blocks = new List<JsonObject>
        {
            Blocks.Section("Ask up to 5 people who saw your work — your mentor, a peer, or a supervisor. Each gets a private DM; " +
                           "their answers come back to you only."),
            Blocks.Input(PeopleBlock, "Who should I ask?", who),
            Blocks.Input(TopicBlock, "What would you like feedback on?",
                Blocks.TextInput("value", maxLength: FeedbackAsking.MaxTopic, initialValue: topic, placeholder: "e.g. my demo in Thursday's all-hands")),
            Blocks.Input(ContextBlock, "Context or a link", Blocks.TextInput("value", multiline: true, maxLength: FeedbackAsking.MaxContext,
                placeholder: "What to look at, what you're unsure about…"), optional: true),
        };
        if (openGoals.Count > 0)
            blocks.Add(Blocks.Input(GoalBlock, "Related goal", Blocks.StaticSelect("value",
                openGoals.Select(g => Blocks.Option($"#{g.Number} {g.Title}", g.Number.ToString(CultureInfo.InvariantCulture))),
                placeholder: "Pick one of your goals"), optional: true));
        blocks.Add(Blocks.Input(ByBlock, "By when?", Blocks.DatePicker("value", placeholder: "Any time is fine"), optional: true,
            hint: "If there's no answer by then, I'll send one gentle reminder."));
        return Views.Modal(CallbackId, "Ask for feedback", new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()), submit: "Ask");
    }

    public static IReadOnlyList<Goal> OpenGoals(GoalStore goals, string userId) =>
        goals.ListFor(userId).Where(g => g.Status == GoalStatus.Open).ToList();

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var asker = submission.User.Id;
        var state = submission.View.State;
        var errors = new Dictionary<string, string>();

        var people = (state[PeopleBlock]?.SelectedUsers ?? []).Distinct().ToList();
        if (people.Count == 0) errors[PeopleBlock] = "Pick at least one person to ask.";
        else if (people.Count > FeedbackAsking.MaxPeople) errors[PeopleBlock] = $"You can ask up to {FeedbackAsking.MaxPeople} people at a time.";
        else if (asking.ProblemsWith(asker, people) is { Count: > 0 } problems) errors[PeopleBlock] = string.Join(" ", problems);

        var topic = state.Text(TopicBlock);
        if (topic is null) errors[TopicBlock] = "Say in a few words what you'd like feedback on.";
        else if (topic.Length > FeedbackAsking.MaxTopic) errors[TopicBlock] = $"Keep the topic under {FeedbackAsking.MaxTopic} characters; put the rest in the context.";

        var context = state.Text(ContextBlock);
        if (context is { Length: > FeedbackAsking.MaxContext }) errors[ContextBlock] = $"Keep the context under {FeedbackAsking.MaxContext} characters (a link works well).";

        (int, string)? goal = null;
        if (state[GoalBlock]?.SelectedOption?.Value is { } value)
        {
            if (int.TryParse(value, CultureInfo.InvariantCulture, out var number) && goals.Get(asker, number) is { } g) goal = (g.Number, g.Title);
            else errors[GoalBlock] = "That goal no longer exists; pick another or leave it empty.";
        }

        DateOnly? by = null;
        if (state[ByBlock]?.SelectedDate is { } date)
        {
            if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                errors[ByBlock] = "Pick a date from the calendar.";
            else if (parsed < asking.TodayFor(asker)) errors[ByBlock] = "That date has passed; pick today or a later day.";
            else by = parsed;
        }

        if (errors.Count > 0) return SlackAck.ViewErrors(errors);

        var requests = asking.Ask(asker, people, topic!, context, goal, by);
        return SlackAck.Empty.Then(async token =>
        {
            await asking.PlaceRemindersAsync(requests, token);
            foreach (var r in requests) await notifier.SendAsync(r.Id, token);
            try
            {
                var line = AskFeedbackCommand.AskedLine(people, topic!);
                await slack.SendDmAsync(asker, line, new JsonArray(Blocks.Section(line)), token);
            }
            catch (SlackApiException ex)
            {
                logger.LogInformation("Could not confirm a feedback request to {UserId}: {Error}", asker, ex.Error);
            }
        });
    }
}
