namespace MentorBot.Slack.BlockKit;

/// <summary>Text that users typed, made safe and short enough for Slack. https://docs.slack.dev/messaging/formatting-message-text</summary>
public static class Mrkdwn
{
    /// <summary>Escapes the three control characters, so "&lt;!channel&gt;" or "&lt;@U1&gt;" can never ping anyone.</summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? "" : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string User(string userId) => $"<@{userId}>";

    public static string Channel(string channelId) => $"<#{channelId}>";

    /// <summary>A date Slack renders in the reader's own time zone.</summary>
    public static string Date(DateTimeOffset instant, string format = "{date_short_pretty} at {time}") =>
        $"<!date^{instant.ToUnixTimeSeconds()}^{format}|{instant.UtcDateTime:yyyy-MM-dd HH:mm} UTC>";

    /// <summary>Cuts text to at most <paramref name="max"/> characters, ending in "…", never inside a surrogate pair.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    /// <summary>Splits long text into chunks of at most <paramref name="max"/> characters, preferring line breaks.</summary>
    public static IEnumerable<string> Chunk(string text, int max)
    {
        var rest = text;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2) cut = rest.LastIndexOf(' ', max - 1);
            if (cut < max / 2) cut = char.IsHighSurrogate(rest[max - 1]) ? max - 1 : max;
            yield return rest[..cut];
            rest = rest[cut..].TrimStart('\n', ' ');
        }
        if (rest.Length > 0) yield return rest;
    }
}
