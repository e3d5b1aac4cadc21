using System.Diagnostics;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// The ack never waits on Slack: with every Web API call taking 3 s (all of Slack's ack budget), each command is
/// answered from local state at once, and its work still arrives afterwards. Opening a modal is the one call allowed before the
/// ack (its trigger expires), so commands that open one are left out here.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class AckNeverWaitsTests
{
    private static readonly TimeSpan SlowSlack = TimeSpan.FromSeconds(3);

    // Wide margin on purpose (a busy CI machine): the point is "not after Slack", i.e. well under its 3 s.
    private static readonly TimeSpan AckedBefore = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData("/mentor", "help", "UPERSON")]
    [InlineData("/mentor", "pairs", "UPERSON")]
    [InlineData("/mentor", "frobnicate", "UPERSON")]
    [InlineData("/mentor", "ask <@UOTHER> peer", "UPERSON")]
    [InlineData("/mentor", "pair <@UOTHER> <@UPERSON>", AdminId)]
    [InlineData("/mentor", "stats", AdminId)]
    [InlineData("/mentor", "stats", "UNOTADMIN")]
    [InlineData("/mentor", "digest", AdminId)]
    [InlineData("/mentor", "signups", AdminId)]
    [InlineData("/mentor", "admins", "UPERSON")]
    [InlineData("/mentor", "channel <#CPROG|mentoring>", AdminId)]
    [InlineData("/mentor", "announce", AdminId)]
    [InlineData("/mentor", "export", "UPERSON")]
    [InlineData("/mentor", "forget-me", "UPERSON")]
    [InlineData("/goal", "add Learn to give a talk", "UPERSON")]
    [InlineData("/goal", "list", "UPERSON")]
    [InlineData("/askfeedback", "<@UOTHER> How did my demo land?", "UPERSON")]
    public async Task EveryCommand_IsAcknowledgedBeforeASlowSlackAnswers(string command, string text, string user)
    {
        await using var app = await StartAsync();
        app.Slack.Delay(FakeSlackApi.AnyMethod, SlowSlack);

        var started = Stopwatch.StartNew();
        var reply = await app.CommandAsync(command, text, user, triggerId: null);
        var acked = started.Elapsed;

        Assert.True(acked < AckedBefore, $"{command} {text} was acknowledged after {acked.TotalMilliseconds:0} ms: it waited on Slack");
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
    }

    // The commands that act on a pair or a goal, run where there is one: UOTHER mentors UPERSON, who has goal 1.
    [Theory]
    [InlineData("/mentor", "pairs", "UPERSON")]
    [InlineData("/mentor", "cadence <@UOTHER> 2w on tuesday at 09:30", "UPERSON")]
    [InlineData("/mentor", "pause <@UOTHER> 3w", "UPERSON")]
    [InlineData("/mentor", "resume <@UOTHER>", "UPERSON")]
    [InlineData("/mentor", "end <@UOTHER>", "UPERSON")]
    [InlineData("/goal", "show 1", "UPERSON")]
    [InlineData("/goal", "progress 1 40", "UPERSON")]
    [InlineData("/goal", "note 1 Read two chapters", "UPERSON")]
    [InlineData("/goal", "edit 1 Give a conference talk", "UPERSON")]
    [InlineData("/goal", "done 1", "UPERSON")]
    [InlineData("/goal", "reopen 1", "UPERSON")]
    [InlineData("/goal", "drop 1", "UPERSON")]
    [InlineData("/goal", "list <@UPERSON>", "UOTHER")]
    [InlineData("/askfeedback", "<@UOTHER> Was my plan clear?", "UPERSON")]
    public async Task EveryCommandOnAPairOrAGoal_IsAcknowledgedBeforeASlowSlackAnswers(string command, string text, string user)
    {
        await using var app = await StartAsync();
        await app.CommandAsync("/mentor", "pair <@UOTHER> <@UPERSON>", AdminId);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UPERSON"), timeout: TimeSpan.FromSeconds(30));
        await app.CommandAsync("/goal", "add Learn to give a talk", "UPERSON");
        Assert.NotNull(app.Get<MentorBot.Features.Pairs.PairStore>().CurrentBetween("UOTHER", "UPERSON"));
        app.Slack.Delay(FakeSlackApi.AnyMethod, SlowSlack);

        var started = Stopwatch.StartNew();
        var reply = await app.CommandAsync(command, text, user, triggerId: null);
        var acked = started.Elapsed;

        Assert.True(acked < AckedBefore, $"{command} {text} was acknowledged after {acked.TotalMilliseconds:0} ms: it waited on Slack");
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
        Assert.DoesNotContain("no pair", reply.Text ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AskFeedback_AnsweredAtOnce_StillAsksThePersonOnceSlackAnswers()
    {
        await using var app = await StartAsync();
        app.Slack.Delay(FakeSlackApi.AnyMethod, SlowSlack);

        var reply = await app.CommandAsync("/askfeedback", "<@UOTHER> How did my demo land?", "UPERSON", triggerId: null);

        Assert.True(reply.Elapsed < AckedBefore, $"acknowledged after {reply.Elapsed.TotalMilliseconds:0} ms");
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UOTHER") && c.Visible.Contains("How did my demo land?"),
            timeout: TimeSpan.FromSeconds(30));
    }
}
