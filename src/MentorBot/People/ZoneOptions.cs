namespace MentorBot.People;

/// <summary>Section <c>Pairs</c>: the zone for people whose Slack zone is unknown (an IANA id; UTC when unset or unknown).</summary>
public sealed class ZoneOptions
{
    public const string Section = "Pairs";

    public string? DefaultTimeZone { get; set; }
}
