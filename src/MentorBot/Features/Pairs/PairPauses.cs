using MentorBot.Cadences;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Pairs;

/// <summary>
/// The one way a pair is paused, wherever it is asked for (/mentor pause, a check-in prompt, the keep-going question):
/// until a chosen end 1 to 26 weeks away, the other person is told until when, and <see cref="PauseResumeJob"/>
/// resumes the pair then (both are told again).
/// </summary>
public sealed class PairPauses(PairStore pairs, PairDms dms, PairCalendar calendar, UserDirectory people, ProgrammeSettingsStore settings)
{
    public const int MaxWeeks = 26;

    /// <summary>The lengths offered where a date can't be typed (menus on check-in DMs), as /mentor pause would read them.</summary>
    public static readonly IReadOnlyList<string> Choices = ["1w", "2w", "4w", "8w", "12w", "26w"];

    /// <summary>Pauses the pair until <paramref name="until"/> (a paused pair gets the new end); null once it has ended.</summary>
    public Pair? Pause(int pairId, DateTimeOffset until) => pairs.Pause(pairId, until);

    /// <summary>Pauses every active pair of someone Slack says cannot be reached (deactivated, unknown) for the longest pause; returns them.</summary>
    public IReadOnlyList<Pair> PauseAllOf(string userId, DateTimeOffset now)
    {
        var paused = new List<Pair>();
        foreach (var pair in pairs.CurrentFor(userId).Where(p => p.Status == PairStatus.Active))
            if (Pause(pair.Id, now + TimeSpan.FromDays(7 * MaxWeeks)) is not null) paused.Add(pair);
        return paused;
    }

    /// <summary>What the person who paused reads.</summary>
    public static string Confirmation(Pair pair, string byUserId, DateTimeOffset until) =>
        $"Paused: no check-in prompts for you and {Mrkdwn.User(pair.OtherThan(byUserId))} until {When(until)}, the start of that working day. " +
        "It resumes by itself then, or use `/mentor resume`.";

    /// <summary>What the other person reads.</summary>
    public static string Notice(string byUserId, DateTimeOffset until) =>
        $"{PairMessages.Plain(byUserId)} paused your pair's check-ins until {When(until)}. They'll resume by themselves then.";

    /// <summary>After a pause: the other person is told, and both calendars get the series' cancellation.</summary>
    public async Task AfterPauseAsync(Pair pair, string byUserId, DateTimeOffset until, CancellationToken ct)
    {
        await dms.TrySendAsync(pair.OtherThan(byUserId), Notice(byUserId, until), null, ct);
        await calendar.SendCancellationAsync(pair, $"are paused until {When(until)}", ct);
    }

    /// <summary>A menu label for one of <see cref="Choices"/>.</summary>
    public static string ChoiceName(string choice) => choice == "1w" ? "for 1 week" : $"for {choice[..^1]} weeks";

    /// <summary>
    /// "2026-05-01", "12 January" or "3w" / "3 weeks": the pause ends at the start of the working day on that date
    /// in <paramref name="userId"/>'s zone (a weekend date: the next working day), not at the minute it was made.
    /// </summary>
    public bool TryParseUntil(IReadOnlyList<string> words, DateTimeOffset now, string userId, out DateTimeOffset until, out string error) =>
        TryParseUntil(words, now, people.ZoneOf(userId), settings.Get(), out until, out error);

    /// <summary>Pure: <see cref="TryParseUntil(IReadOnlyList{string}, DateTimeOffset, string, out DateTimeOffset, out string)"/> in a given zone.</summary>
    public static bool TryParseUntil(IReadOnlyList<string> words, DateTimeOffset now, TimeZoneInfo zone, ProgrammeSettings settings, out DateTimeOffset until,
        out string error)
    {
        until = default;
        error = "";
        var text = string.Join("", words).ToLowerInvariant();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (text.Length == 0)
        {
            error = $"Until when? Use `{PauseCommand.Usage}`.";
            return false;
        }
        var weeksText = text.EndsWith("weeks") ? text[..^5] : text.EndsWith("week") ? text[..^4] : text.EndsWith('w') ? text[..^1] : null;
        if (weeksText is not null && int.TryParse(weeksText, out var weeks))
        {
            if (weeks is < 1 or > MaxWeeks)
            {
                error = $"Pause for 1 to {MaxWeeks} weeks. For longer, you could end the pair and start again later.";
                return false;
            }
            until = WorkingHours.StartOfWorkingDay(today.AddDays(7 * weeks), zone, settings);
            return true;
        }
        if (!DateText.TryParse(string.Join(' ', words), today, out var date))
        {
            error = $"I didn't understand `{Mrkdwn.Escape(Mrkdwn.Truncate(string.Join(' ', words), 40))}`. Give a date like `{TimeZoneInfo.ConvertTime(now, zone).AddDays(21):yyyy-MM-dd}` or a number of weeks like `3w`.";
            return false;
        }
        if (date <= today)
        {
            error = $"{date:yyyy-MM-dd} is {(date == today ? "today" : "in the past")}. Pick a date after today.";
            return false;
        }
        until = WorkingHours.StartOfWorkingDay(date, zone, settings);
        if (date > today.AddDays(7 * MaxWeeks))
        {
            error = $"Pause for at most {MaxWeeks} weeks. For longer, you could end the pair and start again later.";
            return false;
        }
        return true;
    }


    // Slack shows it in each reader's zone: "Monday, January 12th at 9:00 AM".
    private static string When(DateTimeOffset until) => Mrkdwn.Date(until, "{date_long_pretty} at {time}");
}
