using LiteDB;

namespace MentorBot.People;

/// <summary>What MentorBot remembers of a Slack user (from users.info), refreshed daily.</summary>
public sealed record Person
{
    [BsonId] public string Id { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string? TimeZoneId { get; init; }
    public bool IsWorkspaceAdmin { get; init; }
    public bool IsDeactivated { get; init; }
    public bool IsBot { get; init; }

    /// <summary>From the Slack profile field named in People:DepartmentField, when a workspace has one.</summary>
    public string? Department { get; init; }

    /// <summary>The manager's user id, from the profile field named in People:ManagerField, when a workspace has one.</summary>
    public string? ManagerId { get; init; }
    public DateTimeOffset FetchedAt { get; init; }
}
