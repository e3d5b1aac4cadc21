using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MentorBot.Tests.Support;

/// <summary>
/// What a person would read in what the bot sent, for assertions: JSON's HTML-safe \u escapes undone, so "&lt;@U1&gt;"
/// and emoji read as Slack gets them. One reader for every feature's tests.
/// </summary>
public static class Readable
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every string value in <paramref name="node"/> (text, blocks, view), one per line, without the JSON around them.</summary>
    public static string Strings(JsonNode? node) => string.Join("\n", StringsOf(node));

    /// <summary>The JSON itself with nothing escaped that need not be (keys kept: good for "contains this button").</summary>
    public static string Json(JsonNode? node) => node?.ToJsonString(Relaxed) ?? "";

    /// <summary>A JSON text with its escapes undone.</summary>
    public static string Unescaped(string json) => Regex.Unescape(json);

    private static IEnumerable<string> StringsOf(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => StringsOf(p.Value)),
        JsonArray a => a.SelectMany(StringsOf),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
