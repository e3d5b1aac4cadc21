using MentorBot.Cadences;

namespace MentorBot.Tests.Cadences;

[Trait(Tier.Name, Tier.Unit)]
public class CadencePlannerTests
{
    private static Cadence Parse(string spec)
    {
        Assert.True(CadenceText.TryParse(spec.Split(' '), Cadence.Default, out var cadence, out var error), error);
        return cadence;
    }

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    // cadence, zone, anchor (pair start), after, expected next (UTC)
    [Theory]
    // Weekly, plain
    [InlineData("weekly on mon at 10:00", "UTC", "2026-03-02T09:00Z", "2026-03-02T09:00Z", "2026-03-02T10:00Z")]
    [InlineData("weekly on mon at 10:00", "UTC", "2026-03-02T09:00Z", "2026-03-02T10:00Z", "2026-03-09T10:00Z")]
    // Europe/Amsterdam spring forward (Sun 2026-03-29): Monday 10:00 stays 10:00 local, so 09:00Z becomes 08:00Z
    [InlineData("weekly on mon at 10:00", "Europe/Amsterdam", "2026-03-02T09:00Z", "2026-03-23T09:00Z", "2026-03-30T08:00Z")]
    // 02:30 does not exist that night: it happens at 03:00 CEST instead, once
    [InlineData("cron 30 2 * * *", "Europe/Amsterdam", "2026-03-02T09:00Z", "2026-03-28T12:00Z", "2026-03-29T01:00Z")]
    [InlineData("cron 30 2 * * *", "Europe/Amsterdam", "2026-03-02T09:00Z", "2026-03-29T01:00Z", "2026-03-30T00:30Z")]
    // Europe/Amsterdam fall back (Sun 2026-10-25): 10:00 local moves from 08:00Z to 09:00Z
    [InlineData("weekly on mon at 10:00", "Europe/Amsterdam", "2026-03-02T09:00Z", "2026-10-19T08:00Z", "2026-10-26T09:00Z")]
    // 02:30 happens twice that night: it fires on the first pass only
    [InlineData("cron 30 2 * * *", "Europe/Amsterdam", "2026-03-02T09:00Z", "2026-10-24T12:00Z", "2026-10-25T00:30Z")]
    [InlineData("cron 30 2 * * *", "Europe/Amsterdam", "2026-03-02T09:00Z", "2026-10-25T00:30Z", "2026-10-26T01:30Z")]
    // America/New_York spring forward (Sun 2026-03-08) and fall back (Sun 2026-11-01)
    [InlineData("weekly on mon at 10:00", "America/New_York", "2026-03-02T09:00Z", "2026-03-02T15:00Z", "2026-03-09T14:00Z")]
    [InlineData("cron 30 2 * * *", "America/New_York", "2026-03-02T09:00Z", "2026-03-07T12:00Z", "2026-03-08T07:00Z")]
    [InlineData("weekly on mon at 10:00", "America/New_York", "2026-03-02T09:00Z", "2026-10-26T14:00Z", "2026-11-02T15:00Z")]
    [InlineData("cron 30 1 * * *", "America/New_York", "2026-03-02T09:00Z", "2026-10-31T12:00Z", "2026-11-01T05:30Z")]
    [InlineData("cron 30 1 * * *", "America/New_York", "2026-03-02T09:00Z", "2026-11-01T05:30Z", "2026-11-02T06:30Z")]
    // UTC+13: Monday 10:00 in Tonga is Sunday 21:00 UTC
    [InlineData("weekly on mon at 10:00", "Pacific/Tongatapu", "2026-03-01T00:00Z", "2026-03-01T00:00Z", "2026-03-01T21:00Z")]
    // UTC-10: Friday 18:00 in Honolulu is Saturday 04:00 UTC
    [InlineData("weekly on fri at 18:00", "Pacific/Honolulu", "2026-03-02T00:00Z", "2026-03-02T00:00Z", "2026-03-07T04:00Z")]
    // Every 2 weeks: anchored on the first occurrence after the pair's start (a Wednesday start meets the coming Monday)
    [InlineData("2w on mon at 10:00", "UTC", "2026-03-04T12:00Z", "2026-03-04T12:00Z", "2026-03-09T10:00Z")]
    [InlineData("2w on mon at 10:00", "UTC", "2026-03-04T12:00Z", "2026-03-09T10:00Z", "2026-03-23T10:00Z")]
    [InlineData("2w on mon at 10:00", "UTC", "2026-03-04T12:00Z", "2026-03-10T00:00Z", "2026-03-23T10:00Z")]
    // ... and across a DST change, still 10:00 local
    [InlineData("2w on mon at 10:00", "Europe/Amsterdam", "2026-03-16T09:00Z", "2026-03-16T09:00Z", "2026-03-30T08:00Z")]
    [InlineData("4w on mon at 10:00", "UTC", "2026-03-02T00:00Z", "2026-03-02T10:00Z", "2026-03-30T10:00Z")]
    // Monthly on the Nth weekday
    [InlineData("monthly on first tue at 09:00", "UTC", "2026-03-02T00:00Z", "2026-03-04T00:00Z", "2026-04-07T09:00Z")]
    [InlineData("monthly on third wed at 09:00", "UTC", "2026-03-02T00:00Z", "2026-03-02T00:00Z", "2026-03-18T09:00Z")]
    [InlineData("monthly on last fri at 16:00", "UTC", "2026-03-02T00:00Z", "2026-03-02T00:00Z", "2026-03-27T16:00Z")]
    [InlineData("monthly on first mon at 10:00", "Europe/Amsterdam", "2026-03-02T00:00Z", "2026-03-02T09:00Z", "2026-04-06T08:00Z")]
    // Cron for experts, even every minute
    [InlineData("cron * * * * *", "UTC", "2026-03-02T00:00Z", "2026-03-02T10:00:30Z", "2026-03-02T10:01Z")]
    public void NextAfter_IsTheNextLocalOccurrence(string cadence, string zone, string anchor, string after, string expected)
    {
        var next = CadencePlanner.NextAfter(Parse(cadence), TimeZoneInfo.FindSystemTimeZoneById(zone), At(anchor), At(after));
        Assert.Equal(At(expected), next);
    }

    // Pause and resume: nothing falls inside the pause; the first occurrence at or after its end is next.
    [Theory]
    [InlineData("weekly on mon at 10:00", "2026-03-02T10:00Z", "2026-03-20T00:00Z", "2026-03-23T10:00Z")]
    [InlineData("weekly on mon at 10:00", "2026-03-02T10:00Z", "2026-03-23T10:00Z", "2026-03-23T10:00Z")] // ends exactly on one: it counts
    [InlineData("weekly on mon at 10:00", "2026-03-02T10:00Z", "2026-03-01T00:00Z", "2026-03-09T10:00Z")] // a pause already over changes nothing
    [InlineData("2w on mon at 10:00", "2026-03-02T10:00Z", "2026-03-17T00:00Z", "2026-03-30T10:00Z")]   // keeps the 2-week rhythm
    public void NextAfter_SkipsAPause(string cadence, string after, string pausedUntil, string expected)
    {
        var next = CadencePlanner.NextAfter(Parse(cadence), TimeZoneInfo.Utc, At("2026-03-02T00:00Z"), At(after), At(pausedUntil));
        Assert.Equal(At(expected), next);
    }

    [Fact]
    public void FirstFrom_IncludesTheInstantItself()
    {
        var next = CadencePlanner.FirstFrom(Cadence.Default, TimeZoneInfo.Utc, At("2026-03-02T00:00Z"), At("2026-03-09T10:00Z"));
        Assert.Equal(At("2026-03-09T10:00Z"), next);
    }

    [Theory]
    [InlineData("2w on tuesday at 9:30", CadenceKind.EveryTwoWeeks, DayOfWeek.Tuesday, "09:30", 1)]
    [InlineData("weekly", CadenceKind.Weekly, DayOfWeek.Monday, "10:00", 1)]
    [InlineData("monthly on the second thursday", CadenceKind.MonthlyNthWeekday, DayOfWeek.Thursday, "10:00", 2)]
    [InlineData("4w at 14:00 on fri", CadenceKind.EveryFourWeeks, DayOfWeek.Friday, "14:00", 1)]
    public void CadenceText_Reads(string text, CadenceKind kind, DayOfWeek day, string at, int week)
    {
        var cadence = Parse(text);
        Assert.Equal(kind, cadence.Kind);
        Assert.Equal(day, cadence.Day);
        Assert.Equal(TimeOnly.Parse(at), cadence.At);
        Assert.Equal(week, cadence.WeekOfMonth);
    }

    [Theory]
    [InlineData("daily", "don't know the cadence")]
    [InlineData("weekly at 25:00", "After `at`")]
    [InlineData("weekly on blursday", "didn't understand `blursday`")]
    [InlineData("2w on second tuesday", "only makes sense for `monthly`")]
    [InlineData("cron 0 9 * *", "exactly 5 fields")]
    [InlineData("cron 99 9 * * *", "isn't a cron expression")]
    public void CadenceText_ExplainsWhatIsWrong(string text, string expected)
    {
        Assert.False(CadenceText.TryParse(text.Split(' '), Cadence.Default, out _, out var error));
        Assert.Contains(expected, error);
    }
}
