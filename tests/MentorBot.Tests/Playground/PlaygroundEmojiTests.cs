using System.Text.RegularExpressions;
using MentorBot.Tests.BlockKit;

namespace MentorBot.Tests.Playground;

/// <summary>Slack turns :short_codes: into pictures; the playground must too, or a message shows ":spiral_note_pad:".</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed partial class PlaygroundEmojiTests
{
    [Fact]
    public void Every_emoji_short_code_MentorBot_writes_has_a_picture_in_the_playground()
    {
        var root = SlackTypes.RepoRoot;
        var appJs = File.ReadAllText(Path.Combine(root, "src", "MentorBot.Playground", "Web", "app.js"));
        var sources = Directory.EnumerateFiles(Path.Combine(root, "src", "MentorBot"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));

        var used = sources.SelectMany(f => ShortCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        var missing = used.Where(name => !Regex.IsMatch(appJs, $@"[\s{{,]""?{Regex.Escape(name)}""?: """)).Order().ToList();

        Assert.True(used.Count >= 5, "the scan found the bot's emoji"); // guards the regex itself
        Assert.Empty(missing);
    }

    // A short code inside a string: after a quote or space, before a space or quote (so "HH:mm:ss" is not one).
    [GeneratedRegex(@"(?<=[""\s]):([a-z][a-z0-9_+-]+):(?=[\s""])")]
    private static partial Regex ShortCode();
}
