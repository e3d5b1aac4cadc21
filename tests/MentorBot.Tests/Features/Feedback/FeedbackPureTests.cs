using MentorBot.Features.Feedback;
using MentorBot.Programme;

namespace MentorBot.Tests.Features.Feedback;

/// <summary>Table tests for the pure parts: command text, safe text pieces, working-day schedule.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class FeedbackPureTests
{
    [Theory]
    [InlineData("<@U1|a> Topic here", "U1", "", "Topic here")]
    [InlineData("<@U1|a>, <@U2|b> and <@W3> Topic", "U1,U2,W3", "", "Topic")]
    [InlineData("<@U1> <@U1> x", "U1", "", "x")]
    [InlineData("@ana Topic", "", "@ana", "Topic")]
    [InlineData("Topic with <@U1|a> inside", "", "", "Topic with <@U1|a> inside")]
    [InlineData("<@U1|a>", "U1", "", "")]
    [InlineData("", "", "", "")]
    public void Parse_TakesTheLeadingNames_AndLeavesTheTopic(string text, string people, string unresolved, string topic)
    {
        var parsed = AskFeedbackText.Parse(text);
        Assert.Equal(people, string.Join(",", parsed.People));
        Assert.Equal(unresolved, string.Join(",", parsed.Unresolved));
        Assert.Equal(topic, parsed.Topic);
    }

    [Theory]
    [InlineData("<!channel> hi", "&lt;!channel&gt; hi")]
    [InlineData("ask <@U1|ana> & <#C1|general>", "ask @ana &amp; #general")]
    [InlineData("see <https://x.test/a|doc>", "see https://x.test/a")]
    public void Safe_NeverPings_AndEscapes(string text, string expected) => Assert.Equal(expected, FeedbackText.Safe(text));

    [Theory]
    [InlineData("&&&&&&&&&&&&&&&&&&&&", 12)]
    [InlineData("<<<< >>>> &&&& naïve 👩🏽‍💻👩🏽‍💻👩🏽‍💻", 9)]
    [InlineData("line one\nline two\nline three", 10)]
    public void SafePieces_FitTheLimit_AndLoseNothing(string text, int max)
    {
        var pieces = FeedbackText.SafePieces(text, max);
        Assert.All(pieces, p => Assert.True(p.Length <= max, $"'{p}' is over {max}"));
        Assert.All(pieces, p => Assert.False(p.Length > 0 && char.IsLowSurrogate(p[0])));
        Assert.Equal(FeedbackText.Safe(text).Replace("\n", "").Replace(" ", ""), string.Concat(pieces).Replace("\n", "").Replace(" ", ""));
    }

    [Theory]
    // asked (UTC)              zone                by            reminder (UTC)
    [InlineData("2026-03-02T09:00Z", "UTC", null, "2026-03-05T09:00Z")]               // Monday → Thursday
    [InlineData("2026-03-06T15:00Z", "UTC", null, "2026-03-11T15:00Z")]               // Friday → Wednesday
    [InlineData("2026-03-05T18:00Z", "UTC", null, "2026-03-11T09:00Z")]               // after hours → next working morning
    [InlineData("2026-03-02T09:00Z", "Europe/Amsterdam", "2026-03-04", "2026-03-04T08:00Z")]
    [InlineData("2026-03-02T09:00Z", "UTC", "2026-03-02", "2026-03-03T09:00Z")]       // "by today": not sooner than a day
    [InlineData("2026-03-26T09:00Z", "Europe/Amsterdam", null, "2026-03-31T08:00Z")]  // across the spring DST change
    public void ReminderAt_FollowsWorkingDaysInTheGiversZone(string asked, string zone, string? by, string expected)
    {
        var at = FeedbackSchedule.ReminderAt(DateTimeOffset.Parse(asked), by is null ? null : DateOnly.Parse(by),
            TimeZoneInfo.FindSystemTimeZoneById(zone), new ProgrammeSettings());
        Assert.Equal(DateTimeOffset.Parse(expected), at);
    }

    [Fact]
    public void Median_OfAnEvenCount_IsTheMiddlePair() =>
        Assert.Equal(TimeSpan.FromHours(3), FeedbackFigures.Median([TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(9)]));
}
