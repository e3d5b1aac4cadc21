using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.Payloads;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.Routing;

/// <summary>
/// Who to answer, privately, and where: the person who clicked or typed a command. Built from the payload, so the
/// answer goes back where the action came from (a message, a modal, the App Home, a slash command).
/// </summary>
public sealed record ReplyTarget(string UserId, string? ResponseUrl, string? ChannelId, bool IsCommand)
{
    public static ReplyTarget Of(BlockActions actions) =>
        new(actions.User.Id, actions.ResponseUrl, actions.Channel?.Id ?? actions.Container?.ChannelId, IsCommand: false);

    public static ReplyTarget Of(SlashCommand command) => new(command.UserId, command.ResponseUrl, command.ChannelId, IsCommand: true);

    /// <summary>A modal's submitter, answered through the response_url of the command that opened the modal (none: a DM).</summary>
    public static ReplyTarget Of(ViewSubmission submission, string? responseUrl) => new(submission.User.Id, responseUrl, null, IsCommand: false);
}

/// <summary>
/// The Slack conventions features use instead of calling the Web API for themselves: one way to tell the person who
/// acted, and one way to open a modal inside the trigger's 3-second life.
/// </summary>
public sealed class SlackReplies(SlackApiClient slack, ILogger<SlackReplies> logger)
{
    /// <summary>How long views.open may take before the ack goes out anyway (Slack allows 3 s for the whole answer).</summary>
    public static readonly TimeSpan OpenBudget = TimeSpan.FromSeconds(2);

    public const string ExpiredTrigger = "That took a moment too long, so Slack closed the form before it opened.";

    /// <summary>
    /// A private answer to the person who acted. A slash command gets it as the ack itself; a click gets it after the
    /// ack: through response_url (messages), as an ephemeral in the channel, or as a DM (the App Home has neither).
    /// </summary>
    public SlackAck Tell(ReplyTarget to, string text, JsonArray? blocks = null) =>
        to.IsCommand ? SlackAck.Ephemeral(text, blocks) : SlackAck.Empty.Then(ct => TellAsync(to, text, blocks, ct));

    /// <summary>The same private answer from inside a follow-up (after the ack).</summary>
    public Task TellAsync(ReplyTarget to, string text, CancellationToken ct) => TellAsync(to, text, null, ct);

    /// <summary>The same private answer from inside a follow-up (after the ack).</summary>
    public Task TellAsync(ReplyTarget to, string text, JsonArray? blocks, CancellationToken ct)
    {
        if (to.ResponseUrl is { Length: > 0 } url)
        {
            var body = SlackMessages.Ephemeral(text, blocks);
            body["replace_original"] = false; // an answer next to the message, never instead of it
            return slack.RespondAsync(url, body, ct);
        }
        if (!to.IsCommand && to.ChannelId is { Length: > 0 } channel) return slack.PostEphemeralAsync(channel, to.UserId, text, blocks, ct);
        return slack.SendDmAsync(to.UserId, text, blocks, ct);
    }

    /// <summary>Replaces the message the click came from (response_url), or answers privately when there is none.</summary>
    public Task ReplaceAsync(ReplyTarget to, string text, JsonArray? blocks, CancellationToken ct) =>
        to.ResponseUrl is { Length: > 0 } url
            ? slack.RespondAsync(url, SlackMessages.ReplaceOriginal(text, blocks), ct)
            : TellAsync(to, text, blocks, ct);

    /// <summary>
    /// An answer computed after Slack was already acknowledged: its message goes through the response_url, then its
    /// follow-up runs. A modal's answer (errors, update) has nowhere to go then, and is logged.
    /// </summary>
    public async Task AnswerLateAsync(string? responseUrl, SlackAck late, string what, CancellationToken ct)
    {
        if (late.Body is { } body)
        {
            if (responseUrl is { Length: > 0 } && body["response_type"] is not null) await slack.RespondAsync(responseUrl, body, ct);
            else logger.LogWarning("The late answer to {What} could not be shown: Slack had already been acknowledged", what);
        }
        if (late.FollowUp is { } next) await next(ct);
    }

    /// <summary>
    /// Opens a modal before the ack (the trigger expires in about 3 s). If Slack is slow, the ack goes out after
    /// <see cref="OpenBudget"/> and the call finishes behind it. If the trigger expired or Slack refuses, the person is
    /// told, kindly, what to do instead (<paramref name="unavailable"/>), and the log says why.
    /// </summary>
    public async Task<SlackAck> OpenModalAsync(ReplyTarget from, string? triggerId, JsonObject view, string unavailable)
    {
        if (string.IsNullOrEmpty(triggerId)) return Tell(from, unavailable);
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
                    await TellAsync(from, Failed(from, view, ex, unavailable), null, ct);
                }
            });
        }
        catch (SlackApiException ex)
        {
            return Tell(from, Failed(from, view, ex, unavailable));
        }
    }

    private string Failed(ReplyTarget from, JsonObject view, SlackApiException ex, string unavailable)
    {
        var callbackId = view["callback_id"]?.ToString();
        if (ex.Error is "expired_trigger_id" or "exchanged_trigger_id")
        {
            logger.LogWarning("Modal {CallbackId} for {UserId} not opened: the trigger expired before views.open ({Error})", callbackId, from.UserId, ex.Error);
            return ExpiredTrigger + " " + unavailable;
        }
        logger.LogWarning("Modal {CallbackId} for {UserId} not opened: {Error}", callbackId, from.UserId, ex.Error);
        return unavailable;
    }
}
