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
