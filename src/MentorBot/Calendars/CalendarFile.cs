using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MentorBot.Calendars;

/// <summary>
/// The one place that knows Ical.Net (RFC 5545): a series as an .ics to publish, its cancellation, and (for checks)
/// the instants a file describes. A new major version of the library is a change to this file only.
/// </summary>
public static class CalendarFile
{
    private const string ProductId = "-//MentorBot//Mentoring check-ins//EN";

    public static string Publish(CalendarSeries series) => Write(series, "PUBLISH", cancelled: false);

    /// <summary>Same UID, the caller's higher SEQUENCE, STATUS:CANCELLED: calendars remove the series.</summary>
    public static string Cancel(CalendarSeries series) => Write(series, "CANCEL", cancelled: true);

    /// <summary>The first <paramref name="count"/> start instants (UTC) of the file's first event.</summary>
    public static IReadOnlyList<DateTimeOffset> Starts(string ics, int count)
    {
        var calendar = Calendar.Load(ics) ?? throw new FormatException("not an iCalendar file");
        return calendar.GetOccurrences<CalendarEvent>(new CalDateTime(1970, 1, 1, 0, 0, 0, "UTC"))
            .Take(count).Select(o => new DateTimeOffset(o.Period.StartTime.AsUtc, TimeSpan.Zero)).ToList();
    }

    private static string Write(CalendarSeries series, string method, bool cancelled)
    {
        var calendar = new Calendar { Method = method, ProductId = ProductId };
        // FromDateTimeZone writes the zone's STANDARD and DAYLIGHT rules; the plain constructor writes neither.
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(series.ZoneId, series.FirstStartLocal.AddYears(-1), includeHistoricalData: false));
        var start = series.FirstStartLocal;
        var e = new CalendarEvent
        {
            Uid = series.Uid,
            Sequence = series.Sequence,
            DtStamp = new CalDateTime(series.StampUtc.UtcDateTime, hasTime: true),
            DtStart = new CalDateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, series.ZoneId),
            Duration = Duration.FromMinutes(series.Minutes),
            Summary = series.Summary,
            Description = series.Description,
            RecurrenceRule = new RecurrencePattern(series.Rule()),
        };
        if (cancelled) e.Status = "CANCELLED";
        calendar.Events.Add(e);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
