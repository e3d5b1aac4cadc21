using System.Globalization;
using MentorBot.Programme;

namespace MentorBot.Features.Pairs;

/// <summary>
/// Pure: does a meeting fall inside both people's working hours (the programme's days and hours, each read in that
/// person's own zone)? If not: whose night it is, and the hours the two share that day, in both zones.
/// </summary>
public static class MeetingFit
{
    public sealed record Person(string Who, TimeZoneInfo Zone);

    /// <returns>Null when it fits both; else a sentence for a view error.</returns>
    public static string? Check(DateTimeOffset start, int minutes, Person a, Person b, ProgrammeSettings s)
    {
        var end = start.AddMinutes(minutes);
        var outside = new[] { a, b }.Where(p => !Inside(start, end, p.Zone, s)).ToList();
        if (outside.Count == 0) return null;
        string Local(DateTimeOffset t, TimeZoneInfo z) => TimeZoneInfo.ConvertTime(t, z).ToString("ddd HH:mm", CultureInfo.InvariantCulture);
        var whose = string.Join(" and ", outside.Select(p => $"{Local(start, p.Zone)} for {p.Who}"));
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, a.Zone).DateTime);
        var overlap = Overlap(day, a.Zone, b.Zone, s);
        var tail = overlap is { } o
            ? $" You overlap {o.Start.ToOffset(a.Zone.GetUtcOffset(o.Start)):HH:mm}–{o.End.ToOffset(a.Zone.GetUtcOffset(o.End)):HH:mm} {Short(a.Zone)} / " +
              $"{o.Start.ToOffset(b.Zone.GetUtcOffset(o.Start)):HH:mm}–{o.End.ToOffset(b.Zone.GetUtcOffset(o.End)):HH:mm} {Short(b.Zone)}: pick a time in there."
            : " You two share no working hours at all: an async check-in may suit you better (choose it in each prompt).";
        return $"That's outside working hours: {whose}.{tail} Or tick “This time works for both of us”.";
    }

    /// <summary>The working hours two people share on a day (in <paramref name="a"/>'s calendar), or null.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Overlap(DateOnly day, TimeZoneInfo a, TimeZoneInfo b, ProgrammeSettings s)
    {
        var (aStart, aEnd) = Day(day, a, s);
        (DateTimeOffset Start, DateTimeOffset End)? best = null;
        for (var shift = -1; shift <= 1; shift++)
        {
            var other = day.AddDays(shift);
            if (!s.WorkingDays.Contains(other.DayOfWeek) || !s.WorkingDays.Contains(day.DayOfWeek)) continue;
            var (bStart, bEnd) = Day(other, b, s);
            var start = aStart > bStart ? aStart : bStart;
            var end = aEnd < bEnd ? aEnd : bEnd;
            if (end > start && (best is null || end - start > best.Value.End - best.Value.Start)) best = (start, end);
        }
        return best;
    }

    private static bool Inside(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, ProgrammeSettings s) =>
        WorkingHours.IsAllowed(start, zone, s) && WorkingHours.IsAllowed(end.AddMinutes(-1), zone, s) &&
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime) == DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(end.AddMinutes(-1), zone).DateTime);

    private static (DateTimeOffset, DateTimeOffset) Day(DateOnly day, TimeZoneInfo zone, ProgrammeSettings s)
    {
        DateTimeOffset At(TimeOnly t) { var local = day.ToDateTime(t); return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime(); }
        return (At(s.WorkdayStart), At(s.WorkdayEnd));
    }

    /// <summary>"Amsterdam", "New York": the city of an IANA id.</summary>
    public static string Short(TimeZoneInfo zone) => zone.Id.Contains('/') ? zone.Id[(zone.Id.LastIndexOf('/') + 1)..].Replace('_', ' ') : zone.Id;
}
