using System.Text.Json.Nodes;
using MentorBot.Features.Feedback;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Tests.Support;

namespace MentorBot.Tests.BlockKit;

/// <summary>Every feedback surface: the command's replies, both forms, every DM of the loop, the list, the mentor's listing, the App Home section.</summary>
public sealed class FeedbackTour : IBlockKitTour
{
    private const string Ana = "UANA", Gio = "UGIO", Pia = "UPIA", Mo = "UMO", Otto = "UOTTO";

    public async Task RunAsync(TestApp app)
    {
        app.Slack.AddUser("UGONE", "Gone", deleted: true);
        app.Get<GoalStore>().Add(Ana, "Give a conference talk", app.Time.GetUtcNow());
        app.Get<PairStore>().Add(new Pair { MentorId = Mo, MenteeId = Ana, Type = PairType.Mentoring, Status = PairStatus.Active, StartedAt = app.Time.GetUtcNow() });
        var store = app.Get<FeedbackStore>();
        var ticks = app.Get<PeriodicJobs>();

        // Replies to the command: help, empty list, refusals, the form (plain and pre-filled).
        await app.CommandAsync("/askfeedback", "help", Ana);
        await app.CommandAsync("/askfeedback", "list", Ana);
        await app.CommandAsync("/askfeedback", "How did it go? <!channel>", Ana);
        await app.CommandAsync("/askfeedback", "<@UGONE|gone> Topic", Ana);
        await app.CommandAsync("/askfeedback", "", Ana, triggerId: "t-form");
        await app.CommandAsync("/askfeedback", $"<@{Gio}|gio>", Ana, triggerId: "t-prefilled");

        // Ask two people; the form path with context, goal and a "by" date.
        await app.CommandAsync("/askfeedback", $"<@{Gio}|gio> <@{Pia}|pia> My demo <with> & *markup*", Ana);
        await app.InteractAsync(Interactions.Submit(Ana, AskFeedbackModal.CallbackId, new Dictionary<string, JsonObject>
        {
            [AskFeedbackModal.PeopleBlock] = Interactions.UsersValue("value", Otto),
            [AskFeedbackModal.TopicBlock] = Interactions.TextValue("The roadmap"),
            [AskFeedbackModal.ContextBlock] = Interactions.TextValue("See <https://example.com|the doc>\n" + new string('x', 1900)),
            [AskFeedbackModal.GoalBlock] = Interactions.SelectValue("1"),
            [AskFeedbackModal.ByBlock] = Interactions.DateValue("2026-03-04"),
        }));
        await app.Slack.WaitForCallsAsync("chat.postMessage", 4);
        var gio = store.WaitingFor(Gio).Single();
        var pia = store.WaitingFor(Pia).Single();

        // Give → form → answer (long, split) → thanks, share, read.
        await app.InteractAsync(Interactions.ButtonClick(Gio, FeedbackMessages.Give, gio.Id.ToString(), triggerId: "t-give"));
        await app.InteractAsync(Interactions.Submit(Gio, GiveFeedbackModal.CallbackId, new Dictionary<string, JsonObject>
        {
            [GiveFeedbackModal.WentWellBlock] = Interactions.TextValue(string.Concat(Enumerable.Repeat("<b> & ", 500))),
            [GiveFeedbackModal.BetterBlock] = Interactions.TextValue(new string('b', 3000)),
            [GiveFeedbackModal.SuggestionBlock] = Interactions.TextValue("Rehearse once 👩🏽‍💻"),
        }, "r:" + gio.Id));
        await app.Slack.WaitForCallAsync("chat.update");
        await Click(app, Ana, FeedbackMessages.Thank, gio, "thank");
        await Click(app, Ana, FeedbackMessages.Share, gio, "share");
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mo));
        await app.InteractAsync(Interactions.ButtonClick(Ana, FeedbackMessages.Read, gio.Id.ToString(), triggerId: "t-read"));
        await Click(app, Otto, FeedbackMessages.Read, gio, "refused");

        // Not now, decline, then the scheduler: snooze return, reminder, expiry.
        await Click(app, Pia, FeedbackMessages.NotNow, pia, "notnow");
        await Click(app, Otto, FeedbackMessages.Decline, store.WaitingFor(Otto).Single(), "decline");
        await app.CommandAsync("/askfeedback", $"<@{Pia}|pia> Second topic", Ana);
        for (var day = 0; day < 15; day++)
        {
            app.Time.Advance(TimeSpan.FromDays(1));
            await ticks.RunOnceAsync();
        }

        // Undeliverable, the mentor's unprompted form and listing, the lists with content.
        app.Slack.FailNext("chat.postMessage", "account_inactive");
        await app.CommandAsync("/askfeedback", $"<@{Gio}|gio> Unreachable", Ana);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Ana) && c.Args.ToJsonString().Contains("reach"));
        await app.CommandAsync("/mentor", $"feedback <@{Ana}|ana>", Mo, triggerId: "t-unprompted");
        await app.InteractAsync(Interactions.Submit(Mo, GiveFeedbackModal.CallbackId, new Dictionary<string, JsonObject>
        {
            [GiveFeedbackModal.TopicBlock] = Interactions.TextValue("Planning"),
            [GiveFeedbackModal.WentWellBlock] = Interactions.TextValue("Calm and clear"),
        }, "m:" + Ana));
        await app.CommandAsync("/mentor", "feedback", Mo);
        await app.CommandAsync("/mentor", "feedback", Otto);
        await app.CommandAsync("/askfeedback", $"<@{Ana}|ana> Review my PR", Pia);
        await app.CommandAsync("/askfeedback", "list", Ana);

        // The App Home section, published as the Home feature would, and its "Ask for feedback" button.
        var section = app.Get<IEnumerable<IAppHomeSection>>().OfType<FeedbackHomeSection>().Single();
        var blocks = await section.BlocksForAsync(Ana, app.Time.GetUtcNow(), CancellationToken.None);
        await app.Get<SlackApiClient>().PublishHomeAsync(Ana, Views.Home(new JsonArray(blocks.Select(b => (JsonNode)b).ToArray())), CancellationToken.None);
        await app.InteractAsync(Interactions.ViewButtonClick(Ana, FeedbackMessages.AskMore, "home", triggerId: "t-home"));
        await app.InteractAsync(Interactions.ViewButtonClick(Otto, FeedbackMessages.Read, gio.Id.ToString()));
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Otto));
        await app.Slack.WaitForCallsAsync("views.open", 5);
    }

    private static async Task Click(TestApp app, string user, string action, FeedbackRequest r, string id)
    {
        await app.InteractAsync(Interactions.ButtonClick(user, action, r.Id.ToString(), responseUrl: app.Slack.ResponseUrl($"{id}-{r.Id}")));
        await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == $"{id}-{r.Id}");
    }
}
