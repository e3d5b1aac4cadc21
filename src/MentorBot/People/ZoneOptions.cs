namespace MentorBot.People;

/// <summary>Section <c>Pairs</c>: the zone for people whose Slack zone is unknown (an IANA id; UTC when unset or unknown).</summary>
public sealed class ZoneOptions
{
    public const string Section = "Pairs";

    public string? DefaultTimeZone { get; set; }
}

/// <summary>
/// Which custom Slack profile fields hold a person's department and manager (section People; field ids like "Xf01AB2C3D4"),
/// for the matcher's "different departments" bonus and "not with their manager" rule. Unset: neither is read.
/// </summary>
public sealed class ProfileFieldOptions
{
    public const string Section = "People";

    public string? DepartmentField { get; set; }
    public string? ManagerField { get; set; }
}
