using System.Text.Json.Nodes;

namespace MentorBot.Playground;

/// <summary>A person in the fictional workspace; <see cref="Role"/> is only a label on the page.</summary>
public sealed record PlaygroundPerson(string Id, string Name, string Role, string TimeZone, bool IsAdmin = false)
{
    public string DmChannel => "D" + Id;

    /// <summary>The users.info shape MentorBot reads.</summary>
    public JsonObject ToSlackUser() => new()
    {
        ["id"] = Id, ["team_id"] = Workspace.TeamId, ["name"] = Name.Split(' ')[0].ToLowerInvariant(), ["real_name"] = Name,
        ["tz"] = TimeZone, ["is_admin"] = IsAdmin, ["is_owner"] = false, ["deleted"] = false, ["is_bot"] = Id == Workspace.BotUserId,
        ["profile"] = new JsonObject { ["display_name"] = Name.Split(' ')[0], ["real_name"] = Name },
    };
}

/// <summary>The seeded fictional workspace: an admin, two mentors, two mentees in different time zones, and one channel.</summary>
public static class Workspace
{
    public const string TeamId = "TPLAY";
    public const string BotUserId = "UMENTORBOT";
    public const string ChannelId = "CMENTORING";
    public const string ChannelName = "mentoring";

    public static readonly IReadOnlyList<PlaygroundPerson> People =
    [
        new("UADA", "Ada Okafor", "Programme admin", "Africa/Lagos", IsAdmin: true),
        new("UPRIYA", "Priya Raman", "Mentor", "America/New_York"),
        new("UTOMAS", "Tomás Silva", "Mentor", "Europe/Lisbon"),
        new("UKENJI", "Kenji Sato", "Mentee", "Asia/Tokyo"),
        new("ULENA", "Lena Fischer", "Mentee", "Europe/Berlin"),
    ];

    public static readonly PlaygroundPerson Bot = new(BotUserId, "MentorBot", "App", "UTC");

    public static PlaygroundPerson? Find(string? id) => id == BotUserId ? Bot : People.FirstOrDefault(p => p.Id == id);
}
