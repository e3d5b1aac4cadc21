using System.Globalization;

namespace MentorBot.Calendars;

/// <summary>
/// "Add to calendar" links that need no calendar permission. Google carries the recurrence and the zone (ctz), so its
/// times are never floating; Outlook's compose link takes one event, in UTC: the next session only.
/// </summary>
public static class CalendarLinks
{
    public static string Google(CalendarSeries series)
    {
        var start = series.FirstStartLocal;
        var end = start.AddMinutes(series.Minutes);
        static string Local(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        return "https://calendar.google.com/calendar/render?action=TEMPLATE" +
               $"&text={E(series.Summary)}&dates={Local(start)}/{Local(end)}&ctz={E(series.ZoneId)}" +
               $"&recur={E("RRULE:" + series.Rule())}&details={E(series.Description)}";
    }

    public static string OutlookNext(CalendarSeries series, DateTimeOffset nextUtc)
    {
        static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return "https://outlook.office.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent" +
               $"&subject={E(series.Summary)}&startdt={E(Utc(nextUtc))}&enddt={E(Utc(nextUtc.AddMinutes(series.Minutes)))}&body={E(series.Description)}";
    }

    private static string E(string value) => Uri.EscapeDataString(value);
}
