using System.Text.Json.Nodes;

namespace MentorBot.Slack.Api;

/// <summary>Message bodies for response_url and chat.* calls. Always carries a fallback <c>text</c>.</summary>
public static class SlackMessages
{
    public static JsonObject Ephemeral(string text, JsonArray? blocks = null) => With("ephemeral", text, blocks);

    public static JsonObject InChannel(string text, JsonArray? blocks = null) => With("in_channel", text, blocks);

    /// <summary>Replaces the message an interaction came from (response_url only).</summary>
    public static JsonObject ReplaceOriginal(string text, JsonArray? blocks = null)
    {
        var message = new JsonObject { ["replace_original"] = true, ["text"] = text };
        if (blocks is not null) message["blocks"] = blocks;
        return message;
    }

    private static JsonObject With(string responseType, string text, JsonArray? blocks)
    {
        var message = new JsonObject { ["response_type"] = responseType, ["text"] = text };
        if (blocks is not null) message["blocks"] = blocks;
        return message;
    }
}
