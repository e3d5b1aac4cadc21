namespace MentorBot.Slack.Payloads;

/// <summary>Slash-command text split into its first word and the rest, as typed.</summary>
public readonly record struct CommandText(string Verb, string Rest)
{
    public static CommandText Parse(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n']);
        return space < 0
            ? new CommandText(trimmed.ToLowerInvariant(), "")
            : new CommandText(trimmed[..space].ToLowerInvariant(), trimmed[(space + 1)..].Trim());
    }

    /// <summary>The rest of the text split on white space.</summary>
    public string[] Words => Rest.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
}
