using MentorBot.Playground;

namespace MentorBot.Tests.Playground;

/// <summary>Issue 18: the playground's stand-in turns "@name" and "#channel" in command text into Slack's escapes, as Slack does.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class StandInTextTests
{
    [Theory]
    [InlineData("ask @Kenji peer", "ask <@UKENJI|kenji> peer")]
    [InlineData("ask @tomas", "ask <@UTOMAS|tomás>")]                       // no accent typed: still Tomás
    [InlineData("ask @TOMÁS", "ask <@UTOMAS|tomás>")]
    [InlineData("pair @Tomas.Silva @kenji", "pair <@UTOMAS|tomás> <@UKENJI|kenji>")] // the full name too
    [InlineData("ask @nobody", "ask @nobody")]                               // unknown: left as typed, as Slack would
    [InlineData("channel #mentoring", "channel <#CMENTORING|mentoring>")]
    [InlineData("channel #random", "channel #random")]                       // not a channel of this workspace
    [InlineData("done #1", "done #1")]                                       // a goal number, not a channel
    [InlineData("mail priya@example.com", "mail priya@example.com")]         // an address, not a mention
    public void CommandText_IsEscapedAsSlackWould(string typed, string sent) =>
        Assert.Equal(sent, StandInText.Escape(typed));
}

/// <summary>The same, end to end in the playground: the commands that failed there now do what they do in Slack.</summary>
[Trait(Tier.Name, Tier.Host)]
public sealed class StandInCommandTests
{
    [Fact]
    public async Task MentorChannelWithAHash_AndAskWithoutTheAccent_WorkInThePlayground()
    {
        await using var host = new PlaygroundHost();
        using var http = new HttpClient { BaseAddress = host.Start() };

        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/playground/api/command", new { user = "UADA", channel = "DUADA", text = "/mentor channel #mentoring" });
        await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/playground/api/command", new { user = "UKENJI", channel = "DUKENJI", text = "/mentor ask @tomas" });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && (host.Get<MentorBot.Programme.ProgrammeSettingsStore>().Get().ChannelId is null
               || host.Get<MentorBot.Features.Pairs.InvitationStore>().PendingBetween("UKENJI", "UTOMAS") is null))
            await Task.Delay(50);
        Assert.Equal(Workspace.ChannelId, host.Get<MentorBot.Programme.ProgrammeSettingsStore>().Get().ChannelId);
        Assert.NotNull(host.Get<MentorBot.Features.Pairs.InvitationStore>().PendingBetween("UKENJI", "UTOMAS"));
    }
}
