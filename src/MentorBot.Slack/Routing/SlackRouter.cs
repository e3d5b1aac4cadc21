using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.Payloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.Routing;

/// <summary>
/// The single dispatcher both transports feed. Events are acked first and handled after (deduplicated by
/// event_id); commands, actions and view submissions return their handler's answer.
/// </summary>
public sealed class SlackRouter(
    SlackRouteTable routes,
    IServiceProvider services,
    ISlackDeliveryLog deliveries,
    SlackIdentity identity,
    SlackApiClient slack,
    SlackReplies replies,
    ILogger<SlackRouter> logger)
{
    public const string SorryText = "Sorry, something went wrong on my side. Please try again in a moment.";

    /// <summary>For a click on a button no route handles any more (an old message, a retired feature).</summary>
    public const string RetiredButtonText = "That button doesn't do anything any more. Try `/mentor help` to see what I can do.";

    /// <summary>How long a handler may take before Slack is acknowledged without it (Slack allows 3 s in all).</summary>
    public static readonly TimeSpan AckDeadline = TimeSpan.FromMilliseconds(2500);

    /// <summary>
    /// <see cref="DispatchAsync"/>, but never past <see cref="AckDeadline"/>: a handler still busy then (a slow Slack
    /// under a users.info lookup, say) is acknowledged empty, and its answer follows through response_url when it is
    /// ready. The deadline runs on the wall clock on purpose: Slack's 3 s are real seconds, whatever the app's clock says.
    /// </summary>
    public async Task<SlackAck> DispatchInTimeAsync(SlackRequest request, CancellationToken ct)
    {
        var work = DispatchAsync(request, ct);
        if (work.IsCompleted) return await work; // most answers are ready at once: no timer for them
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (await Task.WhenAny(work, Task.Delay(AckDeadline, timer.Token)) == work)
        {
            await timer.CancelAsync();
            return await work;
        }
        var what = request.GetString("command") ?? request.GetString("type") ?? request.Kind.ToString();
        logger.LogWarning("{What} was still being handled after {Deadline} ms; acknowledged Slack first, the answer follows",
            what, AckDeadline.TotalMilliseconds);
        var responseUrl = request.GetString("response_url");
        return SlackAck.Empty.Then(async followUpCt => await replies.AnswerLateAsync(responseUrl, await work, what, followUpCt));
    }

    /// <summary>Traces each answer to Slack as an activity named <see cref="AckActivity"/> (what runs before the ack).</summary>
    public static readonly System.Diagnostics.ActivitySource Activities = new("MentorBot.Slack");

    public const string AckActivity = "slack.ack";

    /// <summary>What runs after the ack for a request (its follow-up), traced under this name.</summary>
    public const string FollowUpActivity = "slack.followup";

    public async Task<SlackAck> DispatchAsync(SlackRequest request, CancellationToken ct)
    {
        using var activity = Activities.StartActivity(AckActivity);
        try
        {
            return request.Kind switch
            {
                SlackRequestKind.Command => await CommandAsync(SlackJson.Deserialize<SlashCommand>(request.Payload), ct),
                SlackRequestKind.Interaction => await InteractionAsync(request, ct),
                _ => Event(SlackJson.Deserialize<EventCallback>(request.Payload)),
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            logger.LogWarning("Dropped a {Kind} payload that did not parse: {Error}", request.Kind, ex.Message);
            return SlackAck.Empty;
        }
    }

    private async Task<SlackAck> CommandAsync(SlashCommand command, CancellationToken ct)
    {
        // Slack always says who acted; without it a handler would act for user "" (and store things for nobody).
        if (string.IsNullOrEmpty(command.UserId))
        {
            logger.LogWarning("Dropped a {Command} command without user_id", command.Command);
            return SlackAck.Empty;
        }
        if (routes.FindCommand(command.Command) is not { } type)
        {
            logger.LogWarning("No handler for command {Command}", command.Command);
            return SlackAck.Ephemeral($"I don't know the command {command.Command}. Try `/mentor help` to see what I can do.");
        }
        try
        {
            return await Resolve<ISlashCommandHandler>(type).HandleAsync(command, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Command {Command} failed for {UserId}", command.Command, command.UserId);
            return SlackAck.Ephemeral(SorryText);
        }
    }

    private async Task<SlackAck> InteractionAsync(SlackRequest request, CancellationToken ct)
    {
        var type = request.GetString("type");
        switch (type)
        {
            case "block_actions":
                var actions = SlackJson.Deserialize<BlockActions>(request.Payload);
                if (string.IsNullOrEmpty(actions.User?.Id)) return WithoutUser(type);
                var actionId = actions.Action.ActionId ?? "";
                if (routes.FindAction(actionId) is not { } actionHandler)
                {
                    logger.LogWarning("No handler for action {ActionId}", actionId);
                    // Tell the clicker rather than leave them waiting; the message itself stays as it was.
                    return actions.ResponseUrl is { Length: > 0 } url
                        ? SlackAck.Empty.Then(ct => slack.RespondAsync(url, RetiredButton(), ct))
                        : SlackAck.Empty;
                }
                return await Guard(() => Resolve<IBlockActionHandler>(actionHandler).HandleAsync(actions, ct), "action", actionId, actions.User.Id);

            case "view_submission":
                var submission = SlackJson.Deserialize<ViewSubmission>(request.Payload);
                if (string.IsNullOrEmpty(submission.User?.Id)) return WithoutUser(type);
                var callbackId = submission.View.CallbackId ?? "";
                if (routes.FindView(callbackId) is not { } viewHandler)
                {
                    logger.LogWarning("No handler for view {CallbackId}", callbackId);
                    return SlackAck.Empty;
                }
                return await Guard(() => Resolve<IViewSubmissionHandler>(viewHandler).HandleAsync(submission, ct), "view", callbackId, submission.User.Id);

            default:
                logger.LogInformation("Ignored interaction of type {Type}", type);
                return SlackAck.Empty;
        }
    }

    private SlackAck Event(EventCallback callback)
    {
        if (callback.Type != "event_callback")
        {
            logger.LogInformation("Ignored Events API body of type {Type}", callback.Type);
            return SlackAck.Empty;
        }
        if (routes.FindEvent(callback.EventType) is not { } type)
        {
            logger.LogDebug("No handler for event {EventType}", callback.EventType);
            return SlackAck.Empty;
        }
        if (IsFromThisBot(callback))
            return SlackAck.Empty;
        if (callback.EventId is { } eventId && !deliveries.TryClaim("event:" + eventId))
        {
            logger.LogInformation("Event {EventId} was already handled; acknowledged again without effect", eventId);
            return SlackAck.Empty;
        }
        var handler = Resolve<ISlackEventHandler>(type);
        return SlackAck.Empty.Then(ct => handler.HandleAsync(callback, ct));
    }

    private SlackAck WithoutUser(string? type)
    {
        logger.LogWarning("Dropped a {Type} payload without user.id", type);
        return SlackAck.Empty;
    }

    private static JsonObject RetiredButton()
    {
        var message = SlackMessages.Ephemeral(RetiredButtonText);
        message["replace_original"] = false;
        return message;
    }

    private bool IsFromThisBot(EventCallback callback) =>
        callback.Field("bot_id") is not null || (identity.BotUserId is { } bot && callback.UserId == bot);

    private async Task<SlackAck> Guard(Func<Task<SlackAck>> handle, string kind, string id, string userId)
    {
        try
        {
            return await handle();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The {Kind} handler for {Id} failed for {UserId}", kind, id, userId);
            return SlackAck.Empty;
        }
    }

    private T Resolve<T>(Type type) where T : class => (T)services.GetRequiredService(type);
}
