using System.Text.Json.Nodes;

namespace MentorBot.Slack.Routing;

/// <summary>
/// What to answer Slack within its 3 seconds (<see cref="Body"/>, empty when null) and optional work to run after.
/// https://docs.slack.dev/interactivity/handling-user-interaction#acknowledgment_response
/// </summary>
public sealed class SlackAck
{
    public static readonly SlackAck Empty = new(null, null);

    private SlackAck(JsonObject? body, Func<CancellationToken, Task>? followUp)
    {
        Body = body;
        FollowUp = followUp;
    }

    public JsonObject? Body { get; }

    /// <summary>Runs after the ack is sent; anything that calls Slack (but <c>views.open</c>) belongs here.</summary>
    public Func<CancellationToken, Task>? FollowUp { get; }

    public static SlackAck Ephemeral(string text, JsonArray? blocks = null) => new(Message("ephemeral", text, blocks), null);

    public static SlackAck InChannel(string text, JsonArray? blocks = null) => new(Message("in_channel", text, blocks), null);

    /// <summary>Keeps a modal open with a message under each named input block.</summary>
    public static SlackAck ViewErrors(IReadOnlyDictionary<string, string> errorsByBlockId)
    {
        var errors = new JsonObject();
        foreach (var (blockId, message) in errorsByBlockId) errors[blockId] = message;
        return new(new JsonObject { ["response_action"] = "errors", ["errors"] = errors }, null);
    }

    /// <summary>Keeps a modal open with one message under the input block <paramref name="blockId"/>.</summary>
    public static SlackAck ViewError(string blockId, string message) => ViewErrors(new Dictionary<string, string> { [blockId] = message });

    public static SlackAck ViewUpdate(JsonObject view) => new(new JsonObject { ["response_action"] = "update", ["view"] = view }, null);

    public static SlackAck ViewPush(JsonObject view) => new(new JsonObject { ["response_action"] = "push", ["view"] = view }, null);

    public static SlackAck ViewClear() => new(new JsonObject { ["response_action"] = "clear" }, null);

    /// <summary>The same answer, plus work to run after it (chained after any earlier follow-up).</summary>
    public SlackAck Then(Func<CancellationToken, Task> work)
    {
        var earlier = FollowUp;
        return new SlackAck(Body, earlier is null ? work : async ct => { await earlier(ct); await work(ct); });
    }

    public bool IsEmpty => Body is null;

    public string? Text => Body?["text"]?.GetValue<string>();

    private static JsonObject Message(string responseType, string text, JsonArray? blocks)
    {
        var body = new JsonObject { ["response_type"] = responseType, ["text"] = text };
        if (blocks is not null) body["blocks"] = blocks;
        return body;
    }
}
