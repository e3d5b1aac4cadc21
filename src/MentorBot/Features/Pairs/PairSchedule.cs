using MentorBot.Cadences;
using MentorBot.People;
using MentorBot.Programme;

namespace MentorBot.Features.Pairs;

/// <summary>
/// When a pair's check-ins fall. The cadence is read in the time zone of the prompted person: the mentee (their choice
/// of cadence stands), as <see cref="UserDirectory.ZoneOf"/> answers it.
/// </summary>
public sealed class PairSchedule(UserDirectory people, ProgrammeSettingsStore settings)
{
    /// <summary>The person whose local time the cadence is read in (and who is prompted for the check-in).</summary>
    public static string PromptedPersonOf(Pair pair) => pair.MenteeId;

    /// <summary>The zone the pair's meeting time is read in: the one chosen at kickoff, else the mentee's.</summary>
    public TimeZoneInfo CadenceZone(Pair pair) =>
        UserDirectory.TryNamedZone(pair.MeetingZoneId, out var chosen) ? chosen : people.ZoneOf(PromptedPersonOf(pair));

    /// <summary>The cadence that applies: the programme default while the pair has not chosen its own.</summary>
    public Cadence CadenceOf(Pair pair) => pair.CadenceIsDefault ? settings.Get().DefaultCadence : pair.Cadence;

    /// <summary>The first check-in strictly after <paramref name="afterUtc"/>; 2/4-weekly cadences count weeks from the pair's start.</summary>
    public DateTimeOffset? NextAfter(Pair pair, DateTimeOffset afterUtc) =>
        CadencePlanner.NextAfter(CadenceOf(pair), CadenceZone(pair), pair.StartedAt, afterUtc);

    /// <summary>The first check-in at or after <paramref name="fromUtc"/> (a resume at that instant).</summary>
    public DateTimeOffset? FirstFrom(Pair pair, DateTimeOffset fromUtc) =>
        CadencePlanner.FirstFrom(CadenceOf(pair), CadenceZone(pair), pair.StartedAt, fromUtc);
}
