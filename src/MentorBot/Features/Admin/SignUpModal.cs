using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>The Join buttons open this modal: role, topics, and (mentors) how many mentees they can take.</summary>
public sealed class SignUpModal(Admins admins, SignUpStore signUps, ProgrammeSettingsStore settings, SlackReplies replies, AppHome home, TimeProvider time,
    ILogger<SignUpModal> logger)
    : IBlockActionHandler, IViewSubmissionHandler
{
    public const string JoinPrefix = "admin.join.";
    public const string JoinMentee = "admin.join.mentee";
    public const string JoinMentor = "admin.join.mentor";
    public const string JoinAny = "admin.join.any";
    public const string CallbackId = "admin.signup";
    public const int MaxCapacity = 5;
    private const int TopicsMax = 500;
    public const int MaxNotWith = 10;

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var role = actions.Action.ActionId switch { JoinMentee => "mentee", JoinMentor => "mentor", _ => null };
        var userId = actions.User.Id;
        var existing = role is null ? null : signUps.Get(userId, role == "mentor" ? SignUpRole.Mentor : SignUpRole.Mentee);
        return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, Build(role, existing, settings.Get().Matching.Topics),
            "I couldn't open the sign-up form just now. Please press Join again in a moment.");
    }

    public static System.Text.Json.Nodes.JsonObject Build(string? role, SignUp? existing, IReadOnlyList<string>? programmeTopics = null)
    {
        var roles = new[] { Blocks.Option("I'd like a mentor (mentee)", "mentee"), Blocks.Option("I'd like to mentor someone", "mentor") };
        var capacities = Enumerable.Range(1, MaxCapacity).Select(n => Blocks.Option(n == 1 ? "1 mentee" : $"{n} mentees", n.ToString()));
        var (label, placeholder) = role switch
        {
            "mentee" => ("What would you like to learn?", "e.g. public speaking, Kubernetes, leading a team"),
            "mentor" => ("What can you help with?", "e.g. public speaking, Kubernetes, leading a team"),
            _ => ("What you'd like to learn (mentees) or can help with (mentors)", "e.g. public speaking, Kubernetes, leading a team"),
        };
        var blocks = new System.Text.Json.Nodes.JsonArray(
            Blocks.Section("Tell us a little, and you'll be matched with someone who fits."),
            Blocks.Input("role", "I'd like to join as", Blocks.RadioButtons("value", roles, role)),
            Blocks.Input("topics", label, Blocks.TextInput("value", multiline: true, maxLength: TopicsMax, initialValue: existing?.Topics, placeholder: placeholder),
                optional: programmeTopics is { Count: > 0 }, // then a pick from the list is enough
                hint: "Used to find you a good match. The topics you share with your match are mentioned when you're introduced; never posted in channels."));
        if (programmeTopics is { Count: > 0 })
            blocks.Add(Blocks.Input("picks", "Or pick from the programme's topics",
                Blocks.MultiStaticSelect("value", programmeTopics.Select(t => Blocks.Option(t, Mrkdwn.Truncate(t, Limits.OptionValue))), existing?.TopicPicks, "Choose topics"),
                optional: true));
        blocks.Add(Blocks.Input("capacity", "Mentors: how many mentees can you take?",
            Blocks.StaticSelect("value", capacities, existing is { Capacity: > 0 } ? existing.Capacity.ToString() : null, "Choose a number"),
            optional: true, hint: "Needed when you join as a mentor; mentees leave it empty."));
        blocks.Add(Blocks.Input("notwith", "Anyone you'd rather not be matched with?",
            Blocks.MultiUsersSelect("value", MaxNotWith, "Choose people", existing?.NotWith), optional: true,
            hint: "Confidential: only the matching uses this. Nobody is told, admins included."));
        return Views.Modal(CallbackId, "Join mentoring", blocks, submit: "Sign up");
    }

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var state = submission.View.State;
        var role = state["role"]?.SelectedOption?.Value;
        var topics = state.Text("topics");
        var capacityText = state["capacity"]?.SelectedOption?.Value;
        var errors = new Dictionary<string, string>();
        if (role is not ("mentee" or "mentor")) errors["role"] = "Choose whether you'd like a mentor or to mentor someone.";
        var picks = state["picks"]?.SelectedOptions?.Select(o => o.Value).ToList() ?? [];
        var notWith = state["notwith"]?.SelectedUsers?.ToList() ?? [];
        if (topics is null && picks.Count == 0) errors["topics"] = "Add a topic or two, so you can be matched with someone who fits.";
        var capacity = int.TryParse(capacityText, out var n) && n is >= 1 and <= MaxCapacity ? n : 0;
        if (role == "mentor" && capacity == 0) errors["capacity"] = "Choose how many mentees you can take.";
        if (errors.Count > 0) return Task.FromResult(SlackAck.ViewErrors(errors));

        var userId = submission.User.Id;
        var signUp = signUps.Save(userId, role == "mentor" ? SignUpRole.Mentor : SignUpRole.Mentee, topics ?? "", capacity, time.GetUtcNow(), picks, notWith);
        logger.LogInformation("{UserId} signed up as {Role}", userId, signUp.Role);
        var thanks = signUp.Role == SignUpRole.Mentor
            ? $"Thanks for offering to mentor (up to {capacity} {(capacity == 1 ? "mentee" : "mentees")})! Once you're matched and an admin approves, I'll introduce you both."
            : "Thanks for signing up! Once you're matched with a mentor and an admin approves, I'll introduce you both.";
        var view = Views.Modal(CallbackId, "Join mentoring", new System.Text.Json.Nodes.JsonArray(Blocks.Section("✅ " + thanks)), submit: null, close: "Done");
        // The newcomer's Home, and the admins' (their waiting list just grew).
        return Task.FromResult(SlackAck.ViewUpdate(view).Then(async c =>
        {
            foreach (var user in admins.KnownAdmins().Prepend(userId).Distinct()) await home.RefreshAsync(user, c);
        }));
    }
}
