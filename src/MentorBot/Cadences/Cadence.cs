namespace MentorBot.Cadences;

public enum CadenceKind { Weekly, EveryTwoWeeks, EveryFourWeeks, MonthlyNthWeekday, Cron }

/// <summary>
/// How often a pair meets, at a local time in the prompted person's own time zone. "Every 2/4 weeks" is a weekly
/// cron filtered by the number of weeks since the pair's anchor (cron cannot say it).
/// </summary>
public sealed record Cadence
{
    public static readonly Cadence Default = new();

    public CadenceKind Kind { get; init; } = CadenceKind.Weekly;
    public DayOfWeek Day { get; init; } = DayOfWeek.Monday;
    public TimeOnly At { get; init; } = new(10, 0);

    /// <summary>For <see cref="CadenceKind.MonthlyNthWeekday"/>: 1–4, or 5 for the last such weekday of the month.</summary>
    public int WeekOfMonth { get; init; } = 1;

    /// <summary>For <see cref="CadenceKind.Cron"/>: a 5-field cron expression, read in the prompted person's time zone.</summary>
    public string? Cron { get; init; }

    /// <summary>Weeks between occurrences for the week-based kinds (1 for the rest).</summary>
    public int EveryWeeks => Kind switch { CadenceKind.EveryTwoWeeks => 2, CadenceKind.EveryFourWeeks => 4, _ => 1 };

    public string ToCronExpression()
    {
        var day = Day.ToString()[..3].ToUpperInvariant();
        return Kind switch
        {
            CadenceKind.Cron => Cron ?? throw new InvalidOperationException("A cron cadence needs an expression."),
            CadenceKind.MonthlyNthWeekday => WeekOfMonth >= 5 ? $"{At.Minute} {At.Hour} * * {(int)Day}L" : $"{At.Minute} {At.Hour} * * {day}#{WeekOfMonth}",
            _ => $"{At.Minute} {At.Hour} * * {day}",
        };
    }

    /// <summary>Human words: "every 2 weeks on Tuesday at 09:30".</summary>
    public string Describe() => Kind switch
    {
        CadenceKind.Weekly => $"every week on {Day} at {At:HH:mm}",
        CadenceKind.EveryTwoWeeks => $"every 2 weeks on {Day} at {At:HH:mm}",
        CadenceKind.EveryFourWeeks => $"every 4 weeks on {Day} at {At:HH:mm}",
        CadenceKind.MonthlyNthWeekday => $"monthly on the {Ordinal(WeekOfMonth)} {Day} at {At:HH:mm}",
        _ => $"on the schedule `{Cron}`",
    };

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", 4 => "fourth", _ => "last" };
}
