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

/// <summary>
/// Issue 17 point 5 on the real built app in a child process: 200 prompts due at once, SIGTERM in the middle of the
/// burst (as docker stop and every deploy send), a restart, and every prompt delivered exactly once.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class GracefulStopBurstTests(ITestOutputHelper output) : FakeSlackAndDatabase
{
    private const int Pairs = 200;

    [Fact]
    public async Task SigtermMidBurstOf200Prompts_ThenARestart_DeliversEveryPromptExactlyOnce()
    {
        // Seeded in-process on the same file: 200 pairs whose session ended ten minutes ago, working hours all day.
        var now = DateTimeOffset.UtcNow;
        await using (var seed = await TestApp.StartAsync(Slack, Db, new FakeTimeProvider(now)))
        {
            var settings = seed.Get<MentorBot.Programme.ProgrammeSettingsStore>();
            settings.Save(settings.Get() with { WorkingDays = Enum.GetValues<DayOfWeek>(), WorkdayStart = new TimeOnly(0, 0), WorkdayEnd = new TimeOnly(23, 59) });
            var pairs = seed.Get<MentorBot.Features.Pairs.PairStore>();
            for (var i = 0; i < Pairs; i++)
            {
                var pair = StartPair(seed, mentor: $"UMB{i:000}", mentee: $"UEB{i:000}");
                pairs.Replace(pair with { NextCheckInUtc = now - TimeSpan.FromMinutes(40) });
            }
        }

        var settingsOn = new Dictionary<string, string> { ["Nudges__Enabled"] = "true", ["Nudges__TickSeconds"] = "1" };
        Slack.Delay("chat.postMessage", TimeSpan.FromMilliseconds(25)); // a burst that takes seconds, so the stop lands inside it
        int atStop;
        await using (var bot = await BotProcess.StartAsync(Db.Path, Slack, settings: settingsOn))
        {
            await Slack.WaitForCallsAsync("chat.postMessage", Pairs / 4, IsPrompt, TimeSpan.FromSeconds(60));
            bot.Terminate();
            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)), "no exit within the shutdown timeout:\n" + bot.Output);
            Assert.Equal(0, bot.ExitCode);
            atStop = Slack.Calls("chat.postMessage").Count(IsPrompt);
        }
        Assert.InRange(atStop, Pairs / 4, Pairs - 1); // the stop really came mid-burst

        Slack.Delay("chat.postMessage", TimeSpan.Zero);
        await using (var restarted = await BotProcess.StartAsync(Db.Path, Slack, settings: settingsOn))
        {
            await Slack.WaitForCallsAsync("chat.postMessage", Pairs, IsPrompt, TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3)); // a few more ticks: nothing else may follow
            Assert.DoesNotContain("may arrive twice", restarted.Output);
        }

        var perMentor = Slack.Calls("chat.postMessage").Where(IsPrompt).GroupBy(c => c.Arg("channel")).ToDictionary(g => g.Key!, g => g.Count());
        var duplicates = perMentor.Values.Sum(n => n - 1);
        output.WriteLine($"prompts due: {Pairs}; sent before SIGTERM: {atStop}; delivered: {perMentor.Count}; duplicates: {duplicates}");
        Assert.Equal(Pairs, perMentor.Count);
        Assert.Equal(0, duplicates);
    }

    private static bool IsPrompt(SlackCall call) => (call.Arg("text") ?? "").StartsWith(PromptText, StringComparison.Ordinal);
}
