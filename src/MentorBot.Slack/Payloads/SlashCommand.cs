namespace MentorBot.Slack.Payloads;

/// <summary>A slash command, with the fields MentorBot reads. https://docs.slack.dev/interactivity/implementing-slash-commands</summary>
public sealed record SlashCommand
{
    public string Command { get; init; } = "";
    public string Text { get; init; } = "";
    public string UserId { get; init; } = "";
    public string? UserName { get; init; }
    public string? ChannelId { get; init; }
    public string? ChannelName { get; init; }
    public string? TeamId { get; init; }
    public string? ResponseUrl { get; init; }
    public string? TriggerId { get; init; }
    public string? ApiAppId { get; init; }
}
