using System.Text.RegularExpressions;

namespace MentorBot.Features.Feedback;

/// <summary>Pure: "/askfeedback @a, @b and @c How did my demo land?" → the people named first, and the topic.</summary>
public sealed partial record AskFeedbackText(IReadOnlyList<string> People, IReadOnlyList<string> Unresolved, string Topic)
{
    // One leading name: a mention Slack escaped (<@U123|ana>) or an "@name" it did not recognise, then separators.
    [GeneratedRegex(@"^\s*(?:<@(?<id>[UW][A-Z0-9]+)(?:\|[^>]*)?>|(?<at>@[^\s,<>]+))(?:\s*,\s*|\s+and\s+|\s+|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingName();

    public static AskFeedbackText Parse(string? text)
    {
        var rest = (text ?? "").Trim();
        var people = new List<string>();
        var unresolved = new List<string>();
        while (LeadingName().Match(rest) is { Success: true } m)
        {
            if (m.Groups["id"].Success)
            {
                if (!people.Contains(m.Groups["id"].Value)) people.Add(m.Groups["id"].Value);
            }
            else unresolved.Add(m.Groups["at"].Value);
            rest = rest[m.Length..];
        }
        return new AskFeedbackText(people, unresolved, rest.Trim());
    }
}
