namespace MentorBot.Programme;

/// <summary>Programme admins named in configuration (<c>Slack:AdminUserIds</c>), on top of workspace admins and owners.</summary>
public sealed class AdminOptions
{
    public string[] AdminUserIds { get; set; } = [];
}
