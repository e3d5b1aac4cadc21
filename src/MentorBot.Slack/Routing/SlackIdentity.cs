namespace MentorBot.Slack.Routing;

/// <summary>Who the bot is, learned from <c>auth.test</c> at start (used to ignore the bot's own events).</summary>
public sealed class SlackIdentity
{
    public string? BotUserId { get; set; }
    public string? BotId { get; set; }
    public string? TeamId { get; set; }
}
