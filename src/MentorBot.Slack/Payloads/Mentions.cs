using System.Text.RegularExpressions;

namespace MentorBot.Slack.Payloads;

/// <summary>
/// Reads the control sequences Slack puts into escaped slash-command text: &lt;@U123|name&gt; and &lt;#C123|name&gt;.
/// https://docs.slack.dev/interactivity/implementing-slash-commands (should_escape)
/// </summary>
public static partial class Mentions
{
    [GeneratedRegex(@"^<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>$")]
    private static partial Regex UserPattern();

    [GeneratedRegex(@"^<#(?<id>[CG][A-Z0-9]+)(\|[^>]*)?>$")]
    private static partial Regex ChannelPattern();

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|[^>]*)?>")]
    private static partial Regex AnyUserPattern();

    /// <summary>The user id in a single mention token, or null when the token is not a user mention.</summary>
    public static string? User(string token) => UserPattern().Match(token.Trim()) is { Success: true } m ? m.Groups["id"].Value : null;

    /// <summary>The channel id in a single channel token, or null.</summary>
    public static string? Channel(string token) => ChannelPattern().Match(token.Trim()) is { Success: true } m ? m.Groups["id"].Value : null;

    /// <summary>Looks like someone typed "@name" that Slack did not turn into a mention (escaping off, or no such user).</summary>
    public static bool IsUnresolvedAt(string token) => token.StartsWith('@') && token.Length > 1;

    /// <summary>Every user id mentioned anywhere in the text, in order, without repeats.</summary>
    public static IReadOnlyList<string> AllUsers(string text) =>
        AnyUserPattern().Matches(text).Select(m => m.Groups["id"].Value).Distinct().ToList();
}
