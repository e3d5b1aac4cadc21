using System.Text.Json.Nodes;

namespace MentorBot.Tests.Support;

/// <summary>Buttons as a person sees them on a message, modal or Home the bot sent (one reader for every feature's tests).</summary>
public static class Buttons
{
    /// <summary>Every button anywhere in <paramref name="node"/> (actions blocks, accessories), in the order shown.</summary>
    public static IEnumerable<JsonObject> In(JsonNode? node) => node switch
    {
        JsonObject o when o["type"]?.ToString() == "button" => [o],
        JsonObject o => o.SelectMany(p => In(p.Value)),
        JsonArray a => a.SelectMany(In),
        _ => [],
    };

    /// <summary>The value of the button with <paramref name="actionId"/> in a posted message; null when it has none.</summary>
    public static string? ValueOf(SlackCall call, string actionId) =>
        In(call.Args["blocks"]).FirstOrDefault(b => b["action_id"]?.ToString() == actionId)?["value"]?.ToString();
}
