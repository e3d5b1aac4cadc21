using Microsoft.Playwright;

namespace MentorBot.Tests.Playground;

/// <summary>A mentee's first day in the playground: no dead ends, and a help short enough to read.</summary>
[Trait(Tier.Name, Tier.Browser)]
public sealed class FirstDayTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly string[] AdminCommands = ["/mentor pair ", "/mentor channel", "/mentor announce", "/mentor settings", "/mentor signups", "/mentor stats", "/mentor digest", "/mentor match"];

    [Fact]
    public async Task A_new_mentee_learns_where_to_type_joins_and_reads_a_help_of_at_most_ten_lines_without_admin_commands()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(A_new_mentee_learns_where_to_type_joins_and_reads_a_help_of_at_most_ten_lines_without_admin_commands));
        await ui.ActAsAsync("Lena Fischer");
        var composer = ui.Page.GetByLabel("Message");

        // Home: the top line says how to reach MentorBot; there is nowhere to type.
        await ui.OpenHomeAsync();
        await ui.ExpectSeesAsync("Welcome to MentorBot.");
        await ui.ExpectSeesAsync("in any channel to reach me");
        await Assertions.Expect(composer).ToBeHiddenAsync();
        await ui.ShotAsync("home");

        await ui.ClickAsync("Join");
        await ui.ExpectModalAsync("Join mentoring");
        await ui.Modal.GetByText("I'd like a mentor").ClickAsync();
        await ui.Modal.GetByLabel("What you'd like to learn (mentees) or can help with (mentors)").FillAsync("Giving a talk");
        await ui.ClickInModalAsync("Sign up");
        await ui.ClickInModalAsync("Done");
        await ui.ExpectSeesAsync("waiting list");

        // Messages: read-only, as the manifest makes it in Slack, with Slack's own notice instead of a composer.
        await ui.OpenMessagesAsync();
        await Assertions.Expect(ui.Page.GetByRole(AriaRole.Note)).ToContainTextAsync("Sending messages to this app has been turned off.");
        await Assertions.Expect(composer).ToBeHiddenAsync();
        await ui.ShotAsync("messages-read-only");

        // The channel: /mentor help, only to her, short, and nothing an admin runs.
        await ui.TypeAsync("/mentor help");
        var help = ui.Surface.Locator("article.ephemeral").Last;
        await Assertions.Expect(help).ToContainTextAsync("/mentor help all");
        // What she reads: the message's lines without its sender line and Slack's "Only visible to you".
        var body = await help.Locator(".message-body").InnerTextAsync();
        var lines = body.Split('\n').Where(l => l.Trim().Length > 0).Skip(1).Where(l => !l.Contains("Only visible to you")).ToList();
        Assert.InRange(lines.Count, 3, 10);
        foreach (var command in AdminCommands) Assert.DoesNotContain(lines, l => l.Contains(command, StringComparison.Ordinal));
        await ui.ShotAsync("help");
    }
}
