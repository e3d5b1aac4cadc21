using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MentorBot.Slack;

/// <summary>The one set of JSON options for everything that crosses the wire to or from Slack.</summary>
public static class SlackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        // Slack reads JSON, not HTML: keep emoji and '<' as they are on the wire.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static T Deserialize<T>(JsonElement element) =>
        element.Deserialize<T>(Options) ?? throw new JsonException($"Empty {typeof(T).Name} payload.");

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
