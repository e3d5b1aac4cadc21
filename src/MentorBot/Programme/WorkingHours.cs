
namespace MentorBot.Programme;

/// <summary>Pure: the first moment at or after an instant that falls inside someone's local working hours.</summary>
public static class WorkingHours
{
    public static DateTimeOffset NextAllowed(DateTimeOffset instantUtc, TimeZoneInfo zone, ProgrammeSettings settings)
    {
        if (settings.WorkingDays.Length == 0 || settings.WorkdayEnd <= settings.WorkdayStart) return instantUtc;
        var local = TimeZoneInfo.ConvertTime(instantUtc, zone);
        for (var day = 0; day < 8; day++)
        {
            var date = DateOnly.FromDateTime(local.DateTime).AddDays(day);
            if (!settings.WorkingDays.Contains(date.DayOfWeek)) continue;
            var start = ToUtc(date.ToDateTime(settings.WorkdayStart), zone);
            var end = ToUtc(date.ToDateTime(settings.WorkdayEnd), zone);
            if (instantUtc < start) return start;
            if (instantUtc < end) return instantUtc;
        }
        return instantUtc;
    }

    /// <summary>
    /// How many working hours two people share on a working day, on average over the week of <paramref name="monday"/>:
    /// each one's working hours read in their own zone. Zero when their days never meet (Amsterdam and Auckland, say).
    /// </summary>
    public static TimeSpan SharedPerDay(TimeZoneInfo a, TimeZoneInfo b, ProgrammeSettings settings, DateOnly monday)
    {
        if (settings.WorkingDays.Length == 0 || settings.WorkdayEnd <= settings.WorkdayStart) return TimeSpan.Zero;
        List<(DateTimeOffset Start, DateTimeOffset End)> Week(TimeZoneInfo zone) =>
            Enumerable.Range(-1, 9).Select(monday.AddDays).Where(d => settings.WorkingDays.Contains(d.DayOfWeek))
                .Select(d => (ToUtc(d.ToDateTime(settings.WorkdayStart), zone), ToUtc(d.ToDateTime(settings.WorkdayEnd), zone))).ToList();
        var mine = Week(a).Where(x => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(x.Start, a).DateTime) is var d && d >= monday && d < monday.AddDays(7)).ToList();
        if (mine.Count == 0) return TimeSpan.Zero;
        var theirs = Week(b);
        var shared = TimeSpan.Zero;
        foreach (var (start, end) in mine)
        foreach (var (otherStart, otherEnd) in theirs)
        {
            var overlap = (end < otherEnd ? end : otherEnd) - (start > otherStart ? start : otherStart);
            if (overlap > TimeSpan.Zero) shared += overlap;
        }
        return shared / mine.Count;
    }

    /// <summary>The start of working hours on that date in that zone (the next working day's, for a day off).</summary>
    /// <summary>
    /// <paramref name="days"/> working days after <paramref name="from"/> in the reader's zone, at the same time of day,
    /// kept inside working hours ("two working days after a Friday kickoff at 14:00": Tuesday 14:00).
    /// </summary>
    public static DateTimeOffset WorkingDaysAfter(DateTimeOffset from, int days, TimeZoneInfo zone, ProgrammeSettings settings)
    {
        if (settings.WorkingDays.Length == 0) return from.AddDays(days);
        var local = TimeZoneInfo.ConvertTime(from, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (settings.WorkingDays.Contains(day.DayOfWeek)) left--;
        }
        var at = day.ToDateTime(TimeOnly.FromDateTime(local));
        while (zone.IsInvalidTime(at)) at = at.AddMinutes(30);
        return NextAllowed(new DateTimeOffset(at, zone.GetUtcOffset(at)).ToUniversalTime(), zone, settings);
    }

    public static DateTimeOffset StartOfWorkingDay(DateOnly date, TimeZoneInfo zone, ProgrammeSettings settings) =>
        NextAllowed(ToUtc(date.ToDateTime(TimeOnly.MinValue), zone), zone, settings);

    public static bool IsAllowed(DateTimeOffset instantUtc, TimeZoneInfo zone, ProgrammeSettings settings) =>
        NextAllowed(instantUtc, zone, settings) == instantUtc;

    // A wall time skipped by a DST jump is read as the moment just after the jump.
    private static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
