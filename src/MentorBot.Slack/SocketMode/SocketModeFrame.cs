using System.Text.Json;
using MentorBot.Slack.Routing;

namespace MentorBot.Slack.SocketMode;

public enum SocketFrameKind { Hello, Disconnect, Envelope, Other, Junk }

/// <summary>
/// One text frame from Slack's Socket Mode, read once. Envelopes carry a <see cref="SlackRequest"/> for the router
/// (null for envelope types the router does not know; those are still acked).
/// https://docs.slack.dev/apis/events-api/using-socket-mode
/// </summary>
public sealed record SocketModeFrame(
    SocketFrameKind Kind,
    string? Type = null,
    string? Reason = null,
    string? EnvelopeId = null,
    SlackRequest? Request = null,
    bool AcceptsResponsePayload = false)
{
    public static SocketModeFrame Parse(string text)
    {
        JsonElement json;
        try
        {
            json = SlackRequest.ParseObject(text);
        }
        catch (JsonException)
        {
            return new SocketModeFrame(SocketFrameKind.Junk);
        }

        var type = Str(json, "type");
        if (Str(json, "envelope_id") is { Length: > 0 } envelopeId)
        {
            var payload = json.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var retryAttempt = json.TryGetProperty("retry_attempt", out var r) && r.TryGetInt32(out var n) ? n : 0;
            SlackRequest? request = payload.ValueKind != JsonValueKind.Object ? null : type switch
            {
                "events_api" => SlackRequest.FromEventJson(payload, retryAttempt, Str(json, "retry_reason")),
                "slash_commands" => new SlackRequest(SlackRequestKind.Command, payload),
                "interactive" => new SlackRequest(SlackRequestKind.Interaction, payload),
                _ => null,
            };
            return new SocketModeFrame(SocketFrameKind.Envelope, type, EnvelopeId: envelopeId, Request: request,
                AcceptsResponsePayload: AcceptsPayload(json, type, request));
        }
        return type switch
        {
            "hello" => new SocketModeFrame(SocketFrameKind.Hello, type),
            "disconnect" => new SocketModeFrame(SocketFrameKind.Disconnect, type, Str(json, "reason") ?? ""),
            null => new SocketModeFrame(SocketFrameKind.Junk),
            _ => new SocketModeFrame(SocketFrameKind.Other, type),
        };
    }

    /// <summary>The ack frame: the envelope id, plus the handler's answer where Slack takes one.</summary>
    public string Ack(SlackAck ack)
    {
        var frame = new System.Text.Json.Nodes.JsonObject { ["envelope_id"] = EnvelopeId };
        if (AcceptsResponsePayload && ack.Body is not null) frame["payload"] = ack.Body.DeepClone();
        return frame.ToJsonString(SlackJson.Options);
    }

    // Slack says per envelope; when it does not, slash commands and view submissions take a payload.
    private static bool AcceptsPayload(JsonElement json, string? type, SlackRequest? request) =>
        json.TryGetProperty("accepts_response_payload", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? a.GetBoolean()
            : type == "slash_commands" || request?.GetString("type") is "view_submission" or "block_suggestion";

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
