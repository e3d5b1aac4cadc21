using MentorBot.Features.Feedback;
using static MentorBot.Tests.Features.Feedback.FeedbackScenario;

namespace MentorBot.Tests.Features.Feedback;

/// <summary>Feedback text reaches the asker and (when shared) their mentor — never a third person, nor the logs.</summary>
[Trait(Tier.Name, Tier.Host)]
public class FeedbackPrivacyTests : IAsyncLifetime
{
    private const string Secret = "SECRET-sentence-only-for-ana";
    private FeedbackScenario _s = null!;

    public async Task InitializeAsync() => _s = await FeedbackScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Theory]
    [InlineData(FeedbackMessages.Give, "isn't addressed to you")]
    [InlineData(FeedbackMessages.NotNow, "isn't addressed to you")]
    [InlineData(FeedbackMessages.Decline, "isn't addressed to you")]
    [InlineData(FeedbackMessages.Thank, "isn't addressed to you")]
    [InlineData(FeedbackMessages.Share, "isn't addressed to you")]
    [InlineData(FeedbackMessages.Read, "Only the person who asked")]
    public async Task AThirdPerson_IsRefusedEveryButton_AndSeesNoContent(string action, string refusal)
    {
        var request = await AnsweredRequestAsync();

        var told = await _s.ClickAndReadReplyAsync(Outsider, action, request);

        Assert.Contains(refusal, told);
        Assert.DoesNotContain(Secret, told);
        Assert.DoesNotContain("Sprint demo", told);
        Assert.Empty(_s.DmsTo(Outsider));
        Assert.Empty(_s.Slack.Calls("views.open"));
        var after = _s.Store.Get(request.Id)!;
        Assert.Equal(FeedbackStatus.Answered, after.Status);
        Assert.Null(after.ThankedAt);
        Assert.Empty(after.SharedWith);
    }

    [Fact]
    public async Task AThirdPerson_CannotAnswerOrDeclineAPendingRequest()
    {
        var request = await _s.AskAndDeliverAsync("Sprint demo");

        Assert.Contains("isn't addressed to you", await _s.ClickAndReadReplyAsync(Outsider, FeedbackMessages.Decline, request));
        var submitted = await BodyAsync(await _s.SubmitAnswerAsync(Outsider, request, "Forged answer"));

        Assert.Equal("errors", submitted!["response_action"]!.ToString());
        Assert.True(_s.Store.Get(request.Id)!.IsPending);
        Assert.DoesNotContain(_s.Slack.Calls(), c => Shown(c).Contains("Forged answer"));
        Assert.Empty(_s.DmsTo(Asker));
    }

    [Fact]
    public async Task TheTextReachesOnlyTheAskerAndTheMentorTheyShareWith_AndNeverTheLog()
    {
        _s.MakePair(Mentor, Asker);
        _s.MakePair(Mentor, Outsider);
        var request = await AnsweredRequestAsync();
        await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Share, request);
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor));
        await _s.App.InteractAsync(Interactions.ButtonClick(Asker, FeedbackMessages.Read, request.Id.ToString()));
        await _s.Slack.WaitForCallAsync("views.open");

        // The outsider has every other surface: the list, the mentor listing, the App Home section.
        var list = await _s.AskAsync("list", Outsider);
        var mentorList = await _s.App.CommandAsync("/mentor", "feedback", Outsider);
        var home = await _s.App.Get<IEnumerable<MentorBot.Features.Home.IAppHomeSection>>().OfType<FeedbackHomeSection>().Single()
            .BlocksForAsync(Outsider, _s.App.Time.GetUtcNow(), CancellationToken.None);
        Assert.DoesNotContain(Secret, list.AllText + mentorList.AllText + string.Join("", home.Select(b => b.ToJsonString())));
        Assert.DoesNotContain("Sprint demo", list.AllText + mentorList.AllText + string.Join("", home.Select(b => b.ToJsonString())));

        var carrying = _s.Slack.Calls().Where(c => Shown(c).Contains(Secret)).ToList();
        Assert.NotEmpty(carrying);
        Assert.All(carrying, c => Assert.True(
            c.Method == "chat.postMessage" && (c.Arg("channel") == FakeSlackApi.DmOf(Asker) || c.Arg("channel") == FakeSlackApi.DmOf(Mentor))
            || c.Method == "views.open" && c.Args["view"]!["callback_id"]!.ToString() == "feedback.read",
            $"{c.Method} to {c.Arg("channel")} carried the feedback"));
        Assert.DoesNotContain(Secret, _s.App.Logs.AllText);
    }

    [Fact]
    public async Task AMentorCanReadOnlyWhatWasSharedWithThem()
    {
        _s.MakePair(Mentor, Asker);
        var request = await AnsweredRequestAsync();

        Assert.Contains("Only the person who asked", await _s.ClickAndReadReplyAsync(Mentor, FeedbackMessages.Read, request));

        await _s.ClickAndReadReplyAsync(Asker, FeedbackMessages.Share, request);
        await _s.App.InteractAsync(Interactions.ButtonClick(Mentor, FeedbackMessages.Read, request.Id.ToString(), triggerId: "mentor-read"));
        var open = await _s.Slack.WaitForCallAsync("views.open", c => c.Arg("trigger_id") == "mentor-read");
        Assert.Contains(Secret, Shown(open));
    }

    [Fact]
    public async Task MentorFeedback_IsOnlyForOwnMentees()
    {
        _s.MakePair(Mentor, Asker);

        var notMine = await _s.App.CommandAsync("/mentor", $"feedback <@{Outsider}|otto>", Mentor);
        Assert.Contains("only to your own mentees", notMine.Text);
        var reverse = await _s.App.CommandAsync("/mentor", $"feedback <@{Mentor}|mo>", Asker);
        Assert.Contains("only to your own mentees", reverse.Text);
        Assert.Empty(_s.Slack.Calls("views.open"));

        // A forged submission for someone else's mentee is refused at the form too.
        var forged = await BodyAsync(await _s.App.InteractAsync(Interactions.Submit(Outsider, GiveFeedbackModal.CallbackId,
            new Dictionary<string, System.Text.Json.Nodes.JsonObject>
            {
                [GiveFeedbackModal.TopicBlock] = Interactions.TextValue("x"),
                [GiveFeedbackModal.WentWellBlock] = Interactions.TextValue("Forged"),
            }, "m:" + Asker)));
        Assert.Equal("errors", forged!["response_action"]!.ToString());
        Assert.Empty(_s.DmsTo(Asker));
    }

    private async Task<FeedbackRequest> AnsweredRequestAsync()
    {
        var request = await _s.AskAndDeliverAsync("Sprint demo");
        await _s.SubmitAnswerAsync(Giver, request, Secret, "Could be better: " + Secret);
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Asker));
        return _s.Store.Get(request.Id)!;
    }
}
