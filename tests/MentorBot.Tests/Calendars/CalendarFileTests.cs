using System.Text;
using MentorBot.Cadences;
using MentorBot.Calendars;

namespace MentorBot.Tests.Calendars;

[Trait(Tier.Name, Tier.Unit)]
public class CalendarFileTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static Cadence C(CadenceKind kind, DayOfWeek day, int hour, int minute, int week = 1) =>
        new() { Kind = kind, Day = day, At = new TimeOnly(hour, minute), WeekOfMonth = week };

    private static CalendarSeries Series(Cadence cadence, string zone, DateTimeOffset first, int sequence = 1, string? description = null, DateTimeOffset? until = null) =>
        CalendarSeries.For(cadence, TimeZoneInfo.FindSystemTimeZoneById(zone), first, 45, "pair-7-20260220120000@mentorbot", sequence,
            "Mentoring: Priya & Lena", description ?? "Your mentoring check-in, as you agreed in MentorBot.", Stamp, until)!;

    [Fact]
    public void Publish_MatchesTheGoldenFile()
    {
        var first = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Amsterdam
        var ics = CalendarFile.Publish(Series(C(CadenceKind.EveryTwoWeeks, DayOfWeek.Monday, 10, 0), "Europe/Amsterdam", first, sequence: 3,
            description: "Every 2 weeks on Monday at 10:00, 45 minutes; agreed by both."));
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Calendars", "every-2-weeks-amsterdam.ics")).ReplaceLineEndings("\r\n");
        Assert.Equal(golden, ics);
    }

    public static TheoryData<string, CadenceKind, DayOfWeek, int, int, int, string> Cases => new()
    {
        // zone, kind, day, hour, minute, week of month, after (UTC): ten instants cross both DST changes of the zone
        { "Europe/Amsterdam", CadenceKind.Weekly, DayOfWeek.Monday, 10, 0, 1, "2026-03-10T00:00Z" },
        { "Europe/Amsterdam", CadenceKind.Weekly, DayOfWeek.Monday, 10, 0, 1, "2026-10-05T00:00Z" },
        { "Europe/Amsterdam", CadenceKind.EveryTwoWeeks, DayOfWeek.Tuesday, 9, 30, 1, "2026-02-15T00:00Z" },
        { "Europe/Amsterdam", CadenceKind.EveryTwoWeeks, DayOfWeek.Tuesday, 9, 30, 1, "2026-09-01T00:00Z" },
        { "Europe/Amsterdam", CadenceKind.MonthlyNthWeekday, DayOfWeek.Tuesday, 10, 0, 2, "2026-01-01T00:00Z" },
        { "America/New_York", CadenceKind.Weekly, DayOfWeek.Monday, 10, 0, 1, "2026-02-20T00:00Z" },
        { "America/New_York", CadenceKind.Weekly, DayOfWeek.Friday, 16, 0, 1, "2026-10-01T00:00Z" },
        { "America/New_York", CadenceKind.EveryTwoWeeks, DayOfWeek.Wednesday, 8, 0, 1, "2026-01-20T00:00Z" },
        { "America/New_York", CadenceKind.EveryTwoWeeks, DayOfWeek.Wednesday, 8, 0, 1, "2026-09-10T00:00Z" },
        { "America/New_York", CadenceKind.MonthlyNthWeekday, DayOfWeek.Thursday, 17, 0, 5, "2026-01-01T00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rrule_ExpandsToTheSameFirstTenInstantsAsTheCadencePlanner(string zoneId, CadenceKind kind, DayOfWeek day, int hour, int minute, int week, string after)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var cadence = C(kind, day, hour, minute, week);
        var anchor = DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture);
        var planned = new List<DateTimeOffset>();
        var at = anchor;
        while (planned.Count < 10)
        {
            at = CadencePlanner.NextAfter(cadence, zone, anchor, at)!.Value;
            planned.Add(at);
        }
        var ics = CalendarFile.Publish(Series(cadence, zoneId, planned[0], until: planned[0].AddYears(2)));
        Assert.Equal(planned, CalendarFile.Starts(ics, 10));
    }

    [Fact]
    public void File_IsCrlf_FoldedAt75Octets_AndEscapesText()
    {
        var description = "Goals, plans; and a \\ backslash\nSecond line — with accents: é à ü, " + string.Join(" ", Enumerable.Repeat("long words", 20));
        var ics = CalendarFile.Publish(Series(Cadence.Default, "Europe/Amsterdam", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero), description: description));

        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        Assert.EndsWith("\r\n", ics);
        var lines = ics.Split("\r\n")[..^1];
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' ')); // the description is folded
        var unfolded = ics.Replace("\r\n ", "");
        Assert.Contains(@"DESCRIPTION:Goals\, plans\; and a \\ backslash\nSecond line — with accents: é à ü\, long words", unfolded);
        Assert.Contains("\r\nVERSION:2.0\r\n", ics);
        Assert.DoesNotContain("@", ics.Replace("@mentorbot", "")); // no e-mail addresses
    }

    [Fact]
    public void Cancel_KeepsTheUid_RaisesTheSequence_AndMarksItCancelled()
    {
        var first = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var published = CalendarFile.Publish(Series(Cadence.Default, "Europe/Amsterdam", first, sequence: 1));
        var cancelled = CalendarFile.Cancel(Series(Cadence.Default, "Europe/Amsterdam", first, sequence: 2));
        Assert.Contains("METHOD:PUBLISH", published);
        Assert.DoesNotContain("STATUS:", published);
        Assert.Contains("METHOD:CANCEL\r\n", cancelled);
        Assert.Contains("STATUS:CANCELLED\r\n", cancelled);
        Assert.Contains("SEQUENCE:2\r\n", cancelled);
        Assert.Contains("UID:pair-7-20260220120000@mentorbot\r\n", published);
        Assert.Contains("UID:pair-7-20260220120000@mentorbot\r\n", cancelled);
    }

    [Theory]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/New_York")]
    public void File_CarriesTheZoneWithBothRules(string zone)
    {
        var ics = CalendarFile.Publish(Series(Cadence.Default, zone, new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero)));
        Assert.Contains($"BEGIN:VTIMEZONE\r\nTZID:{zone}\r\n", ics);
        Assert.Contains("BEGIN:STANDARD", ics);
        Assert.Contains("BEGIN:DAYLIGHT", ics);
        Assert.Contains($"DTSTART;TZID={zone}:", ics);
    }

    [Fact]
    public void Series_IsNull_ForACronCadence_AndEndsSixMonthsAfterTheFirstSessionByDefault()
    {
        var first = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        Assert.Null(CalendarSeries.For(new Cadence { Kind = CadenceKind.Cron, Cron = "0 10 * * 1" }, TimeZoneInfo.Utc, first, 30, "u", 1, "s", "d", Stamp));
        Assert.Equal(first.AddMonths(6), Series(Cadence.Default, "Europe/Amsterdam", first).UntilUtc);
        Assert.Contains("UNTIL=20260902T090000Z", Series(Cadence.Default, "Europe/Amsterdam", first).Rule());
    }

    [Fact]
    public void Links_CarryTheZoneOrUtc_NeverAFloatingTime()
    {
        var series = Series(C(CadenceKind.EveryTwoWeeks, DayOfWeek.Monday, 10, 0), "Europe/Amsterdam", new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var google = CalendarLinks.Google(series);
        Assert.Contains("dates=20260302T100000/20260302T104500&ctz=Europe%2FAmsterdam", google);
        Assert.Contains("recur=RRULE%3AFREQ%3DWEEKLY%3BINTERVAL%3D2%3BUNTIL%3D20260902T090000Z%3BBYDAY%3DMO", google);
        var outlook = CalendarLinks.OutlookNext(series, series.FirstStartUtc);
        Assert.Contains("startdt=2026-03-02T09%3A00%3A00Z&enddt=2026-03-02T09%3A45%3A00Z", outlook);
    }
}
