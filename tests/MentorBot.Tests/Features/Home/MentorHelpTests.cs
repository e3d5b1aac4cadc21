using MentorBot.Features.Home;
namespace MentorBot.Tests.Features.Home;

[Trait(Tier.Name, Tier.Host)]
public class MentorHelpTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartFreshAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("help")]
    [InlineData("")]
    [InlineData("  HELP ")]
    public async Task Help_ListsEveryCommandWithAnExample_Ephemerally(string text)
    {
        var reply = await _app.CommandAsync("/mentor", text);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("/goal add", reply.AllText);
        Assert.Contains("/askfeedback @", reply.AllText);
        Assert.Contains("/mentor help", reply.AllText);
        Assert.True(reply.Elapsed < TimeSpan.FromSeconds(1), $"help took {reply.Elapsed}");
    }

    private static readonly string[] AdminVerbs = ["/mentor pair ", "/mentor channel", "/mentor announce", "/mentor settings", "/mentor signups", "/mentor stats", "/mentor digest"];

    /// <summary>What the person reads, line by line (header, sections, context), as Slack would show it.</summary>
    private static List<string> Lines(CommandReply reply) =>
        reply.Blocks.SelectMany(b => Support.Readable.Strings(b!["text"] ?? b["elements"]).Split('\n')).Where(l => l.Trim().Length > 0).ToList();

    [Fact]
    public async Task Help_ForANewcomer_IsAtMostTenLines_WithNoAdminCommand_AndPointsToTheRest()
    {
        var reply = await _app.CommandAsync("/mentor", "help", "UNEWCOMER");

        var lines = Lines(reply);
        Assert.InRange(lines.Count, 3, 10);
        foreach (var verb in AdminVerbs) Assert.DoesNotContain(verb, reply.AllText);
        Assert.Contains("/mentor help all", reply.AllText);
        Assert.DoesNotContain("/mentor help admin", reply.AllText);
    }

    [Fact]
    public async Task HelpAll_ListsEveryVerb_AndTheAdminOnesOnlyToAdmins()
    {
        var everyone = await _app.CommandAsync("/mentor", "help all", "UNEWCOMER");
        foreach (var verb in new[] { "/mentor cadence", "/mentor pause", "/mentor resume", "/mentor end", "/mentor export", "/mentor forget-me" })
            Assert.Contains(verb, everyone.AllText);
        foreach (var verb in AdminVerbs) Assert.DoesNotContain(verb, everyone.AllText);
        Assert.DoesNotMatch(@"20\d\d-\d\d-\d\d", everyone.AllText); // no example date that would be in the past one day

        await using var withAdmin = await TestApp.StartFreshAsync(new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = "UADMIN" });
        var admin = await withAdmin.CommandAsync("/mentor", "help all", "UADMIN");
        foreach (var verb in AdminVerbs) Assert.Contains(verb, admin.AllText);
        Assert.Contains("/mentor help admin", (await withAdmin.CommandAsync("/mentor", "help", "UADMIN")).AllText);
        Assert.Contains("/mentor stats", (await withAdmin.CommandAsync("/mentor", "help admin", "UADMIN")).AllText);
        Assert.Equal(MentorCommand.CheckingAdmin, (await _app.CommandAsync("/mentor", "help admin", "UNEWCOMER")).Text);
        var refused = await _app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "cmd-UNEWCOMER");
        Assert.Equal(MentorBot.Programme.Admins.Refusal, refused.Arg("text"));
    }

    [Fact]
    public async Task UnknownSubcommand_GetsAFriendlyPointerToHelp()
    {
        var reply = await _app.CommandAsync("/mentor", "frobnicate <!channel>");
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("/mentor help", reply.Text);
        Assert.Contains("frobnicate", reply.Text);
    }

    [Fact]
    public async Task Help_CallsNoSlackMethodBeyondStartup()
    {
        await _app.CommandAsync("/mentor", "help");
        Assert.All(_app.Slack.Calls(), c => Assert.Equal("auth.test", c.Method));
    }
}
