using System.Text;
using System.Text.RegularExpressions;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Feedback;

/// <summary>Pure: people's text made safe to show (no pings, no injected links) and cut into Slack-sized pieces.</summary>
public static partial class FeedbackText
{
    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|(?<label>[^>]*))?>")]
    private static partial Regex UserMention();

    [GeneratedRegex(@"<#(?<id>[CG][A-Z0-9]+)(\|(?<label>[^>]*))?>")]
    private static partial Regex ChannelMention();

    [GeneratedRegex(@"<(?<url>(https?|mailto):[^|>]+)(\|[^>]*)?>")]
    private static partial Regex Link();

    /// <summary>
    /// Text as typed, ready for mrkdwn: Slack's mention sequences become plain "@name", links their address, and
    /// the rest is escaped, so "&lt;!channel&gt;" or a mention in a topic never pings anyone.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var plain = UserMention().Replace(text, m => "@" + (m.Groups["label"].Value is { Length: > 0 } l ? l : m.Groups["id"].Value));
        plain = ChannelMention().Replace(plain, m => "#" + (m.Groups["label"].Value is { Length: > 0 } l ? l : m.Groups["id"].Value));
        plain = Link().Replace(plain, m => m.Groups["url"].Value);
        return Mrkdwn.Escape(plain);
    }

    /// <summary>A short, safe one-line version (for lists, buttons' neighbours and fallback text).</summary>
    public static string Short(string? text, int max = 80) =>
        Safe(Mrkdwn.Truncate((text ?? "").ReplaceLineEndings(" "), max));

    /// <summary>
    /// Splits text so each piece, once made <see cref="Safe"/>, fits in <paramref name="max"/> characters. Prefers
    /// line breaks, then spaces; never splits an escape sequence or a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> SafePieces(string? text, int max)
    {
        var safe = Safe(text);
        var pieces = new List<string>();
        var rest = safe;
        while (rest.Length > max)
        {
            var cut = rest.LastIndexOf('\n', max - 1);
            if (cut < max / 2) cut = rest.LastIndexOf(' ', max - 1);
            if (cut < max / 2)
            {
                cut = max;
                var amp = rest.LastIndexOf('&', cut - 1);
                if (amp >= 0 && amp > cut - 5 && rest.IndexOf(';', amp) >= cut) cut = amp;
                if (char.IsLowSurrogate(rest[cut])) cut--;
            }
            pieces.Add(rest[..cut]);
            rest = rest[cut..].TrimStart('\n', ' ');
        }
        if (rest.Length > 0) pieces.Add(rest);
        return pieces;
    }

    /// <summary>Quotes every line, so the text reads as the other person's words.</summary>
    public static string Quote(string safe)
    {
        var sb = new StringBuilder();
        foreach (var line in safe.Split('\n')) sb.Append("> ").Append(line).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }
}
