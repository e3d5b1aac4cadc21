using MentorBot.Features.Feedback;
using static MentorBot.Tests.Features.Feedback.FeedbackScenario;

namespace MentorBot.Tests.Features.Feedback;

/// <summary>Every bad /askfeedback gets a clear, friendly, private answer, and nobody is DMed.</summary>
[Trait(Tier.Name, Tier.Host)]
public class AskFeedbackRefusalTests : IAsyncLifetime
{
    private FeedbackScenario _s = null!;

    public async Task InitializeAsync() => _s = await FeedbackScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Theory]
    [InlineData("How did my demo go?", "Who should I ask?")]
    [InlineData("<@UASKER|ana> How did my demo go?", "can't ask yourself")]
    [InlineData("<@UBOTFRIEND|bot> How did my demo go?", "is a bot")]
    [InlineData("<@UBOT|mentorbot> How did my demo go?", "can't give feedback")]
    [InlineData("<@UGONE|gone> How did my demo go?", "deactivated")]
    [InlineData("@gio How did my demo go?", "couldn't find @gio")]
    [InlineData("<@U1|a> <@U2|b> <@U3|c> <@U4|d> <@U5|e> <@U6|f> Topic", "up to 5")]
    [InlineData("<@UGIVER|gio> <@UGONE|gone> Topic", "Nothing was sent")]
    public async Task BadAsk_IsRefusedPrivately_AndNothingIsSent(string text, string expected)
    {
        Assert.Contains(expected, await AnswerToAsync(text));
        Assert.Empty(_s.Store.AskedBy(Asker));
        Assert.Empty(_s.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task UnknownUser_IsRefused()
    {
        _s.Slack.Respond("users.info", _ => new { ok = false, error = "user_not_found" });

        Assert.Contains("can't find", await AnswerToAsync("<@UNOSUCH|who> Topic"));
        Assert.Empty(_s.Store.AskedBy(Asker));
    }

    [Fact]
    public async Task SomeoneAlreadyLookedUp_IsRefusedInTheAckItself()
    {
        await _s.App.Get<MentorBot.People.UserDirectory>().GetAsync("UGONE", default);

        var reply = await _s.AskAsync("<@UGONE|gone> How did my demo go?");

        Assert.Contains("deactivated", reply.Text);
        Assert.DoesNotContain(_s.Slack.Calls("response_url"), c => c.Visible.Contains("deactivated"));
    }

    private Task<string> AnswerToAsync(string text) => _s.AskAndReadAsync(text);

    [Fact]
    public async Task TooLongTopic_IsRefused_WithAPointerToTheForm()
    {
        var reply = await _s.AskAsync($"<@{Giver}|gio> " + new string('x', 301));

        Assert.Contains("under 300", reply.Text);
        Assert.Contains("/askfeedback", reply.Text);
        Assert.Empty(_s.Store.AskedBy(Asker));
    }

    [Fact]
    public async Task EmptyTopic_OpensTheFormWithThePeopleFilledIn()
    {
        var reply = await _s.AskAsync($"<@{Giver}|gio> <@{Peer}|pia>");

        Assert.Contains("What would you like feedback on?", reply.Text);
        var open = await _s.Slack.WaitForCallAsync("views.open");
        var people = open.Args["view"]!["blocks"]!.AsArray().First(b => b!["block_id"]?.ToString() == AskFeedbackModal.PeopleBlock)!;
        Assert.Equal([Giver, Peer], people["element"]!["initial_users"]!.AsArray().Select(u => u!.ToString()));
        Assert.Empty(_s.Store.AskedBy(Asker));
    }

    [Fact]
    public async Task Help_ExplainsTheCommand()
    {
        var reply = await _s.AskAsync("help");
        Assert.Contains("/askfeedback list", reply.Text);
        Assert.Contains("up to 5", reply.Text);
    }

    [Fact]
    public async Task RepeatedMentionsCountOnce_AndMentionsInTheTopicStayText()
    {
        Assert.Contains("I\'ve asked", await _s.AskAndReadAsync($"<@{Giver}|gio> <@{Giver}|gio> How did my pairing with <@{Peer}|pia> go? <!channel>"));
        var request = Assert.Single(_s.Store.AskedBy(Asker));
        Assert.Equal(Giver, request.GiverId);
        var dm = await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Giver));
        var shown = Shown(dm);
        Assert.Contains("How did my pairing with @pia go? &lt;!channel&gt;", shown);
        Assert.DoesNotContain("<!channel>", shown);
        Assert.DoesNotContain($"<@{Peer}", shown);
    }

    [Fact]
    public async Task SlackDownDuringTheCheck_StillAsks_AndTheRequestIsDeliveredLater()
    {
        _s.Slack.ServerErrorNext("users.info", times: 3);

        Assert.Contains("I\'ve asked", await _s.AskAndReadAsync($"<@{Giver}|gio> My retro notes"));
        await _s.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Giver));
    }
}
