using MentorBot.Features.Admin;
using MentorBot.Features.Feedback;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

[Trait(Tier.Name, Tier.Host)]
public class AppHomeTests
{
    private const string GoalText = "GOAL-MARKER-learn-to-say-no";
    private const string NoteText = "NOTE-MARKER-my-manager-is-hard";
    private const string FeedbackText = "FEEDBACK-MARKER-demo-was-rushed";

    [Fact]
    public async Task FirstTimeVisitor_SeesWhatMentorBotDoes_AndAJoinButton()
    {
        await using var app = await StartAsync();

        var home = await app.OpenHomeAsync("UNEW");

        Assert.Null(home.Rejected);
        Assert.Equal("home", home.Args["view"]!["type"]!.ToString());
        Assert.Contains("Welcome to MentorBot", home.Visible);
        Assert.Contains(SignUpModal.JoinAny, home.Visible);
        Assert.DoesNotContain("Programme (admins)", home.Visible);
    }

    [Fact]
    public async Task AWaitingMentee_IsToldTheTruth_TheirPlace_AndWhetherAnyMentorHasRoom()
    {
        await using var app = await StartAsync();
        var now = app.Time.GetUtcNow();
        var signUps = app.Get<SignUpStore>();
        signUps.Save("UFIRST", SignUpRole.Mentee, "design", 0, now);
        signUps.Save("USECOND", SignUpRole.Mentee, "design", 0, now + TimeSpan.FromMinutes(1));
        signUps.Save("UMENTORX", SignUpRole.Mentor, "design", 1, now);

        var withRoom = await app.OpenHomeAsync("USECOND");
        Assert.Contains("number 2 on the waiting list", withRoom.Visible);
        Assert.Contains(WelcomeHomeSection.ReachMe, Readable(withRoom.Visible)); // how to reach MentorBot, at the top

        app.AddPair("UMENTORX", "UOTHER", PairType.Mentoring); // the only mentor is now full
        var full = await app.OpenHomeAsync("USECOND");
        Assert.Contains("All mentors are full right now; you're on the waiting list, number 2", Readable(full.Visible));
        Assert.DoesNotContain("An admin will pair you with a mentor soon", full.Visible);
    }

    [Fact]
    public async Task MessagesTab_PublishesNothing()
    {
        await using var app = await StartAsync();

        await app.EventAsync(new System.Text.Json.Nodes.JsonObject { ["type"] = "app_home_opened", ["user"] = "UNEW", ["tab"] = "messages" });
        await app.DrainFollowUpsAsync();

        Assert.Empty(app.Slack.Calls("views.publish"));
    }

    [Fact]
    public async Task Mentee_AndMentor_SeeTheirOwnSectionsInOrder_AndNotEachOthersPrivateText()
    {
        await using var app = await StartAsync(s =>
        {
            s.AddSingleton<IAppHomeSection>(new FakePrivateSection("UMENTEE", NoteText, order: 20));
            s.AddSingleton<IAppHomeSection>(new FakePrivateSection("UMENTOR", "MENTOR-ONLY-TEXT", order: 10));
        });
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UMENTOR", "mentor", "sales", 2);

        var mentee = (await app.OpenHomeAsync("UMENTEE")).Visible;
        var mentor = (await app.OpenHomeAsync("UMENTOR")).Visible;

        Assert.Contains("signed up as a mentee", mentee);
        Assert.Contains(NoteText, mentee);
        Assert.DoesNotContain("MENTOR-ONLY-TEXT", mentee);
        Assert.Contains("signed up to mentor (up to 2)", mentor);
        Assert.True(mentor.IndexOf("Mentoring programme", StringComparison.Ordinal) < mentor.IndexOf("MENTOR-ONLY-TEXT", StringComparison.Ordinal),
            "sections appear in Order");
        Assert.DoesNotContain(NoteText, mentor);
        Assert.DoesNotContain("Programme (admins)", mentor);
    }

    [Fact]
    public async Task Admin_SeesFiguresAndWaitingSignUps_ButNoGoalNoteOrFeedbackTextOfOthers()
    {
        await using var app = await StartAsync(s =>
        {
            s.AddSingleton<IProgrammeFigures, FakeFigures>();
            s.AddSingleton<IAppHomeSection>(new FakePrivateSection("UMENTEE", NoteText + FeedbackText, order: 20));
        });
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UMENTOR", "mentor", "sales", 2);
        app.Get<GoalStore>().Add("UMENTEE", GoalText, app.Time.GetUtcNow());
        app.Get<PairStore>().Add(new Pair { MentorId = "UMENTOR", MenteeId = "UPAIRED", Status = PairStatus.Active });

        var menteeHome = await app.OpenHomeAsync("UMENTEE");
        var home = await app.OpenHomeAsync(AdminId);
        var stats = await app.CommandAsync("/mentor", "stats", AdminId);

        // The same App Home does show the goal to its owner, so its absence below means something.
        Assert.Contains(GoalText, menteeHome.Visible);

        Assert.Null(home.Rejected);
        Assert.Contains("Programme (admins)", home.Visible);
        Assert.Contains("Mentees waiting to be paired", home.Visible);
        Assert.Contains("7 of 9", home.Visible);
        Assert.Contains("<@UMENTEE> wants to learn: negotiation", Readable(home.Visible));
        Assert.Contains(PairingModal.OpenAction, home.Visible);
        foreach (var text in new[] { home.Visible, stats.AllText })
        {
            Assert.DoesNotContain(GoalText, text);
            Assert.DoesNotContain(NoteText, text);
            Assert.DoesNotContain(FeedbackText, text);
        }
    }

    [Fact]
    public async Task Stats_ComputesTheSignUpFigures_FromAKnownDataSet_AndIncludesEveryRegisteredSource()
    {
        await using var app = await StartAsync(s => s.AddSingleton<IProgrammeFigures, FakeFigures>());
        await app.SignUpAsync("UA", "mentee", "a");
        await app.SignUpAsync("UB", "mentee", "b");
        await app.SignUpAsync("UC", "mentee", "c");
        await app.SignUpAsync("UM1", "mentor", "x", 1);
        await app.SignUpAsync("UM2", "mentor", "y", 3);
        app.Get<SignUpStore>().MarkPaired("UC", app.Time.GetUtcNow());
        app.Get<PairStore>().Add(new Pair { MentorId = "UM1", MenteeId = "UC", Status = PairStatus.Active });

        var figures = app.Get<ProgrammeFiguresReport>().Collect(app.Time.GetUtcNow()).ToDictionary(f => f.Label, f => f.Value);
        var reply = await app.CommandAsync("/mentor", "stats", AdminId);

        Assert.Equal("2", figures["Mentees waiting to be paired"]);
        Assert.Equal("2 (1 with room)", figures["Mentors signed up"]);
        Assert.Equal("1 of 3", figures["Mentees paired from sign-ups"]);
        Assert.Equal("5", figures["Sign-ups in the last 4 weeks"]);
        Assert.Equal("7 of 9", figures["Check-ins held vs due (4 weeks)"]);
        Assert.Contains("Mentees paired from sign-ups*\\n1 of 3", reply.AllText);
        Assert.Contains("7 of 9", reply.AllText);
        Assert.DoesNotContain("sales", reply.AllText);
    }

    [Fact]
    public async Task ABrokenOrOversizedSection_NeitherBlanksNorBreaksTheHome()
    {
        await using var app = await StartAsync(s =>
        {
            s.AddSingleton<IAppHomeSection>(new BrokenSection());
            s.AddSingleton<IAppHomeSection>(new ManyBlocksSection());
        });

        var home = await app.OpenHomeAsync("UNEW");

        Assert.Null(home.Rejected);
        Assert.Contains("Welcome to MentorBot", home.Visible);
        Assert.Equal(100, home.Args["view"]!["blocks"]!.AsArray().Count);
        Assert.Contains("more blocks left out", home.Visible);
        Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(nameof(BrokenSection)));
    }

    private sealed class BrokenSection : IAppHomeSection
    {
        public int Order => 1;
        public Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class ManyBlocksSection : IAppHomeSection
    {
        public int Order => 2;
        public Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<System.Text.Json.Nodes.JsonObject>>(
                Enumerable.Range(0, 150).Select(i => MentorBot.Slack.BlockKit.Blocks.Section($"item {i}")).ToList());
    }
}
