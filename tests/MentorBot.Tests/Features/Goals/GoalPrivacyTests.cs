using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using static MentorBot.Tests.Features.Goals.GoalTestData;

namespace MentorBot.Tests.Features.Goals;

/// <summary>A mentor sees what a mentee shares; nobody else sees any goal text, in replies, DMs or the App Home.</summary>
[Trait(Tier.Name, Tier.Host)]
public class GoalPrivacyTests : IAsyncLifetime
{
    private const string Shared = "Shared goal about public speaking";
    private const string Private = "Private goal about my salary";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartFreshAsync();
        await _app.CommandAsync("/goal", "add " + Shared, Mentee);
        await _app.CommandAsync("/goal", "add " + Private, Mentee);
        _app.Get<GoalStore>().Change(Mentee, 2, g => g with { Visibility = GoalVisibility.OnlyMe });
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Mentor_SeesSharedGoals_ButNeverOnlyMeGoals()
    {
        Pair(_app);
        var reply = await _app.CommandAsync("/goal", $"list <@{Mentee}|mentee>", Mentor);

        Assert.Contains(Shared, Shown(reply));
        Assert.DoesNotContain(Private, Shown(reply));
        Assert.DoesNotContain(GoalActions.Done, Shown(reply)); // read-only for the mentor
        Assert.Empty(BlockKitChecker.Check("response_url", reply.Body!));
    }

    [Fact]
    public async Task Stranger_GetsAPoliteRefusal_AndNoGoalText()
    {
        Pair(_app);
        var reply = await _app.CommandAsync("/goal", $"list <@{Mentee}>", Stranger);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("you can only see goals your mentees share with you", Shown(reply), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Shared, Shown(reply));
        Assert.DoesNotContain(Private, Shown(reply));
    }

    [Theory]
    [InlineData(PairStatus.Ended, PairType.Mentoring)]
    [InlineData(PairStatus.Active, PairType.Reverse)]
    public async Task TheMenteeOfAPair_OrAFormerMentor_CannotSeeTheOthersGoals(PairStatus status, PairType type)
    {
        // Ended pair: the former mentor is refused. Reverse pair: the mentee there is UMENTEE-as-mentor's junior, not their mentor.
        if (type == PairType.Reverse) Pair(_app, mentor: Mentee, mentee: Mentor, type: type, status: status);
        else Pair(_app, status: status);

        var reply = await _app.CommandAsync("/goal", $"list <@{Mentee}>", Mentor);

        Assert.Contains("only see goals your mentees share", Shown(reply));
        Assert.DoesNotContain(Shared, Shown(reply));
    }

    [Fact]
    public async Task MenteeOfTheViewer_WithNothingShared_SaysSo()
    {
        Pair(_app, mentee: "UOTHER");
        var reply = await _app.CommandAsync("/goal", "list <@UOTHER>", Mentor);
        Assert.Contains("hasn't shared any goals", reply.Text);
    }

    [Fact]
    public async Task ListingYourself_ShowsYourOwnGoals()
    {
        var reply = await _app.CommandAsync("/goal", $"list <@{Mentee}>", Mentee);
        Assert.Contains(Private, Shown(reply));
    }

    [Fact]
    public async Task UnresolvedAtName_GetsAHowTo()
    {
        var reply = await _app.CommandAsync("/goal", "list @alex", Mentor);
        Assert.Contains("pick the person", reply.Text);
    }

    [Fact]
    public async Task CompletingASharedGoal_SendsTheMentorOneDm_AndNobodyElseAnything()
    {
        Pair(_app);
        Pair(_app, mentor: "UOTHERMENTOR", mentee: Stranger); // someone else's pair: must hear nothing

        await _app.CommandAsync("/goal", "progress 1 50", Mentee);
        await _app.CommandAsync("/goal", "note 1 going well", Mentee);
        await _app.CommandAsync("/goal", "done 1", Mentee);
        await _app.CommandAsync("/goal", "done 1", Mentee); // already done: no second DM
        var dm = await _app.Slack.WaitForCallAsync("chat.postMessage");
        await _app.CommandAsync("/goal", "list", Mentee); // anything still queued would be before this answer's follow-ups

        Assert.Null(dm.Rejected);
        Assert.Equal(FakeSlackApi.DmOf(Mentor), dm.Arg("channel"));
        Assert.Contains(Shared, Shown(dm));
        Assert.Contains("completed a goal", Shown(dm));
        Assert.Single(_app.Slack.Calls("chat.postMessage"));
        Assert.DoesNotContain(Shared, AllSentTo(_app, Stranger));
        Assert.DoesNotContain(Shared, AllSentTo(_app, "UOTHERMENTOR"));
        Assert.DoesNotContain(Shared, _app.Logs.AllText); // goal text never reaches the logs
    }

    [Fact]
    public async Task CompletingAnOnlyMeGoal_TellsNobody()
    {
        Pair(_app);
        await _app.CommandAsync("/goal", "done 2", Mentee);
        // A later shared completion proves the follow-up queue ran past the private one.
        await _app.CommandAsync("/goal", "done 1", Mentee);
        await _app.Slack.WaitForCallAsync("chat.postMessage");

        var dms = _app.Slack.Calls("chat.postMessage");
        Assert.Single(dms);
        Assert.DoesNotContain(Private, string.Join("\n", _app.Slack.Calls().Select(Shown)));
    }

    [Fact]
    public async Task DoneButton_FromTheMenteesMessage_AlsoTellsTheMentor()
    {
        Pair(_app);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Done, "1", responseUrl: _app.Slack.ResponseUrl("done")));

        var dm = await _app.Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(FakeSlackApi.DmOf(Mentor), dm.Arg("channel"));
        var answer = await _app.Slack.WaitForCallAsync("response_url");
        Assert.Contains("Done", Shown(answer));
        Assert.Equal(GoalStatus.Done, GoalOf(_app, Mentee, 1).Status);
    }

    [Fact]
    public async Task AButtonValue_NeverReachesSomeoneElsesGoal()
    {
        // The stranger clicks "done 1" (as if they crafted the payload): it acts on their own goals, of which they have none.
        await _app.InteractAsync(Interactions.ButtonClick(Stranger, GoalActions.Done, "1", responseUrl: _app.Slack.ResponseUrl("x")));
        var answer = await _app.Slack.WaitForCallAsync("response_url");

        Assert.Contains("don't have any goals yet", Shown(answer));
        Assert.Equal(GoalStatus.Open, GoalOf(_app, Mentee, 1).Status);
        Assert.DoesNotContain(Shared, Shown(answer));
    }
}
