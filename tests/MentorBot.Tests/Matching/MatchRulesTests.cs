using MentorBot.Matching;
using MentorBot.Programme;

namespace MentorBot.Tests.Matching;

[Trait(Tier.Name, Tier.Unit)]
public class MatchRulesTests
{
    private static MatchPerson P(string id, string topics = "", string? department = null, string? manager = null, bool first = false, params string[] notWith) =>
        new() { UserId = id, Topics = topics, Department = department, ManagerId = manager, IsFirstTimer = first, NotWith = notWith, Room = 1 };

    // mentee topics, mentor topics, shared hours, expected topic points, expected shared topics
    [Theory]
    [InlineData("public speaking, Kubernetes", "Kubernetes, public speaking, sales", 40, "public speaking|Kubernetes")]
    [InlineData("Négociation", "negociation", 20, "Négociation")]
    [InlineData("Leading teams", "lead a team", 20, "Leading teams")]
    [InlineData("budgets and planning", "planning & hiring", 20, "planning")]
    [InlineData("public speaking", "speaking at conferences", 5, "")]
    [InlineData("design", "sales, marketing", 0, "")]
    [InlineData("x1, b1, c1, d1", "d1, c1, b1, x1", 60, "x1|b1|c1|d1")]
    public void Score_CountsSharedTopics_CaseAccentAndStemInsensitive(string wants, string offers, int points, string shared)
    {
        var score = MatchRules.Score(P("UA", wants), P("UB", offers), new MatchSettings(), TimeSpan.FromHours(5));
        Assert.Equal(points, score.TopicPoints);
        Assert.Equal(shared.Length == 0 ? [] : shared.Split('|'), score.SharedTopics);
    }

    // shared hours per day → hours points (topics: one shared, 20)
    [Theory]
    [InlineData(8.5, 25, 45)]
    [InlineData(5, 25, 45)]
    [InlineData(3, 15, 35)]
    [InlineData(2, 10, 30)]
    [InlineData(1.5, -10, 10)]
    [InlineData(0, -20, 0)]
    public void Score_RewardsSharedHours_AndPenalisesUnderTwo(double hours, int hoursPoints, int total)
    {
        var score = MatchRules.Score(P("UA", "sales"), P("UB", "sales"), new MatchSettings(), TimeSpan.FromHours(hours));
        Assert.Equal(hoursPoints, score.HoursPoints);
        Assert.Equal(total, score.Total);
    }

    // bonuses on?, mentee department, mentor department, both first-timers → bonus points
    [Theory]
    [InlineData(true, "Sales", "Engineering", false, 10)]
    [InlineData(true, "Sales", "sales", false, 0)]
    [InlineData(true, null, "Engineering", false, 0)]
    [InlineData(false, "Sales", "Engineering", true, 0)]
    [InlineData(true, "Sales", "Sales", true, 5)]
    [InlineData(true, "Sales", "Engineering", true, 15)]
    public void Score_AddsOnlyTheBonusesAnAdminSwitchedOn(bool on, string? a, string? b, bool firstTimers, int bonus)
    {
        var settings = new MatchSettings { DifferentDepartmentBonus = on, FirstTimersBonus = on };
        var score = MatchRules.Score(P("UA", "x", a, first: firstTimers), P("UB", "y", b, first: firstTimers), settings, TimeSpan.FromHours(5));
        Assert.Equal(bonus, score.DepartmentPoints + score.FirstTimerPoints);
        Assert.Equal(25 + bonus, score.Total);
    }

    [Fact]
    public void Reasons_PutTheBiggestPartFirst_AndIntroductionLeavesOutTheScore()
    {
        var settings = new MatchSettings { DifferentDepartmentBonus = true };
        var score = MatchRules.Score(P("UA", "public speaking, Kubernetes", "Sales"), P("UB", "Kubernetes, public speaking", "Ops"), settings, TimeSpan.FromHours(5));
        Assert.Equal(["both: public speaking, Kubernetes", "5 h of shared working hours", "different departments"], score.Reasons());
        Assert.Equal("You both named public speaking, Kubernetes; you share about 5 h of working hours a day; you work in different departments.", score.Introduction());
        var short_ = MatchRules.Score(P("UA", "sales"), P("UB", "sales"), new MatchSettings(), TimeSpan.FromHours(1.5));
        Assert.Contains("only 1.5 h of shared working hours", short_.Reasons());
        Assert.DoesNotContain("1.5", short_.Introduction());
    }

    public static TheoryData<string, MatchPerson, MatchPerson, MatchSettings, double, string?> Eligibility => new()
    {
        { "fine", P("UA"), P("UB"), new MatchSettings(), 5, null },
        { "self", P("UA"), P("UA"), new MatchSettings(), 5, "the same person" },
        { "paired before, other way round", P("UPAST"), P("UA"), new MatchSettings(), 5, "paired before" },
        { "declined", P("UDECL"), P("UB"), new MatchSettings(), 5, "declined by an admin before" },
        { "mentee's not-with", P("UA", notWith: "UB"), P("UB"), new MatchSettings(), 5, "not eligible" },
        { "mentor's not-with", P("UA"), P("UB", notWith: "UA"), new MatchSettings(), 5, "not eligible" },
        { "own manager", P("UA", manager: "UB"), P("UB"), new MatchSettings(), 5, "manager and report" },
        { "manager mentee", P("UA"), P("UB", manager: "UA"), new MatchSettings(), 5, "manager and report" },
        { "manager allowed", P("UA", manager: "UB"), P("UB"), new MatchSettings { AvoidManagers = false }, 5, null },
        { "no shared hours", P("UA"), P("UB"), new MatchSettings(), 0, "no shared working hours" },
        { "no shared hours allowed", P("UA"), P("UB"), new MatchSettings { AllowNoSharedHours = true }, 0, null },
    };

    [Theory]
    [MemberData(nameof(Eligibility))]
    public void WhyNot_RefusesEveryPairTheRulesForbid(string _, MatchPerson mentee, MatchPerson mentor, MatchSettings settings, double hours, string? expected)
    {
        var history = new MatchHistory(new HashSet<string> { MatchHistory.PairKey("UA", "UPAST") }, new HashSet<string> { MatchHistory.DeclineKey("UDECL", "UB") });
        Assert.Equal(expected, MatchRules.WhyNot(mentee, mentor, history, settings, TimeSpan.FromHours(hours)));
    }

    // zone a, zone b, a Monday, shared working hours per day (09:00–17:30 each, Monday to Friday)
    [Theory]
    [InlineData("Europe/Amsterdam", "America/New_York", "2026-01-12", 2.5)]
    [InlineData("Europe/Amsterdam", "America/New_York", "2026-03-09", 3.5)] // New York already on summer time, Amsterdam not yet
    [InlineData("Europe/Amsterdam", "America/New_York", "2026-03-30", 2.5)]
    [InlineData("Europe/Amsterdam", "America/New_York", "2026-10-26", 3.5)] // Amsterdam back on winter time, New York not yet
    [InlineData("Europe/Amsterdam", "America/Los_Angeles", "2026-01-12", 0)]
    [InlineData("Europe/Amsterdam", "Pacific/Auckland", "2026-01-12", 0)]
    [InlineData("Europe/London", "Europe/Amsterdam", "2026-01-12", 7.5)]
    [InlineData("Asia/Kolkata", "Europe/Amsterdam", "2026-01-12", 4)]
    [InlineData("Europe/Amsterdam", "Europe/Amsterdam", "2026-01-12", 8.5)]
    public void SharedPerDay_ReadsEachPersonsHoursInTheirOwnZone(string a, string b, string monday, double hours)
    {
        var shared = WorkingHours.SharedPerDay(TimeZoneInfo.FindSystemTimeZoneById(a), TimeZoneInfo.FindSystemTimeZoneById(b), new ProgrammeSettings(), DateOnly.Parse(monday));
        Assert.Equal(hours, shared.TotalHours, 3);
    }

    [Theory]
    [InlineData("Négociation", "negociation")]
    [InlineData("Running", "run")]
    [InlineData("leaders", "lead")]
    [InlineData("Strategies", "strategy")]
    [InlineData("classes", "class")]
    public void Words_FoldCaseAccentsAndSimpleSuffixes(string typed, string word) =>
        Assert.Equal([word], TopicTerms.Words(typed));
}
