namespace MentorBot.Playground;

/// <summary>The stand-in's part of Slack's "escape channels, users and links" option for slash command text.</summary>
public static class StandInText
{
    /// <summary>
    /// What Slack's escaping option does to a command's text: "@Kenji", "@tomas" (for Tomás) or "@Ines.Costa" becomes
    /// &lt;@UKENJI|kenji&gt;, and "#mentoring" becomes &lt;#CMENTORING|mentoring&gt;. Names match without regard to case or accents.
    /// </summary>
    public static string Escape(string text)
    {
        var people = System.Text.RegularExpressions.Regex.Replace(text, @"(?<![<\w])@([\p{L}\p{M}][\p{L}\p{M}.]*[\p{L}\p{M}]|[\p{L}\p{M}])", m =>
            PersonNamed(m.Groups[1].Value) is { } person ? $"<@{person.Id}|{Handle(person)}>" : m.Value);
        return System.Text.RegularExpressions.Regex.Replace(people, @"(?<![<\w])#([a-z][a-z0-9_-]*)", m =>
            m.Groups[1].Value == Workspace.ChannelName ? $"<#{Workspace.ChannelId}|{Workspace.ChannelName}>" : m.Value);
    }

    private static PlaygroundPerson? PersonNamed(string typed)
    {
        var name = MentorBot.Matching.TopicTerms.Fold(typed);
        return Workspace.Everyone.FirstOrDefault(p => MentorBot.Matching.TopicTerms.Fold(p.Name.Split(' ')[0]) == name)
               ?? Workspace.Everyone.FirstOrDefault(p => MentorBot.Matching.TopicTerms.Fold(p.Name.Replace(' ', '.')) == name);
    }

    private static string Handle(PlaygroundPerson person) => person.Name.Split(' ')[0].ToLowerInvariant();
}
