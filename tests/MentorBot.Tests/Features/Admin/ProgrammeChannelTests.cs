using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

[Trait(Tier.Name, Tier.Host)]
public class ProgrammeChannelTests
{
    private static JsonObject Joined(string user, string channel) =>
        new() { ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = channel, ["channel_type"] = "C", ["team"] = "T1" };

    [Fact]
    public async Task JoiningTheProgrammeChannel_BringsOneWelcomeDm_WithTheJoinButtons()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();

        await app.EventAsync(Joined("UNEW", ProgrammeChannel));
        var welcome = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UNEW"));
        await app.EventAsync(Joined("UNEW", ProgrammeChannel)); // left and came back: still one welcome
        await app.EventAsync(Joined("USECOND", ProgrammeChannel));
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("USECOND"));

        Assert.Null(welcome.Rejected);
        Assert.Contains(SignUpModal.JoinMentee, welcome.Visible);
        Assert.Contains(SignUpModal.JoinMentor, welcome.Visible);
        Assert.Single(app.Slack.DmsTo("UNEW"));
    }

    [Fact]
    public async Task JoiningAnyOtherChannel_MessagesNobody()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();

        await app.EventAsync(Joined("UNEW", "CRANDOM"));
        // A programme join afterwards, to know the earlier event has been handled.
        await app.EventAsync(Joined("UMARK", ProgrammeChannel));
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UMARK"));

        Assert.Empty(app.Slack.DmsTo("UNEW"));
        Assert.DoesNotContain(app.Slack.Calls("conversations.open"), c => c.Arg("users") == "UNEW");
    }

    [Fact]
    public async Task WithoutAProgrammeChannel_NoJoinIsWelcomed()
    {
        await using var app = await StartAsync();

        await app.EventAsync(Joined("UNEW", ProgrammeChannel));
        await app.DrainFollowUpsAsync();

        Assert.DoesNotContain(app.Slack.Calls(), c => c.Method is "chat.postMessage" or "conversations.open");
    }

    [Fact]
    public async Task WeeklyDigest_PostsFiguresOnceAWeek_InTheProgrammeChannelOnly()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();
        for (var i = 1; i <= 5; i++) await app.SignUpAsync($"UMENTEE{i}", "mentee", "SECRET-TOPIC-TEXT"); // 5: enough to be public
        var jobs = app.Get<PeriodicJobs>();

        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 8, 59, 0, TimeSpan.Zero)); // Monday, before 09:00
        await jobs.RunOnceAsync();
        Assert.Empty(app.Slack.Calls("chat.postMessage"));

        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        await jobs.RunOnceAsync();
        await jobs.RunOnceAsync();
        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        await jobs.RunOnceAsync();

        var digest = Assert.Single(app.Slack.Calls("chat.postMessage"));
        Assert.Equal(ProgrammeChannel, digest.Arg("channel"));
        Assert.Contains("Mentees waiting to be paired", digest.Visible);
        Assert.DoesNotContain("SECRET-TOPIC-TEXT", digest.Visible);

        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero)); // next Monday
        await jobs.RunOnceAsync();
        Assert.Equal(2, app.Slack.Calls("chat.postMessage").Count);
    }

    [Fact]
    public async Task RevokedUserTokensOnly_KeepTheBotSending()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();

        await app.EventAsync(new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U1") } });
        await app.DrainFollowUpsAsync();
        await app.CommandAsync("/mentor", "announce", AdminId);

        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == ProgrammeChannel);
        Assert.False(app.Get<SlackApiClient>().IsStopped);
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task UninstallOrRevokedTokens_StopAllSending_WithOneClearLogLine(string eventType)
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();

        var stop = new JsonObject { ["type"] = eventType };
        if (eventType == "tokens_revoked") stop["tokens"] = new JsonObject { ["bot"] = new JsonArray("UBOT") };
        await app.EventAsync(stop);
        await app.EventAsync(stop.DeepClone().AsObject());
        var slack = app.Get<SlackApiClient>();
        await app.DrainFollowUpsAsync();
        var responsesBefore = app.Slack.Calls("response_url").Count;

        await app.CommandAsync("/mentor", "announce", AdminId);
        await app.DrainFollowUpsAsync();

        Assert.True(slack.IsStopped);
        Assert.Single(app.Logs.Lines, l => l.Message.Contains("stopped sending"));
        Assert.Empty(app.Slack.Calls("chat.postMessage"));
        Assert.Equal(responsesBefore, app.Slack.Calls("response_url").Count);
    }
}
