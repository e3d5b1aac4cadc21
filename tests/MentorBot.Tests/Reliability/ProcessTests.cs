using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Xunit.Abstractions;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.1 S1, S3, S4 and 6.3 H14 on the real built app in a child process: kill -9, SIGTERM, a second instance,
/// and what the process writes to its console.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class ProcessTests(ITestOutputHelper output) : FakeSlackAndDatabase
{
    [Fact]
    public async Task S4_SecondProcessOnTheSameFile_IsRefusedWithAClearMessage_AndTheFirstCarriesOn()
    {
        await using var first = await BotProcess.StartAsync(Db.Path, Slack);
        Assert.Equal(HttpStatusCode.OK, (await first.CommandAsync("/mentor", "help")).Status);

        var started = Stopwatch.StartNew();
        await using var second = await BotProcess.StartAsync(Db.Path, Slack, waitUntilHealthy: false);
        Assert.True(await second.WaitForExitAsync(TimeSpan.FromSeconds(20)), "the second instance kept running:\n" + second.Output);
        output.WriteLine($"second instance refused after {started.ElapsedMilliseconds} ms");

        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("already in use by another MentorBot process", second.Output);
        Assert.DoesNotContain("   at ", second.Output); // one readable line, no stack trace

        var help = await first.CommandAsync("/mentor", "help");
        Assert.Equal(HttpStatusCode.OK, help.Status);
        Assert.Contains("/mentor", help.AllText);
    }

    [Fact]
    public async Task S3_SigtermUnderLoad_AnswersWhatItAccepted_ExitsZero_AndMergesTheLog()
    {
        await using var bot = await BotProcess.StartAsync(Db.Path, Slack);
        var acked = new ConcurrentBag<string>();
        var failures = new ConcurrentBag<string>();
        var answered = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        async Task ClientAsync(int client)
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var title = $"drain c{client} n{i} 🦀";
                try
                {
                    var reply = i % 2 == 0 ? await bot.CommandAsync("/goal", "add " + title) : await bot.CommandAsync("/mentor", "help");
                    Interlocked.Increment(ref answered);
                    if (reply.Status != HttpStatusCode.OK) failures.Add($"{(int)reply.Status} {reply.Text}");
                    else if (i % 2 == 0 && Storage.IsGoalSaved(reply)) acked.Add(title);
                }
                catch (HttpRequestException)
                {
                    return; // the listener is gone: shutdown has begun
                }
                catch (TaskCanceledException)
                {
                    return;
                }
            }
        }

        var clients = Enumerable.Range(0, 10).Select(c => Task.Run(() => ClientAsync(c))).ToArray();
        while (Volatile.Read(ref answered) < 200 && !stop.IsCancellationRequested) await Task.Delay(20);
        var terminatedAt = Stopwatch.StartNew();
        bot.Terminate();
        Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)), "no exit within ShutdownTimeout:\n" + bot.Output);
        output.WriteLine($"exited {terminatedAt.ElapsedMilliseconds} ms after SIGTERM; {answered} answers, {acked.Count} goals acknowledged");
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        Assert.Equal(0, bot.ExitCode);
        Assert.Empty(failures);
        var log = Path.Combine(Db.Folder, "mentorbot-log.db");
        Assert.True(!File.Exists(log) || new FileInfo(log).Length == 0, "the LiteDB log was not merged on shutdown");
        var stored = Storage.GoalTitles(Db.Path);
        Assert.All(acked, title => Assert.Single(stored, title));
    }

    [Fact]
    public async Task S1_KillMinus9MidBurstOfGoalAdd_EveryAcknowledgedGoalSurvivesExactlyOnce()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_KILL_ROUNDS"), out var r) ? r : 20;
        const int Clients = 4;
        var acked = new ConcurrentBag<string>();
        var sent = new ConcurrentBag<string>();
        var random = new Random(20261128);
        var clock = Stopwatch.StartNew();

        for (var round = 0; round < rounds; round++)
        {
            // Every round starts on the file the previous kill left behind: the host must open it cleanly.
            await using var bot = await BotProcess.StartAsync(Db.Path, Slack);
            using var burst = new CancellationTokenSource();
            var roundNo = round;

            async Task ClientAsync(int client)
            {
                for (var i = 0; !burst.IsCancellationRequested; i++)
                {
                    var title = $"r{roundNo} c{client} n{i} 👩🏽‍💻 naïve café 目標";
                    sent.Add(title);
                    try
                    {
                        var reply = await bot.CommandAsync("/goal", "add " + title, "UBURST");
                        if (Storage.IsGoalSaved(reply)) acked.Add(title);
                        else if (reply.Status == HttpStatusCode.OK) throw new InvalidOperationException("Not saved: " + reply.AllText);
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            }

            var ackedBefore = acked.Count;
            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))).ToArray();
            // Kill mid-burst: once writes are flowing, at a random moment.
            var flowing = Stopwatch.StartNew();
            while (acked.Count == ackedBefore && flowing.Elapsed < TimeSpan.FromSeconds(10) && !clients.All(c => c.IsCompleted)) await Task.Delay(10);
            await Task.Delay(random.Next(20, 400));
            bot.Kill();
            await bot.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await burst.CancelAsync();
            await Task.WhenAll(clients);
        }
        output.WriteLine($"{rounds} kills in {clock.ElapsedMilliseconds} ms; {acked.Count} goals acknowledged of {sent.Count} sent");

        var stored = Storage.GoalTitles(Db.Path);
        Assert.NotEmpty(acked);
        var missing = acked.Where(t => !stored.Contains(t)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged goals lost, e.g. {missing.FirstOrDefault()}");
        var duplicated = stored.GroupBy(t => t).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicated.Count == 0, $"stored twice: {duplicated.FirstOrDefault()}");
        output.WriteLine($"{stored.Count} goals stored after reopening: {missing.Count} acknowledged goals lost, {duplicated.Count} stored twice");
        Assert.All(stored, t => Assert.Contains(t, sent)); // byte-equal text, nothing invented
        // Only requests in flight at a kill may be stored without an ack.
        Assert.InRange(stored.Count - acked.Count, 0, rounds * Clients);

        // And the app still serves on the file after 20 kills.
        await using var last = await BotProcess.StartAsync(Db.Path, Slack);
        Assert.Equal(HttpStatusCode.OK, (await last.CommandAsync("/mentor", "help")).Status);
    }

    [Fact]
    public async Task S2_KillMinus9DuringTheCheckpoint_LosesNoCommittedGoal_AndTheFileOpens()
    {
        const int Rounds = 5;
        var acked = new ConcurrentBag<string>();
        var dataFile = Db.Path;
        var logFile = Path.Combine(Db.Folder, "mentorbot-log.db");
        var caughtMidway = 0;

        for (var round = 0; round < Rounds; round++)
        {
            await using var bot = await BotProcess.StartAsync(Db.Path, Slack);
            // Fill the write-ahead log (the data file itself only changes when LiteDB checkpoints the log into it).
            var roundNo = round;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(client => Task.Run(async () =>
            {
                var filling = Stopwatch.StartNew();
                for (var i = 0; i == 0 || File.Exists(logFile) && new FileInfo(logFile).Length < 3 * 1024 * 1024; i++)
                {
                    Assert.True(filling.Elapsed < TimeSpan.FromSeconds(60), "the log did not reach 3 MiB within a minute");
                    var title = $"checkpoint r{roundNo} c{client} n{i} {new string('x', 100)} 🦀";
                    var reply = await bot.CommandAsync("/goal", "add " + title, $"UCP{client}P{i % 20}");
                    Assert.True(Storage.IsGoalSaved(reply), reply.AllText);
                    acked.Add(title);
                }
            })));
            var logBefore = new FileInfo(logFile).Length;
            var dataBefore = new FileInfo(dataFile).Length;

            // SIGTERM makes LiteDB checkpoint on dispose; SIGKILL the moment the data file starts to change.
            bot.Terminate();
            var watch = Stopwatch.StartNew();
            while (new FileInfo(dataFile).Length == dataBefore && !bot.HasExited && watch.Elapsed < TimeSpan.FromSeconds(30)) Thread.SpinWait(200);
            bot.Kill();
            await bot.WaitForExitAsync(TimeSpan.FromSeconds(10));
            var logAfter = File.Exists(logFile) ? new FileInfo(logFile).Length : 0;
            if (logAfter > 0 && new FileInfo(dataFile).Length > dataBefore) caughtMidway++;
            output.WriteLine($"round {round}: log {logBefore / 1024:N0} KiB; killed {watch.Elapsed.TotalMilliseconds:N1} ms after SIGTERM; " +
                             $"data file {dataBefore / 1024:N0} → {new FileInfo(dataFile).Length / 1024:N0} KiB, log left {logAfter / 1024:N0} KiB");
        }

        // Reopening replays whatever the killed checkpoint left in the log.
        var stored = Storage.GoalTitles(Db.Path);
        var missing = acked.Where(t => !stored.Contains(t)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} acknowledged goals lost, e.g. {missing.FirstOrDefault()?[..40]}");
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.True(caughtMidway > 0, "no kill landed inside a checkpoint, so this run proved nothing about S2");
        output.WriteLine($"{caughtMidway} of {Rounds} kills landed mid-checkpoint; {acked.Count:N0} acknowledged goals all stored once");

        await using var last = await BotProcess.StartAsync(Db.Path, Slack);
        Assert.Equal(HttpStatusCode.OK, (await last.CommandAsync("/goal", "list", "UCP0P0")).Status);
    }

    [Fact]
    public async Task H14_ConsoleOutput_NeverContainsTokensSecretsOrPrivateText()
    {
        const string Marker = "private-marker-7f3a goal text";
        await using (var bot = await BotProcess.StartAsync(Db.Path, Slack))
        {
            await bot.CommandAsync("/goal", "add " + Marker);
            await bot.CommandAsync("/goal", "frobnicate " + Marker);
            await bot.CommandAsync("/mentor", "frobnicate " + Marker);
            // A forged request and a broken one are logged as warnings: the body must not be.
            await bot.Client.SendAsync(SlackSigner.Signed("command=%2Fgoal&text=" + Uri.EscapeDataString(Marker), "application/x-www-form-urlencoded",
                DateTimeOffset.UtcNow, "wrong-secret", "slack/events"));
            await bot.PostSignedAsync("{\"type\":\"" + Marker, "application/json");
            bot.Terminate();
            Assert.True(await bot.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            var console = bot.Output;
            output.WriteLine(console);
            Assert.Contains("Refused a Slack request", console); // proves the log is really captured
            Assert.DoesNotContain(TestApp.BotToken, console);
            Assert.DoesNotContain("xoxb-", console);
            Assert.DoesNotContain(SlackSigner.Secret, console);
            Assert.DoesNotContain("private-marker-7f3a", console);
        }
    }

    [Fact]
    public async Task H7_TenMegabyteChunkedBody_IsRefusedEarly_AndTheNextRequestIsServed()
    {
        await using var bot = await BotProcess.StartAsync(Db.Path, Slack);
        // A raw socket, so we see the 413 the moment it arrives while the body is still being sent.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, bot.Port);
        var stream = tcp.GetStream();
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var head = "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n" +
                   $"Transfer-Encoding: chunked\r\nX-Slack-Request-Timestamp: {ts}\r\nX-Slack-Signature: v0={new string('0', 64)}\r\n\r\n";
        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(head));
        var chunk = System.Text.Encoding.ASCII.GetBytes("10000\r\n" + new string('a', 0x10000) + "\r\n");
        const long Total = 10L * 1024 * 1024;
        var sent = 0L;
        var answer = new byte[4096];
        var read = stream.ReadAsync(answer).AsTask();
        try
        {
            while (sent < Total && !read.IsCompleted)
            {
                await stream.WriteAsync(chunk);
                sent += 0x10000;
            }
        }
        catch (IOException)
        {
            // The server closed the connection: fine, the answer is already on its way.
        }
        var length = await read.WaitAsync(TimeSpan.FromSeconds(10));
        var status = System.Text.Encoding.ASCII.GetString(answer, 0, length).Split("\r\n")[0];
        output.WriteLine($"'{status}' once {sent / 1024} KiB of {Total / 1024} KiB were written");
        Assert.Equal("HTTP/1.1 413 Payload Too Large", status);
        Assert.True(sent < Total, "the server read the whole 10 MB before refusing");
        Assert.True(await ClosedByServerAsync(stream, TimeSpan.FromSeconds(5)), "the server kept the connection open to drain the upload");

        var next = await bot.CommandAsync("/mentor", "help");
        Assert.Equal(HttpStatusCode.OK, next.Status);
    }

    private static async Task<bool> ClosedByServerAsync(Stream stream, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, cts.Token) > 0)
            {
            }
            return true;
        }
        catch (IOException)
        {
            return true; // reset
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
