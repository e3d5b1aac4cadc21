using System.Text.Json.Nodes;
using MentorBot.Slack.Api;

namespace MentorBot.Features.Goals;

/// <summary>Answers after the ack: in place through the response_url when Slack gave one, else by DM (App Home has none).</summary>
public static class GoalReplies
{
    public static Task TellAsync(SlackApiClient slack, string userId, string? responseUrl, string text, JsonArray? blocks, CancellationToken ct,
        bool replaceOriginal = false)
    {
        if (responseUrl is null) return slack.SendDmAsync(userId, text, blocks, ct);
        var message = replaceOriginal ? SlackMessages.ReplaceOriginal(text, blocks) : SlackMessages.Ephemeral(text, blocks);
        return slack.RespondAsync(responseUrl, message, ct);
    }
}
