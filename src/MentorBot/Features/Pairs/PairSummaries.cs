using MentorBot.People;
using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Pairs;

/// <summary>One person's view of their pairs: type, role, cadence in their own local time, next check-in.</summary>
public sealed class PairSummaries(PairStore pairs, PairSchedule schedule, KickoffStore kickoffs, UserDirectory people, PairCards cards)
{
    /// <summary>
    /// The meeting time as this reader reads it: "Mondays 10:00 your time (04:00 for @tomas)". One wall time in the
    /// pair's meeting zone, shown in the reader's zone, and in the other person's when it differs.
    /// </summary>
    public string CadenceFor(Pair pair, string viewerId, DateTimeOffset now)
    {
        var cadence = schedule.CadenceOf(pair);
        var zone = schedule.CadenceZone(pair);
        var dflt = pair.CadenceIsDefault ? " (programme default)" : "";
        if (cadence.Kind == CadenceKind.Cron) return $"{cadence.Describe()}{dflt}, in {MeetingFit.Short(zone)} time";
        var sample = pair.NextCheckInUtc ?? schedule.NextAfter(pair, now) ?? now;
        var mine = TimeZoneInfo.ConvertTime(sample, people.ZoneOf(viewerId));
        var other = pair.OtherThan(viewerId);
        var theirs = TimeZoneInfo.ConvertTime(sample, people.ZoneOf(other));
        var rhythm = cadence.Kind switch
        {
            CadenceKind.EveryTwoWeeks => $"every 2 weeks, {mine.DayOfWeek}s",
            CadenceKind.EveryFourWeeks => $"every 4 weeks, {mine.DayOfWeek}s",
            CadenceKind.MonthlyNthWeekday => $"{cadence.Describe()} {MeetingFit.Short(zone)} time, that is",
            _ => $"{mine.DayOfWeek}s",
        };
        var text = $"{rhythm} {mine:HH:mm} your time";
        if (theirs.Offset != mine.Offset)
            text += $" ({(theirs.DayOfWeek != mine.DayOfWeek ? theirs.DayOfWeek + " " : "")}{theirs:HH:mm} for {PairText.Who(other)})";
        return text + dflt;
    }

    public string NextFor(Pair pair) => pair.Status switch
    {
        PairStatus.Ended => $"ended {Mrkdwn.Date(pair.EndedAt ?? pair.StartedAt, "{date_short}")}",
        PairStatus.Paused => pair.PausedUntil is { } until ? $"paused until {Mrkdwn.Date(until, "{date_short_pretty}")}" : "paused",
        _ => pair.NextCheckInUtc is { } next ? Mrkdwn.Date(next) : "not scheduled yet",
    };

    /// <summary>Blocks for /mentor pairs and the App Home (which adds buttons).</summary>
    public List<JsonObject> BlocksFor(string userId, DateTimeOffset now, bool withButtons)
    {
        var all = pairs.EverFor(userId);
        var current = all.Where(p => p.Status != PairStatus.Ended).ToList();
        var ended = all.Where(p => p.Status == PairStatus.Ended).ToList();
        var blocks = new List<JsonObject>();
        if (current.Count == 0)
            blocks.Add(Blocks.Section("You're not in a mentoring pair right now. Ask someone with `/mentor ask @person` (add `peer` or `reverse` for those kinds)."));
        foreach (var pair in current.Take(10)) // each pair: its lines and its card (3 blocks), well inside a message's 50
        {
            var lines = $"*{Capitalise(PairText.TypeName(pair.Type))}* with {PairText.Who(pair.OtherThan(userId))}: {PairText.Role(pair, userId)}\n" +
                        $"Cadence: {CadenceFor(pair, userId, now)}\nNext check-in: {NextFor(pair)}";
            JsonObject? button = !withButtons ? null
                : kickoffs.Get(pair.Id, userId) is null ? Blocks.Button("Set expectations", PairActions.KickoffOpen, pair.Id.ToString())
                : kickoffs.Get(pair.Id, pair.OtherThan(userId)) is not null ? Blocks.Button("Edit agreement", PairActions.KickoffOpen, pair.Id.ToString())
                : null;
            blocks.Add(Blocks.Section(lines, button));
            blocks.AddRange(cards.Render(pair, now)); // the same card both people see
        }
        if (ended.Count > 0)
        {
            var history = string.Join("\n", ended.TakeLast(5).Select(p =>
                $"{Capitalise(PairText.TypeName(p.Type))} with {PairText.Who(p.OtherThan(userId))}, {Mrkdwn.Date(p.StartedAt, "{date_short}")} – {Mrkdwn.Date(p.EndedAt ?? p.StartedAt, "{date_short}")}"));
            blocks.Add(Blocks.Context("*Ended pairs*\n" + history));
        }
        return blocks;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
