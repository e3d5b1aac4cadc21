using System.Text.Json.Nodes;
using MentorBot.Slack.Api;

namespace MentorBot.Features.Pairs;

/// <summary>Sends a DM and logs (never throws) when Slack refuses: one unreachable person must not undo a pair.</summary>
public sealed class PairDms(SlackApiClient slack, ILogger<PairDms> logger)
{
    public async Task<PostedMessage?> TrySendAsync(string userId, string text, JsonArray? blocks, CancellationToken ct)
    {
        if (userId == PairText.ForgottenId) return null;
        try
        {
            return await slack.SendDmAsync(userId, text, blocks, ct);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not DM {UserId}: {Error}", userId, ex.Error);
            return null;
        }
    }
}
