using System.Text.Json.Nodes;
using System.Text.Json;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using static MentorBot.Tests.Features.Goals.GoalTestData;

namespace MentorBot.Tests.Features.Goals;

/// <summary>The App Home section, personal data (export / forget) and the admin figures.</summary>
[Trait(Tier.Name, Tier.Host)]
public class GoalHomeAndDataTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartFreshAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<CommandReply> Goal(string text, string user = Mentee) => _app.CommandAsync("/goal", text, user);

    /// <summary>The goals section of <paramref name="user"/>'s App Home, published through the fake Slack (which checks Block Kit).</summary>
    private async Task<string> HomeOfAsync(string user)
    {
        var section = Assert.Single(_app.Get<IEnumerable<IAppHomeSection>>().OfType<GoalsHomeSection>());
        var blocks = await section.BlocksForAsync(user, _app.Time.GetUtcNow(), CancellationToken.None);
        Assert.True(blocks.Count <= 40, $"{blocks.Count} blocks leave too little room for the other sections");
        await _app.Get<SlackApiClient>().PublishHomeAsync(user, Views.Home(new JsonArray(blocks.Select(b => (JsonNode)b.DeepClone()).ToArray())), CancellationToken.None);
        Assert.Null(_app.Slack.Calls("views.publish").Last().Rejected);
        return Shown(new JsonArray(blocks.Select(b => (JsonNode)b.DeepClone()).ToArray()));
    }

    [Fact]
    public async Task Home_ShowsOwnOpenGoalsWithButtons_AndANewGoalButton()
    {
        await Goal("add Open goal");
        await Goal("add Finished goal");
        await Goal("done 2");
        await Goal("add Secret goal");
        _app.Get<GoalStore>().Change(Mentee, 3, g => g with { Visibility = GoalVisibility.OnlyMe });

        var home = await HomeOfAsync(Mentee);

        Assert.Contains("Open goal", home);
        Assert.Contains("Secret goal", home); // your own private goals are yours to see
        Assert.DoesNotContain("Finished goal", home);
        Assert.Contains("2 open, 1 done", home);
        Assert.Contains(GoalActions.New, home);
        Assert.Contains(GoalActions.Progress, home);
    }

    [Fact]
    public async Task Home_OfAMentor_ShowsMenteesSharedOpenGoals_NeverOnlyMeOnes()
    {
        Pair(_app);
        await Goal("add Shared open goal");
        await Goal("add Only-me goal");
        _app.Get<GoalStore>().Change(Mentee, 2, g => g with { Visibility = GoalVisibility.OnlyMe });
        await Goal("add Shared but done");
        await Goal("done 3");

        var mentorHome = await HomeOfAsync(Mentor);
        var strangerHome = await HomeOfAsync(Stranger);

        Assert.Contains("Your mentees' goals", mentorHome);
        Assert.Contains("Shared open goal", mentorHome);
        Assert.DoesNotContain("Only-me goal", mentorHome);
        Assert.DoesNotContain("Shared but done", mentorHome);
        foreach (var title in new[] { "Shared open goal", "Only-me goal", "Shared but done" })
            Assert.DoesNotContain(title, strangerHome);
        Assert.Contains("No goals yet", strangerHome);
    }

    [Fact]
    public async Task Home_WithManyGoals_StaysWithinItsShare()
    {
        for (var i = 1; i <= 25; i++) await Goal($"add goal {i}");
        var home = await HomeOfAsync(Mentee);
        Assert.Contains("15 more open goals", home);
    }

    [Fact]
    public async Task HomeNewGoalButton_OpensTheForm()
    {
        await _app.InteractAsync(Interactions.ViewButtonClick(Mentee, GoalActions.New, null));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Null(open.Rejected);
        Assert.Equal(GoalModal.CreateId, open.Args["view"]!["callback_id"]!.ToString());
    }

    [Fact]
    public async Task HomeDoneButton_HasNoResponseUrl_SoTheAnswerComesByDm()
    {
        await Goal("add From home");
        await _app.InteractAsync(Interactions.ViewButtonClick(Mentee, GoalActions.Done, "1"));
        var dm = await _app.Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(FakeSlackApi.DmOf(Mentee), dm.Arg("channel"));
        Assert.Contains("Done", Shown(dm));
    }

    [Fact]
    public async Task Export_HasEveryGoalWithHistory_IncludingDropped_AndOnlyTheirs()
    {
        await Goal("add Mine <!channel>");
        await Goal("progress 1 30 a note");
        await Goal("add Dropped one");
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Drop, "2"));
        await Goal("add Someone else's", Stranger);

        var data = Assert.Single(_app.Get<IEnumerable<IPersonalData>>().OfType<GoalsPersonalData>());
        var json = JsonSerializer.Serialize(data.Export(Mentee));

        Assert.Equal("goals", data.Name);
        var goals = JsonNode.Parse(json)!.AsArray();
        Assert.Equal(2, goals.Count);
        Assert.Equal("Mine <!channel>", goals[0]!["title"]!.ToString());
        Assert.Equal("a note", goals[0]!["history"]![0]!["text"]!.ToString());
        Assert.Equal("dropped", goals[1]!["status"]!.ToString());
        Assert.DoesNotContain("Someone else", json);
    }

    [Fact]
    public async Task Forget_DeletesTheirGoals_FromTheFileToo_AndLeavesOthers()
    {
        const string marker = "ZQXJ-unique-goal-marker";
        await Goal("add " + marker);
        await Goal("progress 1 10 " + marker + " note");
        await Goal("add Someone else's", Stranger);

        var data = _app.Get<IEnumerable<IPersonalData>>().OfType<GoalsPersonalData>().Single();
        Assert.Equal(1, data.Forget(Mentee));
        _app.Get<MentorBot.Storage.MentorDb>().Compact();

        Assert.Empty(GoalsOf(_app, Mentee));
        Assert.Single(GoalsOf(_app, Stranger));
        Assert.Contains("no goals yet", (await Goal("list")).Text);
        Assert.True(_app.Db.AllBytes().AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(marker)) < 0, "the goal text is still in the database files");
    }

    [Fact]
    public async Task Figures_CountGoalsSetAndCompleted_WithoutAnyText()
    {
        await Goal("add Alpha secret title");
        await Goal("add Beta");
        await Goal("done 1");
        await Goal("add Gamma", Stranger);

        var figures = _app.Get<IEnumerable<IProgrammeFigures>>().OfType<GoalFigures>().Single().Figures(_app.Time.GetUtcNow()).ToList();

        Assert.Equal("3", figures.Single(f => f.Label == "Goals set").Value);
        Assert.Equal("1", figures.Single(f => f.Label == "Goals completed").Value);
        Assert.Equal("2", figures.Single(f => f.Label == "Goals open").Value);
        Assert.DoesNotContain(figures, f => f.Value.Contains("Alpha") || f.Label.Contains("Alpha"));
    }
}
