using System.Diagnostics;
using MentorBot.Features.CheckIns;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.2 C9: the host stops while a check-in prompt is on its way to a slow Slack. The real scheduler loop runs
/// (Nudges:Enabled), so the stop cancels its token mid-call, as SIGTERM would.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class ShutdownTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> SchedulerOn = new() { ["Nudges:Enabled"] = "true" };

    [Theory]
    [InlineData("chat.postMessage", 2)] // Slack may have posted it: resent after restart, at most one duplicate, logged
    [InlineData("conversations.open", 1)] // the post never left: exactly one prompt after restart
    public async Task StopWhileSlackIsSlow_ShutsDownPromptly_AndThePromptIsDeliveredAfterRestart(string slowMethod, int promptsSeen)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        DateTimeOffset due;
        string recipient;
        await using (var setup = await TestApp.StartAsync(slack, db, time))
        {
            due = StartPair(setup).NextCheckInUtc!.Value;
        }

        time.SetUtcNow(due);
        slack.Delay(slowMethod, TimeSpan.FromSeconds(5));
        var running = await TestApp.StartAsync(slack, db, time, SchedulerOn); // the host starts, and the scheduler ticks
        await slack.WaitForCallAsync(slowMethod, timeout: TimeSpan.FromSeconds(20));
        var stopping = Stopwatch.StartNew();
        await running.DisposeAsync();
        output.WriteLine($"stopped {stopping.ElapsedMilliseconds} ms after the stop began, with {slowMethod} still waiting on Slack");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), "shutdown took longer than the host's 30 s timeout");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(4.5), "shutdown waited for the slow Slack call instead of cancelling it");

        slack.Delay(slowMethod, TimeSpan.Zero);
        await using (var restarted = await TestApp.StartAsync(slack, db, time))
        {
            // The one caught mid-call is neither lost (Failed) nor wrongly marked Sent.
            var prompt = Assert.Single(restarted.Get<CheckInStore>().Nudges.FindAll(), n => n.Status == NudgeStatus.Sending);
            Assert.Equal(NudgeKind.Prompt, prompt.Kind);
            recipient = prompt.RecipientId;

            await TickAtAsync(restarted, due + TimeSpan.FromMinutes(1));
            await TickAtAsync(restarted, due + TimeSpan.FromMinutes(2));
            Assert.Equal(NudgeStatus.Sent, restarted.Get<CheckInStore>().Nudges.FindById(prompt.Id).Status);
            Assert.Contains("may arrive twice", restarted.Logs.AllText);
        }
        Assert.Equal(promptsSeen, slack.DmsTo(recipient).Count(c => (c.Arg("text") ?? "").StartsWith(PromptText, StringComparison.Ordinal)));
    }
}
