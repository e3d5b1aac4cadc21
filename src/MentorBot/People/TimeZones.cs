namespace MentorBot.People;

/// <summary>IANA time zones from Slack, with a fallback for missing or unknown ids.</summary>
public static class TimeZones
{
    public static bool TryFind(string? ianaId, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(ianaId)) return false;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(ianaId);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>The zone with this id, or <paramref name="fallback"/> when it is missing or unknown.</summary>
    public static TimeZoneInfo FindOr(string? ianaId, TimeZoneInfo fallback) => TryFind(ianaId, out var zone) ? zone : fallback;
}
