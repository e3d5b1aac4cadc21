namespace MentorBot.Slack.Api;

/// <summary>The part of <c>users.info</c> MentorBot reads. https://docs.slack.dev/reference/methods/users.info</summary>
public sealed record SlackUser
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public string? RealName { get; init; }
    public string? Tz { get; init; }
    public bool IsAdmin { get; init; }
    public bool IsOwner { get; init; }
    public bool IsPrimaryOwner { get; init; }
    public bool Deleted { get; init; }
    public bool IsBot { get; init; }
    public bool IsAppUser { get; init; }
    public SlackUserProfile? Profile { get; init; }

    public string DisplayName =>
        Profile?.DisplayName is { Length: > 0 } display ? display : RealName ?? Name ?? Id;
}

public sealed record SlackUserProfile
{
    public string? DisplayName { get; init; }
    public string? RealName { get; init; }
}

public sealed record AuthTestResult(string UserId, string? BotId, string? TeamId, string? Team);

public sealed record PostedMessage(string Channel, string Ts);
