using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>
/// member_joined_channel: a newcomer to the programme channel gets one welcome DM with the Join buttons. Joins anywhere
/// else are ignored — nobody outside the programme channel is messaged unprompted.
/// </summary>
public sealed class ProgrammeChannelJoins(
    ProgrammeSettingsStore settings, AdminState state, SignUpStore signUps, UserDirectory people, SlackApiClient slack, TimeProvider time,
    ILogger<ProgrammeChannelJoins> logger) : ISlackEventHandler
{
    public async Task HandleAsync(EventCallback callback, CancellationToken ct)
    {
        var s = settings.Get();
        if (s.ChannelId is not { } channelId || callback.Field("channel") != channelId) return;
        if (callback.UserId is not { Length: > 0 } userId || signUps.Of(userId).Count > 0) return;
        if (await people.GetAsync(userId, ct) is null or { IsBot: true } or { IsDeactivated: true }) return;
        // Claimed before sending, so a redelivered or repeated join never welcomes twice; released if the DM failed.
        if (!state.TryClaim(AdminState.Welcomed(userId), time.GetUtcNow())) return;
        try
        {
            var (text, blocks) = SignUpMessages.Welcome(s, channelId);
            await slack.SendDmAsync(userId, text, blocks, ct);
            logger.LogInformation("Welcomed {UserId} to the programme channel", userId);
        }
        catch (SlackApiException ex) when (!ex.IsPermanent)
        {
            state.Release(AdminState.Welcomed(userId));
            throw;
        }
    }
}

/// <summary>app_uninstalled / tokens_revoked: say once, clearly, that MentorBot can no longer send anything.</summary>
public sealed class AppStopped(SlackApiClient slack, ILogger<AppStopped> logger) : ISlackEventHandler
{
    public Task HandleAsync(EventCallback callback, CancellationToken ct)
    {
        // tokens_revoked also arrives when only people's user tokens go; MentorBot sends with the bot token alone.
        if (callback.EventType == "tokens_revoked" && !BotTokenRevoked(callback)) return Task.CompletedTask;
        if (slack.StopSending(callback.EventType))
            logger.LogCritical("Slack sent {EventType}: MentorBot stopped sending. Reinstall the app (or issue a new token) and restart to resume", callback.EventType);
        return Task.CompletedTask;
    }

    private static bool BotTokenRevoked(EventCallback callback) =>
        callback.Event.ValueKind == System.Text.Json.JsonValueKind.Object
        && callback.Event.TryGetProperty("tokens", out var tokens) && tokens.ValueKind == System.Text.Json.JsonValueKind.Object
        && tokens.TryGetProperty("bot", out var bot) && bot.ValueKind == System.Text.Json.JsonValueKind.Array && bot.GetArrayLength() > 0;
}
