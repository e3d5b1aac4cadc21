using System.Globalization;

namespace MentorBot.Cadences;

/// <summary>Reads "weekly on tue at 9:30", "2w", "monthly on the last friday", "cron 0 9 * * 1-5" (pure).</summary>
public static class CadenceText
{
    public const string Usage = "`weekly`, `2w`, `4w` or `monthly`, optionally `on <weekday>` and `at HH:MM` (e.g. `2w on tuesday at 09:30`, `monthly on the first friday`), or `cron <5-field expression>`";

    public static bool TryParse(IReadOnlyList<string> words, Cadence current, out Cadence cadence, out string error)
    {
        cadence = current;
        error = "";
        if (words.Count == 0)
        {
            error = $"Which cadence? Use {Usage}.";
            return false;
        }
        var kindWord = words[0].ToLowerInvariant();
        if (kindWord == "cron")
        {
            var expression = string.Join(' ', words.Skip(1));
            if (words.Count - 1 != 5)
            {
                error = $"A cron cadence needs exactly 5 fields (minute hour day-of-month month day-of-week), e.g. `cron 0 9 * * MON`. I got {words.Count - 1}.";
                return false;
            }
            if (!CadencePlanner.TryParseCron(expression, out var why))
            {
                error = $"`{expression}` isn't a cron expression I can use: {why}";
                return false;
            }
            cadence = new Cadence { Kind = CadenceKind.Cron, Cron = expression, Day = current.Day, At = current.At };
            return true;
        }

        CadenceKind? kind = kindWord switch
        {
            "weekly" or "week" or "1w" => CadenceKind.Weekly,
            "2w" or "biweekly" or "fortnightly" => CadenceKind.EveryTwoWeeks,
            "4w" => CadenceKind.EveryFourWeeks,
            "monthly" or "month" => CadenceKind.MonthlyNthWeekday,
            _ => null,
        };
        if (kind is null)
        {
            error = $"I don't know the cadence `{kindWord}`. Use {Usage}.";
            return false;
        }
        var day = current.Kind == CadenceKind.Cron ? Cadence.Default.Day : current.Day;
        var at = current.Kind == CadenceKind.Cron ? Cadence.Default.At : current.At;
        var weekOfMonth = 1;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i].ToLowerInvariant().TrimEnd(',');
            if (word is "on" or "the" or "every") continue;
            if (word == "at")
            {
                if (i + 1 >= words.Count || !TryParseTime(words[i + 1], out at))
                {
                    error = "After `at`, give a time like `09:30` or `14:00` (24-hour clock).";
                    return false;
                }
                i++;
            }
            else if (TryParseTime(word, out var time)) at = time;
            else if (TryParseWeekday(word, out var weekday)) day = weekday;
            else if (Ordinal(word) is { } n)
            {
                if (kind != CadenceKind.MonthlyNthWeekday)
                {
                    error = $"`{word}` only makes sense for `monthly` (e.g. `monthly on the second tuesday`).";
                    return false;
                }
                weekOfMonth = n;
            }
            else
            {
                error = $"I didn't understand `{words[i]}`. Use {Usage}.";
                return false;
            }
        }
        cadence = new Cadence { Kind = kind.Value, Day = day, At = at, WeekOfMonth = weekOfMonth };
        return true;
    }

    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static bool TryParseWeekday(string text, out DayOfWeek day)
    {
        var word = text.ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<DayOfWeek>())
        {
            var name = candidate.ToString().ToLowerInvariant();
            if (word.Length >= 3 && name.StartsWith(word, StringComparison.Ordinal) || word == name + "s")
            {
                day = candidate;
                return true;
            }
        }
        day = default;
        return false;
    }

    /// <summary>The words <see cref="TryParse"/> reads back as this cadence ("2w on tuesday at 09:30"), for suggestions people can paste.</summary>
    public static string Command(Cadence c)
    {
        var day = c.Day.ToString().ToLowerInvariant();
        var at = c.At.ToString("HH:mm", CultureInfo.InvariantCulture);
        return c.Kind switch
        {
            CadenceKind.Cron => "cron " + c.Cron,
            CadenceKind.EveryTwoWeeks => $"2w on {day} at {at}",
            CadenceKind.EveryFourWeeks => $"4w on {day} at {at}",
            CadenceKind.MonthlyNthWeekday => $"monthly on the {(c.WeekOfMonth switch { 2 => "second", 3 => "third", 4 => "fourth", 5 => "last", _ => "first" })} {day} at {at}",
            _ => $"weekly on {day} at {at}",
        };
    }

    private static int? Ordinal(string word) => word switch
    {
        "first" or "1st" => 1,
        "second" or "2nd" => 2,
        "third" or "3rd" => 3,
        "fourth" or "4th" => 4,
        "last" => 5,
        _ => null,
    };
}
