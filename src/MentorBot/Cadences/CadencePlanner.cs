using Cronos;

namespace MentorBot.Cadences;

/// <summary>
/// Pure: when a cadence next falls due. Always computed forward from a persisted instant (the last due time or the
/// pair's start), never from "now", so restarts and DST changes neither skip nor repeat (RELIABILITY.md rule 6).
/// </summary>
public static class CadencePlanner
{
    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>, in <paramref name="zone"/>; null if there is none.</summary>
    /// <param name="anchorUtc">The pair's start: every-2/4-weeks counts weeks from its first occurrence at or after it.</param>
    public static DateTimeOffset? NextAfter(Cadence cadence, TimeZoneInfo zone, DateTimeOffset anchorUtc, DateTimeOffset afterUtc)
    {
        var expression = CronExpression.Parse(cadence.ToCronExpression(), CronFormat.Standard);
        var from = afterUtc.ToUniversalTime();
        // Weeks count from the first occurrence at or after the anchor, so a pair that starts on a Wednesday with a
        // 2-weekly Monday cadence meets the coming Monday, not the one after.
        var first = cadence.EveryWeeks == 1 ? null : expression.GetNextOccurrence(anchorUtc.ToUniversalTime(), zone, inclusive: true);
        var anchorWeek = WeekStart(TimeZoneInfo.ConvertTime(first ?? anchorUtc, zone));
        // A 4-weekly cadence needs at most 4 weekly candidates; the bound only guards against bad input.
        for (var i = 0; i < 64; i++)
        {
            var next = expression.GetNextOccurrence(from, zone, inclusive: false);
            if (next is null) return null;
            var weeks = (WeekStart(TimeZoneInfo.ConvertTime(next.Value, zone)).DayNumber - anchorWeek.DayNumber) / 7;
            if (cadence.EveryWeeks == 1 || weeks % cadence.EveryWeeks == 0) return next.Value.ToUniversalTime();
            from = next.Value;
        }
        return null;
    }

    /// <summary>The first occurrence at or after <paramref name="fromUtc"/> (for a pair resuming at that instant).</summary>
    public static DateTimeOffset? FirstFrom(Cadence cadence, TimeZoneInfo zone, DateTimeOffset anchorUtc, DateTimeOffset fromUtc) =>
        NextAfter(cadence, zone, anchorUtc, fromUtc.AddTicks(-1));

    /// <summary>Like <see cref="NextAfter(Cadence, TimeZoneInfo, DateTimeOffset, DateTimeOffset)"/>, skipping everything before the end of a pause.</summary>
    public static DateTimeOffset? NextAfter(Cadence cadence, TimeZoneInfo zone, DateTimeOffset anchorUtc, DateTimeOffset afterUtc, DateTimeOffset? pausedUntilUtc) =>
        pausedUntilUtc is { } until && until > afterUtc
            ? FirstFrom(cadence, zone, anchorUtc, until)
            : NextAfter(cadence, zone, anchorUtc, afterUtc);

    /// <summary>True when <paramref name="expression"/> is a valid 5-field cron expression; otherwise says why.</summary>
    public static bool TryParseCron(string expression, out string? error)
    {
        try
        {
            var parsed = CronExpression.Parse(expression.Trim(), CronFormat.Standard);
            error = parsed.GetNextOccurrence(DateTime.UtcNow) is null ? "it never happens" : null;
            return error is null;
        }
        catch (CronFormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static DateOnly WeekStart(DateTimeOffset local)
    {
        var date = DateOnly.FromDateTime(local.DateTime);
        var sinceMonday = ((int)date.DayOfWeek + 6) % 7;
        return date.AddDays(-sinceMonday);
    }
}
