using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>People and shortcuts the pairs tests share. Mentor in Amsterdam, mentee in New York.</summary>
public static class PairsTestKit
{
    public const string Mentor = "UMENTOR";
    public const string Mentee = "UMENTEE";
    public const string Admin = "UADMIN";
    public const string Bot = "UBOTTY";
    public const string Gone = "UGONE";
    public const string Outsider = "UOUTSIDER";

    public static async Task<TestApp> StartAsync()
    {
        var app = await TestApp.StartFreshAsync();
        app.Slack.AddUser(Mentor, "Mara", "Europe/Amsterdam");
        app.Slack.AddUser(Mentee, "Nico", "America/New_York");
        app.Slack.AddUser(Admin, "Ada", isAdmin: true);
        app.Slack.AddUser(Bot, "Robo", isBot: true);
        app.Slack.AddUser(Gone, "Gone", deleted: true);
        app.Slack.AddUser(Outsider, "Olli");
        // Both have used MentorBot before: the admin check answers from what it knows, in the ack.
        foreach (var known in new[] { Admin, Outsider }) await app.Get<MentorBot.People.UserDirectory>().GetAsync(known, CancellationToken.None);
        return app;
    }

    /// <summary>What a person reads in a call: JSON with its \u escapes undone.</summary>
    public static string Read(SlackCall call) => Readable.Unescaped(call.Visible);

    public static string Read(CommandReply reply) => Readable.Unescaped(reply.AllText);

    public static async Task<Pair> PairAsync(TestApp app, PairType type = PairType.Mentoring)
    {
        var result = await app.Get<PairStarter>().StartAsync(Mentor, Mentee, type, Admin, CancellationToken.None);
        Assert.Equal(PairStartOutcome.Started, result.Outcome);
        await app.Slack.WaitForCallsAsync("chat.postMessage", 2, c => Read(c).Contains("Set expectations"));
        return result.Pair!;
    }

    public static Pair Current(TestApp app) => app.Get<PairStore>().CurrentBetween(Mentor, Mentee)!;

    public static Task<SlackCall> DmAsync(TestApp app, string to, string containing) =>
        app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(to) && Read(c).Contains(containing));

    public static Task<SlackCall> LaterReplyAsync(TestApp app, string containing) =>
        app.Slack.WaitForCallAsync("response_url", c => Read(c).Contains(containing));

    /// <summary>Kickoff answers. They tick "this time works for both of us" (the mentor is in Amsterdam, the mentee in New York),
    /// so tests about other things are not refused for working hours; KickoffHoursTests covers that check.</summary>
    public static Dictionary<string, JsonObject> KickoffValues(string? want, string frequency, string day, string time, params string[] ways) => new()
    {
        ["fits"] = Interactions.CheckboxValue("value", KickoffModal.WorksForBoth),
        ["want"] = Interactions.TextValue(want),
        ["ways"] = Interactions.CheckboxValue("value", ways),
        ["length"] = Interactions.SelectValue("30"),
        ["frequency"] = Interactions.SelectValue(frequency, type: "radio_buttons"),
        ["day"] = Interactions.SelectValue(day),
        ["time"] = new JsonObject { ["type"] = "timepicker", ["action_id"] = "value", ["selected_time"] = time },
    };

    /// <summary>The "In whose time zone is that time?" choice (the modal asks it when the two live in different zones).</summary>
    public static Dictionary<string, JsonObject> WithZone(Dictionary<string, JsonObject> values, string zoneId)
    {
        values["zone"] = Interactions.SelectValue(zoneId, type: "radio_buttons");
        return values;
    }

    /// <summary>The one tap on the newest "Accept" (a proposed meeting time) in <paramref name="user"/>'s DMs.</summary>
    public static async Task<HttpResponseMessage> AcceptProposalAsync(TestApp app, string user)
    {
        await app.Slack.WaitForCallAsync("chat.postMessage",
            c => c.Arg("channel") == FakeSlackApi.DmOf(user) && Support.Buttons.ValueOf(c, KickoffAgreements.Accept) is not null);
        var value = app.Slack.DmsTo(user).Select(c => Support.Buttons.ValueOf(c, KickoffAgreements.Accept)).Last(v => v is not null)!;
        return await app.InteractAsync(Interactions.ButtonClick(user, KickoffAgreements.Accept, value));
    }

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
