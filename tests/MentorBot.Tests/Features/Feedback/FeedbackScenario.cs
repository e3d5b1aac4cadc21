using System.Text.Json.Nodes;
using MentorBot.Features.Feedback;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;

namespace MentorBot.Tests.Features.Feedback;

/// <summary>People and steps shared by the feedback tests: a real app, signed requests, the fake Slack's record.</summary>
public sealed class FeedbackScenario : IAsyncDisposable
{
    public const string Asker = "UASKER";
    public const string Giver = "UGIVER";
    public const string Peer = "UPEER";
    public const string Outsider = "UOUTSIDER";
    public const string Mentor = "UMENTOR";

    private FeedbackScenario(TestApp app) => App = app;

    public TestApp App { get; private set; }
    public FakeSlackApi Slack => App.Slack;

    public static async Task<FeedbackScenario> StartAsync()
    {
        var slack = await FakeSlackApi.StartAsync();
        var app = await TestApp.StartAsync(slack, new TempDatabase());
        app.Slack.AddUser(Asker, "Ana");
        app.Slack.AddUser(Giver, "Gio");
        app.Slack.AddUser(Peer, "Pia");
        app.Slack.AddUser(Outsider, "Otto");
        app.Slack.AddUser(Mentor, "Mo");
        app.Slack.AddUser("UBOTFRIEND", "Helper bot", isBot: true);
        app.Slack.AddUser("UGONE", "Gone", deleted: true);
        return new FeedbackScenario(app);
    }

    /// <summary>Stops the app and starts it again on the same database file and clock, as after a crash or deploy.</summary>
    public async Task RestartAsync()
    {
        var (slack, db, time) = (App.Slack, App.Db, App.Time);
        await App.DisposeAsync();
        App = await TestApp.StartAsync(slack, db, time);
    }

    private int LastAsked { get; set; }

    public FeedbackStore Store => App.Get<FeedbackStore>();

    /// <summary>Waits (up to 5 s) for the app's post-ack work to have written what the test expects.</summary>
    public async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The expected state was never written.");
            await Task.Delay(20); // polling for a background write, not waiting for the clock
        }
    }

    public Task TickAsync() => App.Get<PeriodicJobs>().RunOnceAsync();

    public async Task AdvanceAndTickAsync(TimeSpan by)
    {
        App.Time.Advance(by);
        await TickAsync();
    }

    public Pair MakePair(string mentor, string mentee) => App.AddPair(mentor, mentee);

    public Task<CommandReply> AskAsync(string text, string asker = Asker) => App.CommandAsync("/askfeedback", text, asker);

    /// <summary>
    /// What the asker reads: the ack, or, when someone named was never looked up, the answer that follows through the
    /// response_url once Slack told who they are (the ack never waits on Slack).
    /// </summary>
    public async Task<string> AskAndReadAsync(string text, string asker = Asker)
    {
        bool Answer(SlackCall c) => c.Arg("response_url_id") == "cmd-" + asker && c.Arg("text") != AskFeedbackCommand.LookingUp;
        var before = Slack.Calls("response_url").Count(Answer);
        var reply = await AskAsync(text, asker);
        Assert.Equal("ephemeral", reply.ResponseType);
        if (reply.Text != AskFeedbackCommand.LookingUp) return reply.Text;
        var late = await Slack.WaitForCallsAsync("response_url", before + 1, Answer);
        Assert.Equal("ephemeral", late[before].Arg("response_type"));
        return late[before].Arg("text")!;
    }

    /// <summary>Asks the giver and waits until their request DM arrived; returns the request.</summary>
    public async Task<FeedbackRequest> AskAndDeliverAsync(string topic = "How did my demo land?", string giver = Giver, string asker = Asker)
    {
        Assert.Contains("I've asked", await AskAndReadAsync($"<@{giver}|x> {topic}", asker));
        var dm = await Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(giver) && HasButton(c, FeedbackMessages.Give) && Shown(c).Contains(topic)
            && int.Parse(ButtonValue(c, FeedbackMessages.Give)!) > LastAsked);
        var id = int.Parse(ButtonValue(dm, FeedbackMessages.Give)!);
        LastAsked = id;
        return Store.Get(id)!;
    }

    public Task<HttpResponseMessage> ClickAsync(string user, string actionId, FeedbackRequest r, string? responseUrlId = null) =>
        App.InteractAsync(Interactions.ButtonClick(user, actionId, r.Id.ToString(), responseUrl: responseUrlId is null ? null : Slack.ResponseUrl(responseUrlId)));

    /// <summary>Clicks with a response_url and returns what the clicker was told privately.</summary>
    public async Task<string> ClickAndReadReplyAsync(string user, string actionId, FeedbackRequest r)
    {
        var id = $"click-{user}-{actionId}-{Guid.NewGuid():N}";
        await ClickAsync(user, actionId, r, id);
        var reply = await Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == id);
        Assert.Equal("ephemeral", reply.Arg("response_type"));
        return Shown(reply);
    }

    public async Task<HttpResponseMessage> SubmitAnswerAsync(string user, FeedbackRequest r, string? well, string? better = null, string? suggestion = null) =>
        await App.InteractAsync(Interactions.Submit(user, GiveFeedbackModal.CallbackId, new Dictionary<string, JsonObject>
        {
            [GiveFeedbackModal.WentWellBlock] = Interactions.TextValue(well),
            [GiveFeedbackModal.BetterBlock] = Interactions.TextValue(better),
            [GiveFeedbackModal.SuggestionBlock] = Interactions.TextValue(suggestion),
        }, "r:" + r.Id));

    public static async Task<JsonObject?> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
    }

    public static bool HasButton(SlackCall call, string actionId) => ButtonValue(call, actionId) is not null;

    public static string? ButtonValue(SlackCall call, string actionId) => Support.Buttons.ValueOf(call, actionId);

    public static IEnumerable<JsonObject> Buttons(JsonNode? node) => Support.Buttons.In(node);

    /// <summary>Every string a call carries (text, blocks, view), unescaped: what a person could read.</summary>
    public static string Shown(SlackCall call) => Readable.Strings(call.Args);

    /// <summary>DMs to a person that Slack accepted.</summary>
    public IReadOnlyList<SlackCall> DmsTo(string user) => Slack.DmsTo(user);

    public async ValueTask DisposeAsync()
    {
        Assert.All(Slack.Calls(), c => Assert.True(c.Rejected is null, $"{c.Method} was rejected: {c.Rejected}"));
        var (slack, db) = (App.Slack, App.Db);
        await App.DisposeAsync();
        await slack.DisposeAsync();
        db.Dispose();
    }
}
