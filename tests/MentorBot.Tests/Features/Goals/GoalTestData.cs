using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Features.Goals;

/// <summary>People and pairs the goal tests share. Pairs are written straight to storage: the pairs feature builds them.</summary>
public static class GoalTestData
{
    public const string Mentee = "UMENTEE";
    public const string Mentor = "UMENTOR";
    public const string Stranger = "USTRANGER";

    public static Pair Pair(TestApp app, string mentor = Mentor, string mentee = Mentee, PairType type = PairType.Mentoring,
        PairStatus status = PairStatus.Active) => app.AddPair(mentor, mentee, type, status);

    public static IReadOnlyList<Goal> GoalsOf(TestApp app, string owner) => app.Get<GoalStore>().ListFor(owner, includeDropped: true);

    public static Goal GoalOf(TestApp app, string owner, int number) =>
        app.Get<GoalStore>().Get(owner, number) ?? throw new InvalidOperationException($"no goal #{number} for {owner}");

    /// <summary>Every string in a reply or call, unescaped (ToJsonString would hide "&lt;" and emoji behind \u escapes).</summary>
    public static string Shown(JsonNode? node) => Readable.Strings(node);

    public static string Shown(CommandReply reply) => Shown(reply.Body);

    public static string Shown(SlackCall call) => Shown(call.Args);

    /// <summary>Everything Slack received from the app (Web API calls and response_url posts), as text.</summary>
    public static string AllSentTo(TestApp app, string userId) =>
        string.Join("\n", app.Slack.Calls().Where(c => c.Arg("channel") == FakeSlackApi.DmOf(userId) || c.Arg("user") == userId || c.Arg("user_id") == userId
                                                      || (c.Arg("response_url_id") ?? "").EndsWith(userId))
            .Select(Shown));
}
