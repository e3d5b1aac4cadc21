using MentorBot.Slack.Payloads;

namespace MentorBot.Slack.Routing;

// The only handler shapes. Handlers are singletons; their answer must be ready well inside 3 seconds.

public interface ISlashCommandHandler
{
    Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct);
}

public interface IBlockActionHandler
{
    Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct);
}

public interface IViewSubmissionHandler
{
    Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct);
}

/// <summary>Events are acknowledged before the handler runs, so an event handler returns no answer.</summary>
public interface ISlackEventHandler
{
    Task HandleAsync(EventCallback callback, CancellationToken ct);
}

/// <summary>Remembers which deliveries were handled, so a redelivered event has one effect.</summary>
public interface ISlackDeliveryLog
{
    /// <summary>True the first time a key is seen; false for every later delivery with the same key.</summary>
    bool TryClaim(string key);
}
