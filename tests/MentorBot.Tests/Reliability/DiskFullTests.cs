using System.Diagnostics;
using System.Net;
using MentorBot.Slack.Routing;
using MentorBot.Storage;
using Xunit.Abstractions;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.1 S5 on the real built app: its database on a 2 MiB tmpfs that fills up. Needs root (CI runs as root), as
/// the plan says; the test says so plainly if the mount is refused rather than passing without trying.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public sealed class DiskFullTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _mount = Directory.CreateTempSubdirectory("mentorbot-diskfull-").FullName;
    private FakeSlackApi _slack = null!;
    private bool _mounted;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        var (code, text) = await RunAsync("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", _mount);
        Assert.True(code == 0, $"S5 needs a 2 MiB tmpfs (root; CI runs as root): mount said {text}");
        _mounted = true;
    }

    public async Task DisposeAsync()
    {
        await _slack.DisposeAsync();
        if (_mounted) await RunAsync("umount", "-l", _mount);
        Directory.Delete(_mount, true);
    }

    [Fact]
    public async Task S5_DiskFull_TellsTheUser_ReportsUnhealthy_AndRecoversOnceSpaceIsFree()
    {
        var dbPath = Path.Combine(_mount, "mentorbot.db");
        var filler = Path.Combine(_mount, "filler.bin");
        var acked = new List<string>();
        await using (var bot = await BotProcess.StartAsync(dbPath, _slack))
        {
            // Leave ~400 KiB for the database to grow into.
            await File.WriteAllBytesAsync(filler, new byte[(int)(new DriveInfo(_mount).AvailableFreeSpace - 400 * 1024)]);
            CommandReply? refused = null;
            for (var i = 0; i < 5_000 && refused is null; i++)
            {
                var title = $"full n{i} {new string('x', 100)}";
                var reply = await bot.CommandAsync("/goal", "add " + title, $"UFULL{i % 10}");
                if (Storage.IsGoalSaved(reply)) acked.Add(title);
                else refused = reply;
            }
            output.WriteLine($"{acked.Count} goals saved before the disk filled; then: {(int)refused!.Status} {refused.AllText}");
            Assert.Equal(HttpStatusCode.OK, refused.Status); // an ephemeral apology, not an error page or silence
            Assert.Equal(SlackRouter.SorryText, refused.Text);

            var health = await bot.Client.GetAsync("healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            // The broken LiteDB instance never recovers by itself: the watchdog stops the process for a supervisor to restart.
            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(20)), "MentorBot kept running on a broken database");
            Assert.True(bot.ExitCode == StorageWatchdog.DatabaseBrokenExitCode, $"exit {bot.ExitCode}:\n{bot.Output}");
            Assert.Contains("stopped answering", bot.Output);
        }

        // A supervisor restarting it while the disk is still full: it either starts or says why in one line.
        await using (var early = await BotProcess.StartAsync(dbPath, _slack, waitUntilHealthy: false))
        {
            var started = await StartedOrExitedAsync(early);
            output.WriteLine(started ? "restarted while still full: healthy" : $"restarted while still full: exit {early.ExitCode}: {early.Output.Trim()}");
            if (!started)
            {
                Assert.NotEqual(0, early.ExitCode);
                Assert.Contains("Could not open the database", early.Output);
                Assert.DoesNotContain("   at ", early.Output);
            }
        }

        File.Delete(filler);
        await using (var recovered = await BotProcess.StartAsync(dbPath, _slack))
        {
            var saved = await recovered.CommandAsync("/goal", "add after the disk was freed", "UFULL1");
            Assert.True(Storage.IsGoalSaved(saved), saved.AllText);
            recovered.Terminate();
            Assert.True(await recovered.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(0, recovered.ExitCode);
        }
        var stored = Storage.GoalTitles(dbPath);
        Assert.All(acked, title => Assert.Single(stored, title)); // nothing acknowledged was lost or doubled
        Assert.Contains("after the disk was freed", stored);
    }

    private static async Task<bool> StartedOrExitedAsync(BotProcess bot)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !bot.HasExited)
        {
            try
            {
                if ((await bot.Client.GetAsync("healthz")).StatusCode == HttpStatusCode.OK) return true;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.True(bot.HasExited, "neither healthy nor exited within 30 s");
        return false;
    }

    private static async Task<(int Code, string Text)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(start)!;
            var text = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, text.Trim());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, ex.Message);
        }
    }
}
