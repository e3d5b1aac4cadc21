using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>How goal answers reach people after the ack, and how goal forms are opened without missing Slack's 3 s.</summary>
public static class GoalReplies
{
    /// <summary>How long views.open may take before the ack goes out anyway (Slack allows 3 s for the whole answer).</summary>
    public static readonly TimeSpan OpenBudget = TimeSpan.FromSeconds(2);

    /// <summary>Answers in place through the response_url when Slack gave one, else by DM (App Home clicks have none).</summary>
    public static Task TellAsync(SlackApiClient slack, string userId, string? responseUrl, string text, JsonArray? blocks, CancellationToken ct,
        bool replaceOriginal = false)
    {
        if (responseUrl is null) return slack.SendDmAsync(userId, text, blocks, ct);
        var message = replaceOriginal ? SlackMessages.ReplaceOriginal(text, blocks) : SlackMessages.Ephemeral(text, blocks);
        return slack.RespondAsync(responseUrl, message, ct);
    }

    /// <summary>
    /// Opens a form before acking (its trigger_id expires in about 3 s). If Slack is slow the ack goes out after
    /// <see cref="OpenBudget"/> and the call finishes behind it; if opening fails, the person is told how else to do it.
    /// </summary>
    public static async Task<SlackAck> OpenFormAsync(SlackApiClient slack, ILogger logger, string userId, string? triggerId, JsonObject view,
        string? responseUrl, string unavailable, bool ackCarriesText)
    {
        SlackAck Unavailable() => ackCarriesText
            ? SlackAck.Ephemeral(unavailable)
            : SlackAck.Empty.Then(ct => TellAsync(slack, userId, responseUrl, unavailable, null, ct));

        if (string.IsNullOrEmpty(triggerId)) return Unavailable();
        // Not the request's token: a slow open must be able to finish after the ack.
        var open = slack.OpenViewAsync(triggerId, view, CancellationToken.None);
        try
        {
            await open.WaitAsync(OpenBudget);
            return SlackAck.Empty;
        }
        catch (TimeoutException)
        {
            return SlackAck.Empty.Then(async ct =>
            {
                try
                {
                    await open;
                }
                catch (SlackApiException ex)
                {
                    logger.LogWarning("Could not open a goal form for {UserId}: {Error}", userId, ex.Error);
                    await TellAsync(slack, userId, responseUrl, unavailable, null, ct);
                }
            });
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not open a goal form for {UserId}: {Error}", userId, ex.Error);
            return Unavailable();
        }
    }
}
