using System.Text.Json;

namespace MentorBot.Slack.Payloads;

/// <summary>An Events API envelope. https://docs.slack.dev/apis/events-api/#callback-field</summary>
public sealed record EventCallback
{
    public string Type { get; init; } = "";
    public string? EventId { get; init; }
    public long EventTime { get; init; }
    public string? TeamId { get; init; }
    public string? ApiAppId { get; init; }
    public JsonElement Event { get; init; }

    public string EventType => Field("type") ?? "";

    /// <summary>The user the inner event is about (for most events, a plain string field).</summary>
    public string? UserId => Field("user");

    public string? Field(string name) =>
        Event.ValueKind == JsonValueKind.Object && Event.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
}
