
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
