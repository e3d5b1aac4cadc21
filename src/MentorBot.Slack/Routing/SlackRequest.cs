using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace MentorBot.Slack.Routing;

public enum SlackRequestKind { Event, Command, Interaction }

/// <summary>
/// One inbound Slack request, the same whether it came over HTTP or Socket Mode.
/// <see cref="Payload"/> is the JSON object Slack sent (slash command fields are turned into one).
/// </summary>
public sealed record SlackRequest(SlackRequestKind Kind, JsonElement Payload, int RetryNum = 0, string? RetryReason = null)
{
    /// <summary>Parses a form body: interactivity (<c>payload=</c>) or a slash command. Null when it is neither.</summary>
    public static SlackRequest? FromForm(string body)
    {
        var form = QueryHelpers.ParseQuery(body);
        if (form.TryGetValue("payload", out var payload))
            return new SlackRequest(SlackRequestKind.Interaction, ParseObject(payload.ToString()));
        if (!form.ContainsKey("command")) return null;

        var fields = form.ToDictionary(f => f.Key, f => f.Value.ToString());
        return new SlackRequest(SlackRequestKind.Command, JsonSerializer.SerializeToElement(fields));
    }

    /// <summary>Parses an Events API body (already known not to be url_verification).</summary>
    public static SlackRequest FromEventJson(JsonElement body, int retryNum, string? retryReason) =>
        new(SlackRequestKind.Event, body, retryNum, retryReason);

    /// <summary>Parses a JSON object; throws <see cref="JsonException"/> for anything else.</summary>
    public static JsonElement ParseObject(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("Expected a JSON object.");
        return doc.RootElement.Clone();
    }

    public string? GetString(string name) =>
        Payload.ValueKind == JsonValueKind.Object && Payload.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;
}
