using System.Globalization;

namespace MentorBot.Cadences;

/// <summary>Pure: a date as people type it in a command: "2027-01-11", "11 January 2027", "11 Jan", "January 11" (the next one).</summary>
public static class DateText
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy"];

    public static bool TryParse(string text, DateOnly today, out DateOnly date)
    {
        var typed = string.Join(' ', text.Trim().TrimEnd('.').Replace(",", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var hasYear = typed.Split(' ', '-').Any(w => w.Length == 4 && w.All(char.IsDigit));
        if (!hasYear) typed += " " + today.Year.ToString(CultureInfo.InvariantCulture); // never the machine's clock
        if (!DateOnly.TryParseExact(typed, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date)) return false;
        if (!hasYear && date < today) date = date.AddYears(1);
        return true;
    }
}
