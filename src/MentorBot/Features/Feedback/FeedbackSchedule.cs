using MentorBot.Programme;

namespace MentorBot.Features.Feedback;

/// <summary>Pure: when the loop reminds, brings back a snoozed request and gives up, in the giver's own working time.</summary>
public static class FeedbackSchedule
{
    public static readonly TimeSpan ExpiresAfter = TimeSpan.FromDays(14);
    public static readonly TimeSpan Snooze = TimeSpan.FromDays(2);
    public const int ReminderWorkingDays = 3;

    /// <summary>
    /// The one reminder: on the "by" date at the start of the giver's working day (never sooner than a day after
    /// asking), otherwise after 3 working days; moved into working hours either way.
    /// </summary>
    public static DateTimeOffset ReminderAt(DateTimeOffset askedAt, DateOnly? by, TimeZoneInfo zone, ProgrammeSettings settings)
    {
        if (by is { } date)
        {
            var onTheDay = AtLocal(date, settings.WorkdayStart, zone);
            var earliest = askedAt + TimeSpan.FromDays(1);
            return NextWorkingMoment(onTheDay > earliest ? onTheDay : earliest, zone, settings);
        }
        return NextWorkingMoment(AddWorkingDays(askedAt, ReminderWorkingDays, zone, settings), zone, settings);
    }

    /// <summary>When "Not now" brings the request back: two days later, inside working hours.</summary>
    public static DateTimeOffset SnoozedUntil(DateTimeOffset now, TimeZoneInfo zone, ProgrammeSettings settings) =>
        NextWorkingMoment(now + Snooze, zone, settings);

    /// <summary>Adds <paramref name="days"/> working days at the same local time of day (weekends and days off skipped).</summary>
    public static DateTimeOffset AddWorkingDays(DateTimeOffset start, int days, TimeZoneInfo zone, ProgrammeSettings settings)
    {
        var local = TimeZoneInfo.ConvertTime(start, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var workingDays = WorkingDays(settings);
        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (workingDays.Contains(date.DayOfWeek)) added++;
        }
        return AtLocal(date, time, zone);
    }

    /// <summary>The instant itself when it is inside working hours, else the start of the next working day.</summary>
    public static DateTimeOffset NextWorkingMoment(DateTimeOffset instant, TimeZoneInfo zone, ProgrammeSettings settings)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var workingDays = WorkingDays(settings);
        if (workingDays.Contains(date.DayOfWeek) && time >= settings.WorkdayStart && time < settings.WorkdayEnd) return instant;
        if (!workingDays.Contains(date.DayOfWeek) || time >= settings.WorkdayEnd) date = date.AddDays(1);
        for (var i = 0; i < 7 && !workingDays.Contains(date.DayOfWeek); i++) date = date.AddDays(1);
        return AtLocal(date, settings.WorkdayStart, zone);
    }

    private static IReadOnlyCollection<DayOfWeek> WorkingDays(ProgrammeSettings settings) =>
        settings.WorkingDays is { Length: > 0 } days ? days : Enum.GetValues<DayOfWeek>();

    /// <summary>A local wall time as an instant; a time skipped by DST moves forward an hour.</summary>
    private static DateTimeOffset AtLocal(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var wall = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall)) wall = wall.AddHours(1);
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}
