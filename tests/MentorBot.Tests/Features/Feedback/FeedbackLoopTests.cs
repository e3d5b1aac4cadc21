using System.Text.Json.Nodes;
using MentorBot.Features.Feedback;
using static MentorBot.Tests.Features.Feedback.FeedbackScenario;

namespace MentorBot.Tests.Features.Feedback;

/// <summary>The whole loop through the real endpoint: ask → DM → give → delivered → thanked, and its other endings.</summary>
[Trait(Tier.Name, Tier.Host)]
public class FeedbackLoopTests : IAsyncLifetime
{
    private FeedbackScenario _s = null!;

    public async Task InitializeAsync() => _s = await FeedbackScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task Ask_DmsEachPersonWithThreeButtons_AndConfirmsEphemerally()
    {
        var confirmed = await _s.AskAndReadAsync($"<@{Giver}|gio>, <@{Peer}|pia> How did my demo land?");

        Assert.Contains($"<@{Giver}>", confirmed);
        Assert.Contains($"<@{Peer}>", confirmed);
        foreach (var person in new[] { Giver, Peer })
        {
            var dm = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(person));
            Assert.Contains($"<@{Asker}>", Shown(dm));
            Assert.Contains("How did my demo land?", Shown(dm));
            Assert.All(new[] { FeedbackMessages.Give, FeedbackMessages.NotNow, FeedbackMessages.Decline }, a => Assert.True(HasButton(dm, a)));
        }
        Assert.Equal(2, _s.Store.AskedBy(Asker).Count);
        Assert.Empty(_s.DmsTo(Asker));
    }

    [Fact]
    public async Task Give_OpensTheForm_AndTheAnswerReachesTheAskerWithThankAndShare()
    {
        _s.MakePair(Mentor, Asker); // someone to share it with
        var request = await _s.AskAndDeliverAsync("My talk at the all-hands");

        await _s.ClickAsync(Giver, FeedbackMessages.Give, request);
        var open = await _s.Slack.WaitForCallAsync("views.open");
        Assert.Equal(GiveFeedbackModal.CallbackId, open.Args["view"]!["callback_id"]!.ToString());
        Assert.Contains("My talk at the all-hands", Shown(open));

        var submitted = await _s.SubmitAnswerAsync(Giver, request, "Clear structure", "Slow down on slide 4", "Rehearse once with a timer");
        var body = await BodyAsync(submitted);
        Assert.Equal("update", body!["response_action"]!.ToString());
        Assert.Contains("Sent to", body.ToJsonString());

        var answer = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        foreach (var part in new[] { "Clear structure", "Slow down on slide 4", "Rehearse once with a timer", "What went well", "One concrete suggestion" })
            Assert.Contains(part, Shown(answer));
        Assert.True(HasButton(answer, FeedbackMessages.Thank));
        Assert.True(HasButton(answer, FeedbackMessages.Share));
        Assert.DoesNotContain("Clear structure", answer.Arg("text")); // notifications show the fallback text: keep it free of content

        // The giver's request DM loses its buttons, so nobody answers twice.
        var update = await _s.Slack.WaitForCallAsync("chat.update");
        Assert.Equal(FakeSlackApi.DmOf(Giver), update.Arg("channel"));
        Assert.Empty(Buttons(update.Args["blocks"]));
        Assert.Equal(FeedbackStatus.Answered, _s.Store.Get(request.Id)!.Status);
    }

    [Fact]
    public async Task GiveForm_WithAllThreeFieldsEmpty_ShowsTheErrorAtTheField_AndSendsNothing()
    {
        var request = await _s.AskAndDeliverAsync();

        var body = await BodyAsync(await _s.SubmitAnswerAsync(Giver, request, "  ", null, ""));

        Assert.Equal("errors", body!["response_action"]!.ToString());
        Assert.Contains("at least one", body["errors"]![GiveFeedbackModal.WentWellBlock]!.ToString());
        Assert.True(_s.Store.Get(request.Id)!.IsPending);
        Assert.Empty(_s.DmsTo(Asker));
    }

    [Fact]
    public async Task Thank_TellsTheGiverOnce()
    {
        var request = await _s.AskAndDeliverAsync();
        await _s.SubmitAnswerAsync(Giver, request, "Good pacing");
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));

        var told = await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Thank, request);
        Assert.Contains("thanks", told);
        var thanks = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Giver) && Shown(c).Contains("thanked you"));
        Assert.Contains($"<@{Asker}>", Shown(thanks));

        var again = await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Thank, request);
        Assert.Contains("already thanked", again);
        Assert.Single(_s.DmsTo(Giver), c => Shown(c).Contains("thanked you"));
    }

    [Fact]
    public async Task Decline_TellsTheAskerKindly_AndTheRequestCannotBeAnsweredAfterwards()
    {
        var request = await _s.AskAndDeliverAsync("My design doc");

        var told = await _s.ClickAndReadReplyAsync(Giver, FeedbackMessages.Decline, request);
        Assert.Contains("Declined", told);
        var kind = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        Assert.Contains("no reason needed", Shown(kind));
        Assert.Contains("My design doc", Shown(kind));
        Assert.Equal(FeedbackStatus.Declined, _s.Store.Get(request.Id)!.Status);

        var late = await _s.ClickAndReadReplyAsync(Giver, FeedbackMessages.Give, request);
        Assert.Contains("declined", late);
        var submit = await BodyAsync(await _s.SubmitAnswerAsync(Giver, request, "Too late"));
        Assert.Equal("errors", submit!["response_action"]!.ToString());
        Assert.DoesNotContain(_s.Slack.Calls(), c => Shown(c).Contains("Too late"));
    }

    [Fact]
    public async Task NotNow_BringsTheRequestBackAfterTwoDays_Once()
    {
        var request = await _s.AskAndDeliverAsync();

        var told = await _s.ClickAndReadReplyAsync(Giver, FeedbackMessages.NotNow, request);
        Assert.Contains("bring this back", told);
        await _s.AdvanceAndTickAsync(TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1));
        Assert.Single(_s.DmsTo(Giver));

        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, _s.DmsTo(Giver).Count);
        Assert.Contains("Back as you asked", _s.DmsTo(Giver)[1].Visible);
        Assert.True(HasButton(_s.DmsTo(Giver)[1], FeedbackMessages.Give));

        // The snooze also stood in for the 3-working-day reminder: nothing more until the expiry.
        for (var day = 0; day < 10; day++) await _s.AdvanceAndTickAsync(TimeSpan.FromDays(1));
        Assert.Equal(2, _s.DmsTo(Giver).Count);
    }

    [Fact]
    public async Task Unanswered_GetsOneReminderAfterThreeWorkingDays_ThenExpiresAt14Days_AndTheAskerIsTold()
    {
        // Asked on Thursday 09:00: three working days later is Tuesday 09:00.
        _s.App.Time.Advance(TimeSpan.FromDays(3));
        var request = await _s.AskAndDeliverAsync("My first code review");

        await _s.AdvanceAndTickAsync(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1)); // Monday 08:59 … Tuesday 08:59
        Assert.Single(_s.DmsTo(Giver));
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _s.DmsTo(Giver).Count);
        Assert.Contains("gentle reminder", _s.DmsTo(Giver)[1].Visible);

        for (var day = 0; day < 8; day++) await _s.AdvanceAndTickAsync(TimeSpan.FromDays(1));
        Assert.Equal(2, _s.DmsTo(Giver).Count); // no further nagging
        Assert.Empty(_s.DmsTo(Asker));
        Assert.True(_s.Store.Get(request.Id)!.IsPending);

        await _s.AdvanceAndTickAsync(TimeSpan.FromDays(1)); // 14 days after asking
        Assert.Equal(FeedbackStatus.Expired, _s.Store.Get(request.Id)!.Status);
        var told = Assert.Single(_s.DmsTo(Asker));
        Assert.Contains("14 days", Shown(told));
        Assert.Contains("My first code review", Shown(told));

        await _s.AdvanceAndTickAsync(TimeSpan.FromDays(7));
        Assert.Single(_s.DmsTo(Asker));
        Assert.Equal(2, _s.DmsTo(Giver).Count);
        Assert.Contains("expired", await _s.ClickAndReadReplyAsync(Giver, FeedbackMessages.Give, request));
    }

    [Fact]
    public async Task AnAskToThreePeople_ThatExpiresUnanswered_IsOneDmToTheAsker_NamingThoseWhoDidNotAnswer()
    {
        Assert.Contains("I've asked", await _s.AskAndReadAsync($"<@{Giver}|g> <@{Peer}|p> <@{Mentor}|m> How did my demo land?"));
        await _s.WaitUntilAsync(() => _s.Store.AskedBy(Asker).Count == 3 && _s.Store.AskedBy(Asker).All(r => r.GiverChannel is not null));
        var answered = _s.Store.AskedBy(Asker).Single(r => r.GiverId == Peer);
        await _s.SubmitAnswerAsync(Peer, answered, "Clear story");
        await _s.WaitUntilAsync(() => _s.DmsTo(Asker).Count == 1); // the answer

        for (var day = 0; day < 15; day++) await _s.AdvanceAndTickAsync(TimeSpan.FromDays(1));

        var expiredDms = _s.DmsTo(Asker).Where(c => Shown(c).Contains("14 days")).ToList();
        var told = Assert.Single(expiredDms);
        Assert.Contains($"<@{Giver}> and <@{Mentor}>", Shown(told));
        Assert.DoesNotContain($"<@{Peer}>", Shown(told)); // who answered is not listed
        Assert.All(_s.Store.AskedBy(Asker).Where(r => r.GiverId != Peer), r => Assert.Equal(FeedbackStatus.Expired, r.Status));
    }

    [Fact]
    public async Task Reminder_FollowsTheByDate_AtTheStartOfTheGiversWorkingDay()
    {
        _s.Slack.AddUser(Giver, "Gio", tz: "Europe/Amsterdam");
        await _s.App.InteractAsync(AskForm(Giver, "The roadmap draft", by: "2026-03-04"));
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Giver));

        // Wednesday 4 March, 09:00 in Amsterdam is 08:00 UTC; it is Monday 09:00 UTC now.
        await _s.AdvanceAndTickAsync(TimeSpan.FromHours(47) - TimeSpan.FromMinutes(1));
        Assert.Single(_s.DmsTo(Giver));
        await _s.AdvanceAndTickAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, _s.DmsTo(Giver).Count);
        Assert.Contains("reminder", _s.DmsTo(Giver)[1].Visible);
    }

    [Fact]
    public async Task List_ShowsWhatIAskedWithStatus_AndWhatIsWaitingForMe_WithMenus()
    {
        var answered = await _s.AskAndDeliverAsync("Answered topic");
        await _s.SubmitAnswerAsync(Giver, answered, "Nice");
        var declined = await _s.AskAndDeliverAsync("Declined topic", giver: Peer);
        await _s.ClickAndReadReplyAsync(Peer, FeedbackMessages.Decline, declined);
        await _s.AskAndDeliverAsync("Pending topic");
        await _s.AskAndDeliverAsync("Please review me", giver: Asker, asker: Peer);

        var list = await _s.AskAsync("list");

        Assert.Equal("ephemeral", list.ResponseType);
        Assert.Contains("Answered topic", list.AllText);
        Assert.Contains("answered", list.AllText);
        Assert.Contains("declined", list.AllText);
        Assert.Contains("pending since", list.AllText);
        Assert.Contains("Please review me", list.AllText);
        Assert.Empty(Buttons(list.Blocks)); // a list of menus, not a wall of buttons
        var menus = list.Blocks.ToJsonString();
        Assert.Contains($"\"{FeedbackMessages.Menu}\"", menus);
        Assert.Contains($"{FeedbackMessages.Give}|", menus);
        Assert.Contains($"\"{FeedbackMessages.Read}\"", menus);
        Assert.DoesNotContain("Nice", list.AllText); // the list shows topics, not the feedback itself

        // The menus do what the buttons did: Read opens the answer, Give opens the form.
        await _s.App.InteractAsync(Interactions.Choose(Asker, FeedbackMessages.Read, answered.Id.ToString()));
        Assert.Equal("feedback.read", (await _s.Slack.WaitForCallAsync("views.open")).Args["view"]!["callback_id"]!.ToString());
        var waiting = _s.Store.WaitingFor(Asker).Single();
        await _s.App.InteractAsync(Interactions.Choose(Asker, FeedbackMessages.Menu, $"{FeedbackMessages.Give}|{waiting.Id}"));
        await _s.Slack.WaitForCallsAsync("views.open", 2);

        var empty = await _s.AskAsync("list", Outsider);
        Assert.Contains("No feedback requests yet", empty.Text);
    }

    [Fact]
    public async Task Share_SendsTheFeedbackToMyMentor_Once()
    {
        _s.MakePair(Mentor, Asker);
        var request = await _s.AskAndDeliverAsync("Sprint demo");
        await _s.SubmitAnswerAsync(Giver, request, "SECRET-went-well");
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));

        Assert.Contains("Shared with", await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Share, request));
        var shared = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor));
        Assert.Contains("SECRET-went-well", Shown(shared));

        Assert.Contains("Already shared", await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Share, request));
        Assert.Single(_s.DmsTo(Mentor));
        var mentorList = await _s.App.CommandAsync("/mentor", "feedback", Mentor);
        Assert.Contains("Sprint demo", mentorList.AllText);
    }

    [Fact]
    public async Task Share_WithoutAMentor_SaysSoKindly()
    {
        var request = await _s.AskAndDeliverAsync();
        await _s.SubmitAnswerAsync(Giver, request, "Fine");

        Assert.Contains("don't have a mentor", await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Share, request));
    }

    [Fact]
    public async Task AskForm_OpensWithoutText_AndItsSubmissionAsksEveryone()
    {
        var reply = await _s.AskAsync("");
        Assert.Null(reply.Body);
        var open = await _s.Slack.WaitForCallAsync("views.open");
        Assert.Equal(AskFeedbackModal.CallbackId, open.Args["view"]!["callback_id"]!.ToString());

        var ack = await BodyAsync(await _s.App.InteractAsync(AskForm(Giver, "Workshop facilitation", context: "Link: https://example.com/notes", extra: Peer)));
        Assert.Null(ack);
        var dm = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Peer));
        Assert.Contains("https://example.com/notes", Shown(dm));
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Giver));
        var confirmation = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        Assert.Contains("I've asked", Shown(confirmation));
    }

    [Theory]
    [InlineData("self", "people", "yourself")]
    [InlineData("bot", "people", "bot")]
    [InlineData("gone", "people", "deactivated")]
    [InlineData("nobody", "people", "at least one")]
    [InlineData("no topic", "topic", "few words")]
    [InlineData("long topic", "topic", "under 300")]
    [InlineData("past date", "by", "passed")]
    public async Task AskForm_RefusesBadInput_WithAnErrorAtTheField(string problem, string block, string message)
    {
        var payload = problem switch
        {
            "self" => AskForm(Asker, "x"),
            "bot" => AskForm("UBOTFRIEND", "x"),
            "gone" => AskForm("UGONE", "x"),
            "nobody" => AskForm(null, "x"),
            "no topic" => AskForm(Giver, "   "),
            "long topic" => AskForm(Giver, new string('t', 301)),
            _ => AskForm(Giver, "x", by: "2026-03-01"),
        };

        // The form decides from what MentorBot knows (its ack never waits on Slack): these people were looked up before.
        foreach (var known in new[] { "UBOTFRIEND", "UGONE" }) await _s.App.Get<MentorBot.People.UserDirectory>().GetAsync(known, default);
        var body = await BodyAsync(await _s.App.InteractAsync(payload));

        Assert.Equal("errors", body!["response_action"]!.ToString());
        Assert.Contains(message, body["errors"]![block]!.ToString());
        Assert.Empty(_s.Store.AskedBy(Asker));
        Assert.Empty(_s.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task PermanentlyUnreachableGiver_ComesBackToTheAsker()
    {
        _s.Slack.FailNext("chat.postMessage", "account_inactive");
        Assert.Contains("I\'ve asked", await _s.AskAndReadAsync($"<@{Giver}|gio> My slides"));

        var told = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        Assert.Contains("couldn't reach", Shown(told));
        Assert.Equal(FeedbackStatus.Undeliverable, _s.Store.AskedBy(Asker).Single().Status);
    }

    internal static JsonObject AskForm(string? person, string topic, string? by = null, string? context = null, string? extra = null)
    {
        var people = new[] { person, extra }.OfType<string>().ToArray();
        var values = new Dictionary<string, JsonObject>
        {
            [AskFeedbackModal.PeopleBlock] = Interactions.UsersValue("value", people),
            [AskFeedbackModal.TopicBlock] = Interactions.TextValue(topic),
            [AskFeedbackModal.ContextBlock] = Interactions.TextValue(context),
            [AskFeedbackModal.ByBlock] = Interactions.DateValue(by),
        };
        return Interactions.Submit(Asker, AskFeedbackModal.CallbackId, values);
    }
}
