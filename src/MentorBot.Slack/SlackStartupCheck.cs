using MentorBot.Slack.Api;
using MentorBot.Slack.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack;

/// <summary>Calls auth.test once at start to learn the bot's user id; a rejected token stops the app.</summary>
public sealed class SlackStartupCheck(SlackApiClient slack, SlackIdentity identity, ILogger<SlackStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            var me = await slack.AuthTestAsync(ct);
            identity.BotUserId = me.UserId;
            identity.BotId = me.BotId;
            identity.TeamId = me.TeamId;
            logger.LogInformation("Connected to Slack as bot user {BotUserId} in team {TeamId}", me.UserId, me.TeamId);
        }
        catch (SlackApiException ex) when (ex.IsAuthFailure)
        {
            throw new InvalidOperationException($"Slack rejected the bot token ({ex.Error}). Check SLACK_BOT_TOKEN.", ex);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not reach Slack's auth.test at start ({Error}); carrying on", ex.Error);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
