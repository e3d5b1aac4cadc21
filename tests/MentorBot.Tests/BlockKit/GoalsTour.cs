using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Tests.Support;

namespace MentorBot.Tests.BlockKit;

/// <summary>Every /goal answer, the goal forms, the goal buttons' answers, the mentor's DM and the goals App Home section.</summary>
public sealed class GoalsTour : IBlockKitTour
{
    private const string Mentee = "UMENTEE";
    private const string Mentor = "UMENTOR";

    public async Task RunAsync(TestApp app)
    {
        app.Get<PairStore>().Add(new Pair
        {
            MentorId = Mentor, MenteeId = Mentee, Type = PairType.Mentoring, Status = PairStatus.Active, StartedAt = app.Time.GetUtcNow(),
        });
        Task<CommandReply> Goal(string text, string user = Mentee) => app.CommandAsync("/goal", text, user);
        var url = app.Slack.ResponseUrl("tour");

        // Typed commands and every refusal.
        await Goal("help");
        await Goal("frobnicate <!channel>");
        await Goal("list");
        await Goal("add");
        await Goal("add " + new string('x', 151));
        await Goal("add 👩🏽‍💻 Learn Rust 🦀 <!channel> & <@U123> — naïve café 目標 مرحبا");
        await Goal("add " + new string('é', 150));
        await Goal("progress 1 40 " + new string('n', 2900));
        await Goal("progress 1 140");
        await Goal("progress 1 lots");
        await Goal("note 1 talked it through <!here>");
        await Goal("edit 2 Shorter title");
        await Goal("show 1");
        await Goal("done 7");
        await Goal("done <@U123>");
        await Goal("done first");
        await Goal("drop 2");
        await Goal("list");
        await Goal($"list <@{Mentee}>", Mentor);
        await Goal($"list <@{Mentee}>", "USTRANGER");
        await Goal("list @nobody", Mentor);

        // The forms: /goal alone, the buttons that open forms, and their submissions (errors and success).
        await Goal("");
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Details, "1", responseUrl: url));
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Progress, "1", responseUrl: url));
        var createMeta = new GoalModalState(null, url).Serialize();
        await app.InteractAsync(Interactions.Submit(Mentee, GoalModal.CreateId, new Dictionary<string, JsonObject>
        {
            [GoalModal.TitleBlock] = Interactions.TextValue(new string('t', 151)),
            [GoalModal.TargetBlock] = Interactions.DateValue("2020-01-01"),
        }, createMeta));
        await app.InteractAsync(Interactions.Submit(Mentee, GoalModal.CreateId, new Dictionary<string, JsonObject>
        {
            [GoalModal.TitleBlock] = Interactions.TextValue("From the form"),
            [GoalModal.WhyBlock] = Interactions.TextValue("Because <!channel>"),
            [GoalModal.TargetBlock] = Interactions.DateValue("2026-12-31"),
            [GoalModal.VisibilityBlock] = Interactions.SelectValue(GoalModal.OnlyMeValue, type: "radio_buttons"),
        }, createMeta));
        await app.InteractAsync(Interactions.Submit(Mentee, ProgressModal.CallbackId, new Dictionary<string, JsonObject>
        {
            [ProgressModal.PercentBlock] = Interactions.SelectValue("60"),
            [ProgressModal.NoteBlock] = Interactions.TextValue("half way"),
        }, new GoalModalState(1, url).Serialize()));

        // Buttons answered in place or, from the App Home, by DM; the mentor's DM on completion.
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Show, "1", responseUrl: url));
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.KeepIt, "2", responseUrl: url));
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Drop, "2", responseUrl: url));
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Done, "1", responseUrl: url));
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Done, "9", responseUrl: url));
        await app.InteractAsync(Interactions.ViewButtonClick(Mentee, GoalActions.Done, "3"));
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor));

        // A long list: pages and the page button.
        for (var i = 0; i < 20; i++) await Goal($"add Goal {i} " + new string('g', 130));
        await Goal("list");
        await app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Page, "2", responseUrl: url));

        // The App Home section, for the mentee and for their mentor (published the way the App Home does).
        var section = app.Get<IEnumerable<MentorBot.Features.Home.IAppHomeSection>>().OfType<GoalsHomeSection>().Single();
        foreach (var user in new[] { Mentee, Mentor, "USTRANGER" })
        {
            var blocks = await section.BlocksForAsync(user, app.Time.GetUtcNow(), CancellationToken.None);
            await app.Get<SlackApiClient>().PublishHomeAsync(user, Views.Home(new JsonArray(blocks.Select(b => (JsonNode)b.DeepClone()).ToArray())), CancellationToken.None);
        }

        // Follow-ups run after the acks: wait until every expected answer has arrived.
        await app.Slack.WaitForCallsAsync("response_url", 8);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee));
        Assert.All(app.Slack.Calls(), c => Assert.True(c.Rejected is null, $"{c.Method} was rejected: {c.Rejected}"));
    }
}
