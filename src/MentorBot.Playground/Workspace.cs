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

    /// <summary>"Add a sample programme": 12 mentees and 5 mentors who sign up (through the real Join form) with these topics.</summary>
    public static readonly IReadOnlyList<(PlaygroundPerson Person, string Topics, int Capacity)> Sample =
    [
        (new("USAMIRA", "Samira Haddad", "Mentee (sample)", "Europe/Amsterdam"), "public speaking, negotiation", 0),
        (new("UJONAS", "Jonas Berg", "Mentee (sample)", "Europe/Stockholm"), "Kubernetes, on-call", 0),
        (new("UAMARA", "Amara Obi", "Mentee (sample)", "Africa/Lagos"), "leading a team, hiring", 0),
        (new("ULUCAS", "Lucas Martin", "Mentee (sample)", "Europe/Paris"), "product discovery, user research", 0),
        (new("UMEI", "Mei Chen", "Mentee (sample)", "Asia/Singapore"), "Kubernetes, career growth", 0),
        (new("UDIEGO", "Diego Alvarez", "Mentee (sample)", "America/Mexico_City"), "public speaking, writing", 0),
        (new("UFATIMA", "Fatima Zahra", "Mentee (sample)", "Europe/London"), "leading teams, giving feedback", 0),
        (new("UNOAH", "Noah Williams", "Mentee (sample)", "America/New_York"), "negotiation, sales", 0),
        (new("UANIKA", "Anika Müller", "Mentee (sample)", "Europe/Berlin"), "Négociation, pricing", 0),
        (new("URAVI", "Ravi Kumar", "Mentee (sample)", "Asia/Kolkata"), "Kubernetes, observability", 0),
        (new("UELLA", "Ella Jansen", "Mentee (sample)", "Europe/Amsterdam"), "user research, writing", 0),
        (new("UOSCAR", "Oscar Lindqvist", "Mentee (sample)", "Pacific/Auckland"), "career growth", 0),
        (new("UGRACE", "Grace Mensah", "Mentor (sample)", "Europe/London"), "public speaking, negotiation, sales", 3),
        (new("UHIRO", "Hiro Tanaka", "Mentor (sample)", "Asia/Tokyo"), "Kubernetes, observability, on-call", 2),
        (new("UINES", "Inês Costa", "Mentor (sample)", "Europe/Lisbon"), "leading a team, hiring, giving feedback", 3),
        (new("UMARK", "Mark Evans", "Mentor (sample)", "America/Chicago"), "product discovery, user research, writing", 2),
        (new("USOFIA", "Sofia Rossi", "Mentor (sample)", "Europe/Rome"), "career growth, Kubernetes", 1),
    ];

    public static IEnumerable<PlaygroundPerson> Everyone => People.Concat(Sample.Select(s => s.Person));

    public static PlaygroundPerson? Find(string? id) => id == BotUserId ? Bot : Everyone.FirstOrDefault(p => p.Id == id);
}
