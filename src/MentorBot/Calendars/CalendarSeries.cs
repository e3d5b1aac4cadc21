using MentorBot.Cadences;

namespace MentorBot.Calendars;

/// <summary>
/// A pair's meetings as a calendar sees them: the first session's wall time in the meeting zone, its length, how it
/// repeats and until when. Pure. Built only from the agreement: never notes, goals or e-mail addresses.
/// </summary>
public sealed record CalendarSeries
{
    public string Uid { get; init; } = "";
    public int Sequence { get; init; }
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>IANA zone id, written as TZID with its VTIMEZONE.</summary>
    public string ZoneId { get; init; } = "UTC";
    public DateTime FirstStartLocal { get; init; }
    public int Minutes { get; init; } = 30;
    public CadenceKind Kind { get; init; }
    public DayOfWeek Day { get; init; }
    public int WeekOfMonth { get; init; } = 1;
    public DateTimeOffset UntilUtc { get; init; }
    public DateTimeOffset StampUtc { get; init; }

    /// <summary>A series starts here and, by default, runs six months from its first session.</summary>
    public static readonly int DefaultMonths = 6;

    /// <summary>Null when the cadence can't be written as an RRULE (a cron cadence).</summary>
    public static CalendarSeries? For(Cadence cadence, TimeZoneInfo zone, DateTimeOffset firstUtc, int minutes, string uid, int sequence,
        string summary, string description, DateTimeOffset stampUtc, DateTimeOffset? untilUtc = null)
    {
        if (cadence.Kind == CadenceKind.Cron) return null;
        var local = TimeZoneInfo.ConvertTime(firstUtc, zone).DateTime;
        return new CalendarSeries
        {
            Uid = uid, Sequence = sequence, Summary = summary, Description = description, ZoneId = IanaId(zone),
            FirstStartLocal = DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Minutes = minutes <= 0 ? 30 : minutes,
            Kind = cadence.Kind, Day = cadence.Day, WeekOfMonth = cadence.WeekOfMonth,
            UntilUtc = untilUtc ?? firstUtc.AddMonths(DefaultMonths), StampUtc = stampUtc,
        };
    }

    public DateTimeOffset FirstStartUtc => ToUtc(FirstStartLocal);

    public DateTimeOffset ToUtc(DateTime local)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The RRULE value: FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=… (what Google's recur parameter carries too).</summary>
    public string Rule()
    {
        var day = Day.ToString()[..2].ToUpperInvariant();
        var until = UntilUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return Kind switch
        {
            CadenceKind.MonthlyNthWeekday => $"FREQ=MONTHLY;UNTIL={until};BYDAY={(WeekOfMonth >= 5 ? -1 : WeekOfMonth)}{day}",
            CadenceKind.EveryTwoWeeks => $"FREQ=WEEKLY;INTERVAL=2;UNTIL={until};BYDAY={day}",
            CadenceKind.EveryFourWeeks => $"FREQ=WEEKLY;INTERVAL=4;UNTIL={until};BYDAY={day}",
            _ => $"FREQ=WEEKLY;UNTIL={until};BYDAY={day}",
        };
    }

    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : "UTC";
}
