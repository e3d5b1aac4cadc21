using System.Collections.Concurrent;
using MentorBot.Features.Admin;
using MentorBot.Nudges;
using MentorBot.People;

namespace MentorBot.Features.Pairs;

/// <summary>
/// Where and when a pair's check-ins fall. The cadence is read in the prompted person's time zone: the mentee's
/// (their choice of cadence stands), from the cached users.info. Unknown zones fall back to the programme default
/// zone (<c>Pairs:DefaultTimeZone</c>, UTC if unset), logged once per person.
/// </summary>
public sealed class PairSchedule(UserDirectory people, ProgrammeSettingsStore settings, IConfiguration configuration, ILogger<PairSchedule> logger)
{
    private readonly ConcurrentDictionary<string, bool> _fallbackLogged = new();

    /// <summary>The person whose local time the cadence is read in (and who is prompted for the check-in).</summary>
    public static string PromptedPersonOf(Pair pair) => pair.MenteeId;

    public TimeZoneInfo DefaultZone =>
        TimeZones.FindOr(configuration["Pairs:DefaultTimeZone"], TimeZoneInfo.Utc);

    /// <summary>A person's own zone from the cached directory, or the programme default (logged once per person).</summary>
    public TimeZoneInfo ZoneOf(string userId)
    {
        var tz = people.Cached(userId)?.TimeZoneId;
        if (TimeZones.TryFind(tz, out var zone)) return zone;
        if (_fallbackLogged.TryAdd(userId, true))
            logger.LogInformation("No usable time zone for {UserId}; using the programme default {Zone}", userId, DefaultZone.Id);
        return DefaultZone;
    }

    public TimeZoneInfo ZoneOf(Pair pair) => ZoneOf(PromptedPersonOf(pair));

    /// <summary>The cadence that applies: the programme default while the pair has not chosen its own.</summary>
    public Cadence CadenceOf(Pair pair) => pair.CadenceIsDefault ? settings.Get().DefaultCadence : pair.Cadence;

    /// <summary>The first check-in strictly after <paramref name="afterUtc"/>; 2/4-weekly cadences count weeks from the pair's start.</summary>
    public DateTimeOffset? NextAfter(Pair pair, DateTimeOffset afterUtc) =>
        CadencePlanner.NextAfter(CadenceOf(pair), ZoneOf(pair), pair.StartedAt, afterUtc);

    /// <summary>The first check-in at or after <paramref name="fromUtc"/> (a resume at that instant).</summary>
    public DateTimeOffset? FirstFrom(Pair pair, DateTimeOffset fromUtc) =>
        CadencePlanner.FirstFrom(CadenceOf(pair), ZoneOf(pair), pair.StartedAt, fromUtc);
}
