using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MentorBot.Features.Admin;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

/// <summary>
/// Public means anonymous: the digest in the programme channel names nobody and shows no figure that rests on fewer
/// than 5 people; the admin's own view has the names of pairs at risk; /mentor digest previews the post exactly.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public partial class WeeklyDigestTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASmallProgramme_PostsNoFigureAtAll_OnlyNotEnoughYet()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();
        Seed(app, pairs: 3, atRisk: 1, ratings: 1);

        var digest = await PostDigestAsync(app);

        Assert.Contains("Not enough yet", digest);
        foreach (var hidden in new[] { "Active pairs", "Value score", "Pairs at risk", "Pairs with 3 unanswered", "Goals set", "Ended pairs" })
            Assert.DoesNotContain(hidden, digest);
        AssertNamesNobody(app, digest);
    }

    [Fact]
    public async Task ALargeProgramme_PostsCountsButNoNames_AndNothingThatRestsOnFewerThanFive()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();
        Seed(app, pairs: 30, atRisk: 5, ratings: 2);

        var digest = await PostDigestAsync(app);

        Assert.Contains("*Active pairs*\n30", digest);
        Assert.Contains("*Pairs with 3 unanswered check-ins in a row*\n5", digest);
        Assert.Contains("*Goals set*\n30", digest);
        Assert.DoesNotContain("Value score", digest); // 2 ratings
        Assert.DoesNotContain("Ended pairs: not a good fit", digest); // 1 pair: 2 people
        Assert.Contains("smaller figures wait until they rest on at least 5 people", digest);
        Assert.True(digest.IndexOf("*Needs attention*", StringComparison.Ordinal) < digest.IndexOf("*Pairs*", StringComparison.Ordinal));
        Assert.DoesNotContain("Paused pairs", digest); // zeros say nothing
        AssertNamesNobody(app, digest);

        // The admin's own view names the pairs at risk (admins run the programme), never what they wrote.
        var stats = await app.CommandAsync("/mentor", "stats", AdminId);
        Assert.Contains("Person 001 & Person 002", Readable(stats.AllText));
        Assert.Contains("not a good fit", Readable(stats.AllText));
    }

    [Fact]
    public async Task AnHonestSkip_NeverCountsTowardAtRisk_ThreeUnansweredPromptsDo()
    {
        await using var app = await StartAsync();
        var store = app.Get<CheckInStore>();
        var skipped = app.AddPair("UA1", "UA2");
        var ignored = app.AddPair("UB1", "UB2");
        AddCheckIns(app, skipped, CheckInStatus.NoAnswer, CheckInStatus.Skipped, CheckInStatus.NoAnswer);
        AddCheckIns(app, ignored, CheckInStatus.NoAnswer, CheckInStatus.Missed, CheckInStatus.NoAnswer);

        var figures = app.Services.GetServices<IProgrammeFigures>().OfType<CheckInFigures>().Single();
        Assert.False(figures.IsAtRisk(skipped));
        Assert.True(figures.IsAtRisk(ignored));
        Assert.Equal(1, store.ForPair(ignored.Id).Count(c => c.Status == CheckInStatus.Missed));
    }

    [Fact]
    public async Task MentorDigest_ShowsTheAdminPrivatelyExactlyWhatWillBePosted_AndNobodyElse()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();
        Seed(app, pairs: 12, atRisk: 3, ratings: 6);
        app.Time.SetUtcNow(Monday);

        var preview = await app.CommandAsync("/mentor", "digest", AdminId);
        var refused = await app.CommandAsync("/mentor", "digest", "UPERSON001");
        await app.Get<PeriodicJobs>().RunOnceAsync();
        var posted = Assert.Single(app.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == ProgrammeChannel);

        Assert.Equal("ephemeral", preview.ResponseType);
        Assert.Contains("Preview, only you can see this", preview.AllText);
        var previewed = new JsonArray(preview.Blocks.Skip(1).Select(b => b!.DeepClone()).ToArray());
        Assert.Equal(posted.Args["blocks"]!.ToJsonString(), previewed.ToJsonString());
        Assert.Equal(Admins.Refusal, refused.Text);
    }

    [Fact]
    public async Task TheProgrammeName_CannotPingTheChannel()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();
        app.Get<ProgrammeSettingsStore>().Save(app.Get<ProgrammeSettingsStore>().Get() with { ProgrammeName = "Mentoring <!channel>" });

        await PostDigestAsync(app);

        var text = Assert.Single(app.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == ProgrammeChannel).Arg("text")!;
        Assert.DoesNotContain("<!channel>", text);
        Assert.Contains("&lt;!channel&gt;", text);

        // The sign-up announcement's notification text too (its header is plain text, which Slack never parses).
        await app.CommandAsync("/mentor", "announce", AdminId);
        var announced = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == ProgrammeChannel && c.Arg("text")!.Contains("is open"));
        Assert.Equal("Mentoring &lt;!channel&gt; is open: join as a mentee or a mentor.", announced.Arg("text"));
    }

    /// <summary>Pairs of Person 001 &amp; 002, 003 &amp; 004 …, each mentee with a goal; the first pairs at risk; one ended pair; some ratings.</summary>
    private static void Seed(TestApp app, int pairs, int atRisk, int ratings)
    {
        var people = app.Get<UserDirectory>();
        var goals = app.Get<GoalStore>();
        for (var i = 0; i < pairs; i++)
        {
            var (mentor, mentee) = (Id(2 * i + 1), Id(2 * i + 2));
            foreach (var id in new[] { mentor, mentee })
            {
                app.Slack.AddUser(id, Name(id), "Europe/Amsterdam"); // the daily users.info refresh finds the same names
                people.Remember(new Person { Id = id, DisplayName = Name(id), TimeZoneId = "Europe/Amsterdam", FetchedAt = app.Time.GetUtcNow() });
            }
            var pair = app.AddPair(mentor, mentee);
            goals.Add(mentee, $"Goal of {Name(mentee)}", app.Time.GetUtcNow());
            if (i < atRisk) AddCheckIns(app, pair, CheckInStatus.NoAnswer, CheckInStatus.NoAnswer, CheckInStatus.NoAnswer);
            else if (i < atRisk + ratings) AddCheckIns(app, pair, CheckInStatus.Met, rating: 5);
        }
        app.AddPair(Id(900), Id(901), status: PairStatus.Ended, with: p => p with { EndReason = EndReason.NotAGoodFit });
    }

    private static void AddCheckIns(TestApp app, Pair pair, CheckInStatus status, int? rating = null) => AddCheckIns(app, pair, [status], rating);

    private static void AddCheckIns(TestApp app, Pair pair, params CheckInStatus[] statuses) => AddCheckIns(app, pair, statuses, null);

    private static void AddCheckIns(TestApp app, Pair pair, CheckInStatus[] statuses, int? rating)
    {
        var store = app.Get<CheckInStore>();
        for (var week = 0; week < statuses.Length; week++)
        {
            var due = app.Time.GetUtcNow() - TimeSpan.FromDays(7 * (statuses.Length - week));
            store.CheckIns.Insert(new CheckIn
            {
                Id = CheckIn.IdOf(pair.Id, due), PairId = pair.Id, MentorId = pair.MentorId, MenteeId = pair.MenteeId, DueUtc = due,
                Status = statuses[week], CreatedAt = due, Rating = rating, RatedBy = rating is null ? null : pair.MenteeId,
                Discussed = "PRIVATE-NOTE", NextSteps = "PRIVATE-NEXT",
            });
        }
    }

    private static async Task<string> PostDigestAsync(TestApp app)
    {
        app.Time.SetUtcNow(Monday);
        await app.Get<PeriodicJobs>().RunOnceAsync();
        var digest = Assert.Single(app.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == ProgrammeChannel);
        return Support.Readable.Strings(digest.Args["text"]) + "\n" + Support.Readable.Strings(digest.Args["blocks"]);
    }

    private static void AssertNamesNobody(TestApp app, string digest)
    {
        Assert.DoesNotMatch(UserId(), digest);
        Assert.DoesNotContain("Person ", digest);
        Assert.DoesNotContain("PRIVATE-", digest);
        Assert.DoesNotContain("Goal of", digest);
    }

    private static string Id(int n) => $"UPERSON{n:000}";

    private static string Name(string id) => "Person " + id[^3..];

    [GeneratedRegex(@"\bU[A-Z0-9]{2,}\b")]
    private static partial Regex UserId();
}

/// <summary>Stats, Home and the digest read the same way: non-zero figures, grouped with what needs attention first, and a trend.</summary>
[Trait(Tier.Name, Tier.Host)]
public class FigureLayoutTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Stats_LeaveZerosOut_GroupMostImportantFirst_AndShowThisWeekAgainstTheFourBefore()
    {
        await using var app = await StartAsync();
        app.Time.SetUtcNow(Monday);
        var goals = app.Get<GoalStore>();
        for (var i = 0; i < 8; i++) goals.Add($"UOLD{i}", "older goal", Monday - TimeSpan.FromDays(8 + 3 * i)); // 2 a week in the 4 weeks before
        for (var i = 0; i < 6; i++) goals.Add($"UNEW{i}", "new goal", Monday - TimeSpan.FromDays(1));
        await app.SignUpAsync("UWAIT", "mentee", "a");

        var stats = Readable((await app.CommandAsync("/mentor", "stats", AdminId)).AllText);
        var everything = Readable((await app.CommandAsync("/mentor", "stats all", AdminId)).AllText);

        Assert.Contains("*Goals set*\n14\n↑ 6 this week, 2 a week before", stats);
        Assert.True(stats.IndexOf("*Needs attention*", StringComparison.Ordinal) < stats.IndexOf("*Goals*", StringComparison.Ordinal));
        Assert.Contains("*Mentees waiting to be paired*\n1", stats);
        Assert.DoesNotContain("Paused pairs", stats); // 0
        Assert.Contains("`/mentor stats all` shows them", stats);
        Assert.Contains("Goals set: 14 (↑ 6 this week, 2 a week before)", stats); // the notification text, on one line
        Assert.Contains("*Paused pairs*\n0", everything);
    }
}

/// <summary>The public rule and the trend's wording, as tables.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class PublicFiguresTests
{
    [Theory]
    [InlineData(4, 9, false, false)]  // the figure rests on 4 people: never posted
    [InlineData(5, 4, true, false)]   // shown, but this week's count rests on 4: no trend
    [InlineData(12, 5, true, true)]
    public void AFigureAndItsTrend_ArePostedOnlyFromFivePeople(int restsOn, int trendRestsOn, bool shown, bool trendShown)
    {
        var figure = new ProgrammeFigure(FigureGroup.Goals, "Goals set", "12", 12, restsOn, "Person A & Person B", new FigureTrend(6, 2, trendRestsOn));

        var (posted, heldBack) = PublicFigures.Select([figure]);

        Assert.Equal(shown, posted.Count == 1);
        Assert.Equal(shown ? 0 : 1, heldBack);
        if (shown) Assert.Equal((null, trendShown), (posted[0].AdminDetail, posted[0].Trend is not null));
    }

    [Theory]
    [InlineData(6, 2.0, "↑ 6 this week, 2 a week before")]
    [InlineData(1, 3.25, "↓ 1 this week, 3.3 a week before")]
    [InlineData(3, 3.0, "→ 3 this week, 3 a week before")]
    [InlineData(0, 0.25, "→ 0 this week, 0.3 a week before")]
    public void TheTrend_ReadsThisWeekAgainstTheWeeklyAverageBefore(int thisWeek, double before, string expected) =>
        Assert.Equal(expected, FiguresView.Trend(new FigureTrend(thisWeek, before, 5)));

    [Fact]
    public void TheTrendOfDatedEvents_CountsTheLastSevenDaysAndAveragesTheFourWeeksBefore()
    {
        var now = new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero);
        var at = new[] { now.AddDays(-1), now.AddDays(-6.9), now.AddDays(-7.1), now.AddDays(-20), now.AddDays(-34), now.AddDays(-36) };

        var trend = FigureTrend.Of(at, a => a, _ => "USAME", now);

        Assert.Equal(new FigureTrend(2, 0.75, 1), trend);
    }
}
