using MentorBot.Cadences;
using MentorBot.People;
using MentorBot.Programme;

namespace MentorBot.Features.Pairs;

/// <summary>Pure: do two sessions overlap? The one rule for "one person, two check-ins at once".</summary>
public static class SessionOverlap
{
    public static bool Overlaps(DateTimeOffset a, TimeSpan aLength, DateTimeOffset b, TimeSpan bLength) => a < b + bLength && b < a + aLength;
}

/// <summary>
/// No double booking: would a pair's cadence put one of its people into two check-ins at once (overlapping sessions
/// with any of their other current pairs over the next weeks)? If so, which pair, and the next slot that is free for
/// both people and inside both people's working hours.
/// </summary>
public sealed class PairClashes(PairStore pairs, PairSchedule schedule, UserDirectory people, ProgrammeSettingsStore settings)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(56);
    private const int MaxSessions = 60;

    /// <summary><paramref name="At"/>: when the other pair's overlapping session starts.</summary>
    public sealed record Clash(string Person, Pair With, DateTimeOffset At);

    public Clash? Find(Pair candidate, DateTimeOffset now) => Find(candidate, Sessions(candidate, now), Others(candidate, now));

    /// <summary>The same rhythm at the nearest later time (that day first, then the days after) that clashes with nothing and fits both.</summary>
    public Cadence? NextFree(Pair candidate, DateTimeOffset now)
    {
        var cadence = schedule.CadenceOf(candidate);
        if (cadence.Kind == CadenceKind.Cron) return null;
        var others = Others(candidate, now);
        var programme = settings.Get();
        var a = new MeetingFit.Person("a", people.ZoneOf(candidate.MentorId));
        var b = new MeetingFit.Person("b", people.ZoneOf(candidate.MenteeId));
        for (var day = 0; day < 7; day++)
        {
            var weekday = (DayOfWeek)(((int)cadence.Day + day) % 7);
            for (var slot = 0; slot < 48; slot++)
            {
                var at = new TimeOnly(0, 0).AddMinutes(30 * slot);
                if (day == 0 && at <= cadence.At) continue;
                var moved = cadence with { Day = weekday, At = at };
                var trial = candidate with { Cadence = moved, CadenceIsDefault = false };
                var sessions = Sessions(trial, now);
                if (sessions.Count == 0 || MeetingFit.Check(sessions[0], (int)trial.SessionLength.TotalMinutes, a, b, programme) is not null) continue;
                if (Find(trial, sessions, others) is null) return moved;
            }
        }
        return null;
    }

    private static Clash? Find(Pair candidate, List<DateTimeOffset> mine, List<(Pair Pair, string Person, List<DateTimeOffset> Sessions)> others)
    {
        foreach (var (other, person, theirs) in others)
            foreach (var a in mine)
                foreach (var b in theirs)
                    if (SessionOverlap.Overlaps(a, candidate.SessionLength, b, other.SessionLength)) return new Clash(person, other, b); // when theirs starts
        return null;
    }

    // Paused pairs count too: they come back on the same rhythm.
    private List<(Pair, string, List<DateTimeOffset>)> Others(Pair candidate, DateTimeOffset now) =>
        new[] { candidate.MentorId, candidate.MenteeId }
            .SelectMany(person => pairs.CurrentFor(person).Where(p => p.Id != candidate.Id).Select(p => (p, person, Sessions(p, now))))
            .ToList();

    private List<DateTimeOffset> Sessions(Pair pair, DateTimeOffset now)
    {
        var running = pair with { Status = PairStatus.Active, PausedUntil = null };
        var list = new List<DateTimeOffset>();
        for (var t = now - TimeSpan.FromTicks(1); list.Count < MaxSessions && schedule.NextAfter(running, t) is { } next && next <= now + Horizon; t = next) list.Add(next);
        return list;
    }

    /// <summary>"That would double-book you: …", with the next free slot when there is one.</summary>
    public static string Describe(Clash clash, string viewerId, Cadence? free, TimeZoneInfo zone)
    {
        var who = clash.Person == viewerId ? "you" : PairText.Who(clash.Person);
        var whose = clash.Person == viewerId ? "your" : "their";
        var at = TimeZoneInfo.ConvertTime(clash.At, zone);
        var text = $"That would double-book {who}: it overlaps {whose} check-in with {PairText.Who(clash.With.OtherThan(clash.Person))} " +
                   $"on {at.ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture)} ({MeetingFit.Short(zone)} time).";
        return text + (free is null ? " Pick another time." : $" The next slot free for both of you: {free.Describe()} ({MeetingFit.Short(zone)} time).");
    }
}
