using System.Diagnostics;
using MentorBot.Features.CheckIns;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.2 C9: the host stops while a check-in prompt is on its way to a slow Slack. The real scheduler loop runs
/// (Nudges:Enabled), so the stop cancels its token mid-call, as SIGTERM (every deploy, docker stop) would. A graceful
/// stop finishes the DM in flight and records it: the restart never sends it again (issue 17: it used to, twice).
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class ShutdownTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> SchedulerOn = new() { ["Nudges:Enabled"] = "true" };

    [Theory]
    [InlineData("chat.postMessage")] // Slack is taking the post when the stop begins
    [InlineData("conversations.open")] // the post has not left yet when the stop begins
    public async Task StopWhileSlackIsSlow_FinishesTheDmInFlight_AndTheRestartNeverSendsItAgain(string slowMethod)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        DateTimeOffset due;
        await using (var setup = await TestApp.StartAsync(slack, db, time))
        {
            due = StartPair(setup).NextCheckInUtc!.Value + Session; // "did you meet?" once the session is over
        }

        time.SetUtcNow(due);
        slack.Delay(slowMethod, TimeSpan.FromSeconds(3));
        var running = await TestApp.StartAsync(slack, db, time, SchedulerOn); // the host starts, and the scheduler ticks
        await slack.WaitForCallAsync(slowMethod, timeout: TimeSpan.FromSeconds(20));
        var stopping = Stopwatch.StartNew();
        await running.DisposeAsync();
        output.WriteLine($"stopped {stopping.ElapsedMilliseconds} ms after the stop began, with {slowMethod} waiting on Slack");
        Assert.True(stopping.Elapsed < TimeSpan.FromSeconds(30), "shutdown took longer than the host's 30 s timeout");

        slack.Delay(slowMethod, TimeSpan.Zero);
        await using (var restarted = await TestApp.StartAsync(slack, db, time))
        {
            // Recorded before the stop completed: sent, nothing left "Sending" for the next start to repeat.
            var prompt = Assert.Single(restarted.Get<CheckInStore>().Nudges.FindAll(), n => n.Kind == NudgeKind.Prompt);
            Assert.Equal(NudgeStatus.Sent, prompt.Status);

            await TickAtAsync(restarted, due + TimeSpan.FromMinutes(1));
            await TickAtAsync(restarted, due + TimeSpan.FromMinutes(2));
            Assert.DoesNotContain("may arrive twice", restarted.Logs.AllText);
            Assert.Single(slack.DmsTo(prompt.RecipientId), c => (c.Arg("text") ?? "").StartsWith(PromptText, StringComparison.Ordinal));
        }
    }
}
