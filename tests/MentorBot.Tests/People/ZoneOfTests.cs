using MentorBot.Features.Pairs;
using MentorBot.People;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.People;

/// <summary>
/// One zone per person, wherever a time is planned or printed: the Slack zone, else Pairs:DefaultTimeZone, else UTC.
/// Before there was one ZoneOf, the scheduler fell back to UTC while the pair's schedule fell back to the default.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class ZoneOfTests
{
    private static readonly Dictionary<string, string?> Auckland = new() { ["Pairs:DefaultTimeZone"] = "Pacific/Auckland" };

    [Fact]
    public async Task PersonWithoutAZone_IsScheduledPromptedAndShownInTheDefaultZone()
    {
        // Sunday 20:00 UTC is Monday 09:00 in Auckland (NZDT, +13).
        await using var app = await TestApp.StartFreshAsync(Auckland, new(new DateTimeOffset(2026, 3, 1, 20, 0, 0, TimeSpan.Zero)));
        app.Slack.AddUser(Mentor, "Mentor", tz: null);
        app.Slack.AddUser(Mentee, "Mentee", tz: null);

        var pair = (await app.Get<PairStarter>().StartAsync(Mentor, Mentee, PairType.Mentoring, Mentor, default)).Pair!;

        // Monday 10:00 in Auckland is Sunday 21:00 UTC.
        var due = new DateTimeOffset(2026, 3, 1, 21, 0, 0, TimeSpan.Zero);
        Assert.Equal(due, pair.NextCheckInUtc);
        await TickAtAsync(app, due + Session);
        // Inside Auckland's working hours, so it goes out at once (with a UTC fallback it waited for Monday 09:00 UTC).
        Assert.Single(Prompts(app));
        var pairs = await app.CommandAsync("/mentor", "pairs", Mentee);
        Assert.Contains("Mondays 10:00 your time (programme default)", pairs.AllText);
    }

    [Theory]
    [InlineData("Europe/Amsterdam", "Pacific/Auckland", "Europe/Amsterdam")]
    [InlineData(null, "Pacific/Auckland", "Pacific/Auckland")]
    [InlineData("Mars/Olympus", "Pacific/Auckland", "Pacific/Auckland")]
    [InlineData(null, null, "UTC")]
    [InlineData(null, "Not/AZone", "UTC")]
    public async Task ZoneOf_IsTheSlackZone_ElseTheProgrammeDefault_ElseUtc(string? slackZone, string? programmeDefault, string expected)
    {
        await using var app = await TestApp.StartFreshAsync(new Dictionary<string, string?> { ["Pairs:DefaultTimeZone"] = programmeDefault });
        app.Get<UserDirectory>().Remember(new Person { Id = "U1", DisplayName = "One", TimeZoneId = slackZone, FetchedAt = app.Time.GetUtcNow() });

        Assert.Equal(expected, app.Get<UserDirectory>().ZoneOf("U1").Id);
    }
}
