using MentorBot.Slack.Routing;
using MentorBot.Features.Goals;
using static MentorBot.Tests.Features.Goals.GoalTestData;

namespace MentorBot.Tests.Features.Goals;

[Trait(Tier.Name, Tier.Host)]
public class GoalCommandTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartFreshAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<CommandReply> Goal(string text, string user = Mentee) => _app.CommandAsync("/goal", text, user);

    [Fact]
    public async Task Add_SavesTheGoalBeforeAnswering_AndRepliesWithItsNumberAndButtons()
    {
        var reply = await Goal("add Learn to give a conference talk");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("#1", reply.Text);
        Assert.Contains("Learn to give a conference talk", reply.Text);
        var goal = Assert.Single(GoalsOf(_app, Mentee));
        Assert.Equal("Learn to give a conference talk", goal.Title);
        Assert.Equal(GoalVisibility.Mentors, goal.Visibility);
        var buttons = Shown(reply);
        Assert.Contains(GoalActions.Details, buttons);
        Assert.Contains(GoalActions.Progress, buttons);
        Assert.Contains(GoalActions.Done, buttons);
        Assert.True(reply.Elapsed < TimeSpan.FromSeconds(1), $"took {reply.Elapsed}");
        Assert.Empty(BlockKitChecker.Check("response_url", reply.Body!));
    }

    [Theory]
    [InlineData("👩🏽‍💻 learn Rust 🦀 — naïve café 目標 مرحبا")]
    [InlineData("  spaces   inside   kept  ")]
    [InlineData("A & B <c>")]
    public async Task Add_StoresTextExactlyAsTyped_OuterWhitespaceTrimmed(string title)
    {
        await Goal("add " + title);
        Assert.Equal(title.Trim(), Assert.Single(GoalsOf(_app, Mentee)).Title);
    }

    [Theory]
    [InlineData("<!channel> hi")]
    [InlineData("<@U123> look")]
    [InlineData("<!here|here> <#C1|general>")]
    public async Task Add_EscapesMentionSyntax_SoAGoalCanNeverPingAnyone(string title)
    {
        var reply = await Goal("add " + title);
        var list = await Goal("list");

        Assert.Equal(title, Assert.Single(GoalsOf(_app, Mentee)).Title);
        foreach (var shown in new[] { Shown(reply), Shown(list) })
        {
            Assert.DoesNotContain("<!channel>", shown);
            Assert.DoesNotContain("<!here", shown);
            Assert.DoesNotContain("<@U123>", shown);
            Assert.DoesNotContain("<#C1", shown);
            Assert.Contains("&lt;", shown);
        }
    }

    [Fact]
    public async Task Add_WithoutTitle_ExplainsHowToTypeIt_AndStoresNothing()
    {
        var reply = await Goal("add   ");
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("/goal add", reply.Text);
        Assert.Empty(GoalsOf(_app, Mentee));
    }

    [Fact]
    public async Task Add_TooLongTitle_SaysTheLimitAndTheLength_AndStoresNothing()
    {
        var reply = await Goal("add " + new string('x', 151));
        Assert.Contains("150", reply.Text);
        Assert.Contains("151", reply.Text);
        Assert.Empty(GoalsOf(_app, Mentee));
    }

    [Fact]
    public async Task Numbers_ArePerPersonAndStable_AfterDoneAndDrop()
    {
        await Goal("add one");
        await Goal("add two");
        await Goal("add three");
        await Goal("add someone else's", Stranger);
        await Goal("done 2");
        await Goal("drop 1");
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Drop, "1"));

        var fourth = await Goal("add four");
        Assert.Contains("#4", fourth.Text);
        var list = await Goal("list");
        Assert.Contains("*#3* three", Shown(list));
        Assert.Contains("*#2* two", Shown(list));
        Assert.DoesNotContain("*#1*", Shown(list));
        Assert.Equal(1, GoalOf(_app, Stranger, 1).Number);
    }

    [Fact]
    public async Task ParallelAdds_EachGetTheirOwnNumber_AndNoneIsLost()
    {
        var replies = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Goal($"add parallel {i}")));

        Assert.All(replies, r => Assert.Equal("ephemeral", r.ResponseType));
        var goals = GoalsOf(_app, Mentee);
        Assert.Equal(Enumerable.Range(1, 20), goals.Select(g => g.Number).Order());
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"parallel {i}").Order(), goals.Select(g => g.Title).Order());
    }

    [Fact]
    public async Task List_ShowsOpenFirstThenDone_WithProgressTargetAndLastUpdate()
    {
        await Goal("add first");
        await Goal("add second");
        await Goal("progress 2 40 outline drafted");
        await Goal("done 1");

        var reply = await Goal("list");

        var text = Shown(reply);
        Assert.True(text.IndexOf("second", StringComparison.Ordinal) < text.IndexOf("first", StringComparison.Ordinal), "open goals come first");
        Assert.Contains("40%", text);
        Assert.Contains("done", text);
        Assert.Contains("updated", text);
        Assert.Contains("1 open, 1 done", text);
        Assert.Empty(BlockKitChecker.Check("response_url", reply.Body!));
    }

    [Fact]
    public async Task List_WhenEmpty_SaysHowToStart()
    {
        var reply = await Goal("list");
        Assert.Contains("/goal add", reply.Text);
    }

    [Fact]
    public async Task List_OfManyGoals_IsPaginated_WithinSlackLimits()
    {
        for (var i = 1; i <= 40; i++) await Goal($"add goal number {i} " + new string('é', 130));

        var first = await Goal("list");
        var third = await Goal("list page 3");

        Assert.Empty(BlockKitChecker.Check("response_url", first.Body!));
        Assert.True(first.Blocks.Count <= 50);
        Assert.Contains("Page 1 of 3", Shown(first));
        Assert.Contains(GoalActions.Page, Shown(first));
        Assert.Contains("Page 3 of 3", Shown(third));
        Assert.Contains("goal number 40", Shown(third));
        Assert.DoesNotContain("goal number 40 ", Shown(first));
    }

    [Fact]
    public async Task Progress_SetsPercentAndKeepsTheNoteInHistory()
    {
        await Goal("add Speak at a meetup");
        var reply = await Goal("progress 1 40%   drafted the   outline ");

        Assert.Contains("40%", Shown(reply));
        var goal = GoalOf(_app, Mentee, 1);
        Assert.Equal(40, goal.Progress);
        var note = Assert.Single(goal.History);
        Assert.Equal(40, note.Progress);
        Assert.Equal("drafted the   outline", note.Text);
        Assert.Equal(_app.Time.GetUtcNow(), note.At);
    }

    [Theory]
    [InlineData("progress 1 140", "0 to 100")]
    [InlineData("progress 1 -5", "0 to 100")]
    [InlineData("progress 1 lots", "isn't a percentage")]
    [InlineData("progress 1", "0–100")]
    [InlineData("progress", "0–100")]
    public async Task Progress_BadPercent_GetsASpecificAnswer_AndChangesNothing(string text, string expected)
    {
        await Goal("add Speak at a meetup");
        var reply = await Goal(text);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(expected, reply.Text);
        Assert.Equal(0, GoalOf(_app, Mentee, 1).Progress);
        Assert.Empty(GoalOf(_app, Mentee, 1).History);
    }

    [Theory]
    [InlineData("done 7")]
    [InlineData("progress 7 10")]
    [InlineData("note 7 hi")]
    [InlineData("edit 7 new")]
    [InlineData("drop 7")]
    [InlineData("show #7")]
    public async Task UnknownGoalNumber_SaysHowManyGoalsThereAre(string text)
    {
        await Goal("add one");
        await Goal("add two");
        await Goal("add three");

        var reply = await Goal(text);

        Assert.Contains("You have 3 goals; #7 doesn't exist", reply.Text);
    }

    [Fact]
    public async Task UnknownGoalNumber_WithNoGoalsAtAll_SaysHowToAddOne()
    {
        var reply = await Goal("done 1");
        Assert.Contains("don't have any goals yet", reply.Text);
        Assert.Contains("/goal add", reply.Text);
    }

    [Theory]
    [InlineData("done <@U123|alex>")]
    [InlineData("progress @alex 40")]
    public async Task AMentionWhereANumberBelongs_IsPointedOut(string text)
    {
        await Goal("add one");
        var reply = await Goal(text);
        Assert.Contains("looks like a person, not a goal number", reply.Text);
    }

    [Fact]
    public async Task NotANumber_IsPointedOut()
    {
        await Goal("add one");
        var reply = await Goal("done first");
        Assert.Contains("`first` isn't a goal number", reply.Text);
    }

    [Fact]
    public async Task Done_MarksTheGoalDone_AndSecondTimeSaysSoKindly()
    {
        await Goal("add one");
        var reply = await Goal("done #1");
        Assert.Contains("Done", reply.Text);
        var goal = GoalOf(_app, Mentee, 1);
        Assert.Equal(GoalStatus.Done, goal.Status);
        Assert.Equal(100, goal.Progress);
        Assert.NotNull(goal.CompletedAt);

        var again = await Goal("done 1");
        Assert.Contains("already done", again.Text);
        var progress = await Goal("progress 1 50");
        Assert.Contains("already done", progress.Text);
        Assert.Equal(100, GoalOf(_app, Mentee, 1).Progress);
    }

    [Fact]
    public async Task Note_AddsToHistory_WithoutChangingProgress()
    {
        await Goal("add one");
        await Goal("progress 1 30");
        _app.Time.Advance(TimeSpan.FromDays(2));
        await Goal("note 1 talked it through with my mentor 🙂");

        var goal = GoalOf(_app, Mentee, 1);
        Assert.Equal(30, goal.Progress);
        Assert.Equal("talked it through with my mentor 🙂", Assert.Single(goal.History, h => h.Progress is null).Text);
        Assert.Equal(_app.Time.GetUtcNow(), goal.UpdatedAt);

        var missing = await Goal("note 1");
        Assert.Contains("What's the note?", missing.Text);
    }

    [Fact]
    public async Task Edit_RenamesTheGoal_AndRefusesBadTitles()
    {
        await Goal("add one");
        await Goal("edit 1 Give a talk at the spring meetup");
        Assert.Equal("Give a talk at the spring meetup", GoalOf(_app, Mentee, 1).Title);

        Assert.Contains("new title", (await Goal("edit 1")).Text);
        Assert.Contains("150", (await Goal("edit 1 " + new string('y', 200))).Text);
        Assert.Equal("Give a talk at the spring meetup", GoalOf(_app, Mentee, 1).Title);
    }

    [Fact]
    public async Task Drop_AsksToConfirm_ThenTheButtonDropsIt_KeepingHistory()
    {
        await Goal("add one");
        await Goal("progress 1 20 started");

        var ask = await Goal("drop 1");
        Assert.Contains(GoalActions.Drop, Shown(ask));
        Assert.Contains("Drop this goal?", Shown(ask));
        Assert.Equal(GoalStatus.Open, GoalOf(_app, Mentee, 1).Status);

        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Drop, "1", responseUrl: _app.Slack.ResponseUrl("drop")));
        var answer = await _app.Slack.WaitForCallAsync("response_url");

        Assert.Contains("Dropped goal #1", Shown(answer));
        var goal = GoalOf(_app, Mentee, 1);
        Assert.Equal(GoalStatus.Dropped, goal.Status);
        Assert.Contains(goal.History, h => h.Text == "started");
        Assert.Contains("no goals yet", (await Goal("list")).Text);
        Assert.Contains("was dropped", (await Goal("done 1")).Text);
    }

    [Fact]
    public async Task Show_GivesOneGoalWithItsHistory()
    {
        await Goal("add one");
        await Goal("progress 1 20 started <!channel>");
        var reply = await Goal("show 1");
        Assert.Contains("History", Shown(reply));
        Assert.Contains("started &lt;!channel&gt;", Shown(reply));
        Assert.Empty(BlockKitChecker.Check("response_url", reply.Body!));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("HELP")]
    [InlineData("?")]
    public async Task Help_ListsTheSubcommandsWithExamples(string text)
    {
        var reply = await Goal(text);
        Assert.Equal("ephemeral", reply.ResponseType);
        foreach (var example in new[] { "/goal add", "/goal list", "/goal done 2", "/goal progress 2 40", "/goal drop 2", "/goal note", "/goal edit" })
            Assert.Contains(example, Shown(reply));
    }

    [Fact]
    public async Task UnknownSubcommand_GetsShortHelp_AndASuggestion()
    {
        var reply = await Goal("Learn Rust <!channel>");
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("I don't know `/goal Learn`", reply.Text);
        Assert.Contains("/goal add Learn Rust &lt;!channel&gt;", reply.Text);
        Assert.Contains("/goal list", Shown(reply));
        Assert.Empty(GoalsOf(_app, Mentee));
    }

    [Theory]
    [InlineData("3", "/goal show 3")]
    [InlineData("#3", "/goal show 3")]
    [InlineData("<@U123|alex>", "/goal list @person")]
    public async Task UnknownSubcommand_ThatLooksLikeANumberOrAPerson_PointsToTheRightCommand(string text, string expected)
    {
        var reply = await Goal(text);
        Assert.Contains(expected, reply.Text);
        Assert.DoesNotContain("<@U123", Shown(reply));
    }

    [Fact]
    public async Task NoText_OpensTheNewGoalForm_AndAnswersEmpty()
    {
        var reply = await Goal("");
        Assert.Null(reply.Body);
        var open = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Null(open.Rejected);
        Assert.Equal("trigger-1", open.Arg("trigger_id"));
        Assert.Equal(GoalModal.CreateId, open.Args["view"]!["callback_id"]!.ToString());
        Assert.Contains("New goal", Shown(open));
    }

    [Fact]
    public async Task NoText_WhenTheFormCannotOpen_SaysSoAndOffersTheTypedCommand()
    {
        _app.Slack.FailNext("views.open", "expired_trigger_id");
        var reply = await Goal("");
        Assert.Contains("/goal add", reply.Text);
    }

    [Fact]
    public async Task NoText_WhenSlackIsSlowToOpenTheForm_StillAnswersWithinThreeSeconds()
    {
        _app.Slack.Delay("views.open", TimeSpan.FromSeconds(4));
        var reply = await Goal("");
        Assert.True(reply.Elapsed < TimeSpan.FromSeconds(3), $"took {reply.Elapsed}");
        Assert.Null(reply.Body);
        Assert.Single(_app.Slack.Calls("views.open"));
    }

    [Fact]
    public async Task FormButton_WhenTheFormCannotOpen_TellsThePersonInPlace()
    {
        await Goal("add one");
        _app.Slack.FailNext("views.open", "invalid_arguments");
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Progress, "1", responseUrl: _app.Slack.ResponseUrl("btn")));
        var answer = await _app.Slack.WaitForCallAsync("response_url");
        Assert.Contains("couldn't open the form", Shown(answer));
        Assert.Equal("false", answer.Arg("replace_original")); // next to the goal, never instead of it
    }

    [Fact]
    public async Task FormButton_WhenTheTriggerExpired_SaysToTryAgain_AndLogsWhy()
    {
        await Goal("add one");
        _app.Slack.FailNext("views.open", "expired_trigger_id");
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Progress, "1", responseUrl: _app.Slack.ResponseUrl("btn")));
        var answer = await _app.Slack.WaitForCallAsync("response_url");
        Assert.Contains(SlackReplies.ExpiredTrigger, Shown(answer));
        Assert.Contains(_app.Logs.Lines, l => l.Message.Contains("the trigger expired before views.open"));
    }

    [Fact]
    public async Task Goals_SurviveARestartOnTheSameDatabase()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestApp.DefaultStart);
        var title = "👩🏽‍💻 survive a restart — naïve";
        await using (var first = await TestApp.StartAsync(slack, db, time))
        {
            await first.CommandAsync("/goal", "add " + title, Mentee);
            await first.CommandAsync("/goal", "progress 1 60 half way", Mentee);
        }

        await using var restarted = await TestApp.StartAsync(slack, db, time);
        var reply = await restarted.CommandAsync("/goal", "list", Mentee);
        Assert.Contains(title, Shown(reply));
        Assert.Contains("60%", Shown(reply));
        var goal = restarted.Get<GoalStore>().Get(Mentee, 1)!;
        Assert.Equal("half way", Assert.Single(goal.History).Text);
        Assert.Equal(time.GetUtcNow(), goal.CreatedAt);
        Assert.Contains("#2", (await restarted.CommandAsync("/goal", "add next", Mentee)).Text);
    }

    [Fact]
    public async Task MarkDone_AsksFirst_AndIsGreenOnlyAt100Percent()
    {
        var reply = await Goal("add Learn to give a conference talk");
        var done = Buttons.In(reply.Body!["blocks"]).Single(b => b["action_id"]?.ToString() == GoalActions.Done);
        Assert.Null(done["style"]); // at 0 %: not the obvious next step
        Assert.Contains("is at 0 %", done["confirm"]!.ToJsonString());
        await Goal("progress 1 100");
        var full = Buttons.In((await Goal("show 1")).Body!["blocks"]).Single(b => b["action_id"]?.ToString() == GoalActions.Done);
        Assert.Equal("primary", full["style"]!.ToString());
    }

    [Fact]
    public async Task Reopen_OpensADoneOrDroppedGoalAgain_AndSaysSoKindly_Otherwise()
    {
        await Goal("add Give a talk");
        await Goal("add Write a blog post");
        await Goal("done 1");
        Assert.Contains("Reopened", (await Goal("reopen 1")).Text);
        var goal = GoalsOf(_app, Mentee).Single(g => g.Number == 1);
        Assert.Equal((GoalStatus.Open, (DateTimeOffset?)null), (goal.Status, goal.CompletedAt));
        Assert.Equal("Reopened", goal.History[^1].Text);

        _app.Get<GoalChanges>().Drop(Mentee, 2);
        Assert.Contains("Reopened", (await Goal("reopen 2")).Text);
        Assert.Equal(GoalStatus.Open, GoalsOf(_app, Mentee).Single(g => g.Number == 2).Status);

        Assert.Contains("is already open", (await Goal("reopen 2")).Text);
        Assert.Contains("Which goal should I open again?", (await Goal("reopen")).Text);
        Assert.Contains("isn't a goal number", (await Goal("reopen two")).Text);
    }
}
