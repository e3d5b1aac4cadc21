using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace MentorBot.Tests.Playground;

/// <summary>
/// Which mode a real `dotnet MentorBot.dll` run picks, as the README's command would: a child process per case,
/// in a scratch working directory (so ./data/playground.db lands there), with no Slack settings unless given.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public sealed partial class PlaygroundModeTests
{
    [Fact]
    public async Task Production_without_Slack_settings_stops_with_the_one_line_error_and_never_becomes_a_playground()
    {
        await using var run = MentorBotProcess.Start("Production");

        var exit = await run.WaitForExitAsync();

        Assert.Equal(1, exit);
        Assert.StartsWith("MentorBot cannot start: set SLACK_BOT_TOKEN", run.Stderr.Trim());
        Assert.Single(run.Stderr.Trim().Split('\n'));
        Assert.DoesNotContain("playground", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(run.WorkingDirectory, "data", "playground.db")));
    }

    [Fact]
    public async Task Development_without_Slack_settings_starts_the_playground_prints_where_to_open_it_and_uses_its_own_database()
    {
        await using var run = MentorBotProcess.Start("Development");

        var url = await run.WaitForPlaygroundUrlAsync();
        using var http = new HttpClient { BaseAddress = url };
        var page = await http.GetStringAsync("/");

        Assert.Contains("<title>MentorBot playground</title>", page);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        Assert.True(File.Exists(Path.Combine(run.WorkingDirectory, "data", "playground.db")));
        Assert.False(File.Exists(Path.Combine(run.WorkingDirectory, "data", "mentorbot.db")));
    }

    [Fact]
    public async Task The_playground_flag_forces_the_playground_even_in_Production()
    {
        await using var run = MentorBotProcess.Start("Production", args: "--playground");

        var url = await run.WaitForPlaygroundUrlAsync();
        using var http = new HttpClient { BaseAddress = url };

        Assert.Contains("MentorBot playground", await http.GetStringAsync("/"));
    }

    [Fact]
    public async Task With_Slack_settings_Development_runs_the_normal_bot_and_nothing_of_the_playground_answers()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        await using var run = MentorBotProcess.Start("Development", new Dictionary<string, string>
        {
            ["Slack__BotToken"] = "xoxb-mode-test", ["Slack__SigningSecret"] = SlackSigner.Secret, ["Slack__ApiBaseUrl"] = slack.BaseUrl,
        });

        var url = await run.WaitForListeningUrlAsync();
        await slack.WaitForCallAsync("auth.test", timeout: TimeSpan.FromSeconds(20));
        using var http = new HttpClient { BaseAddress = url };

        Assert.Equal("ok", await http.GetStringAsync("/healthz"));
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/playground/api/state?user=UKENJI")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/playground/app.js")).StatusCode);
        var command = await http.PostAsync("/playground/api/command", new StringContent("""{"user":"UKENJI","text":"/mentor help"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, command.StatusCode);
        Assert.DoesNotContain("playground", run.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(Path.Combine(run.WorkingDirectory, "data", "playground.db")));
    }

    [Fact]
    public async Task The_production_bot_holds_no_playground_and_stops_with_the_one_line_error_even_in_Development()
    {
        var production = typeof(Program).Assembly;
        Assert.DoesNotContain(production.GetTypes(), t => t.Namespace?.StartsWith("MentorBot.Playground", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(production.GetManifestResourceNames(), n => n.Contains("Playground", StringComparison.Ordinal));

        await using var run = MentorBotProcess.Start("Development", dll: "MentorBot.dll");

        Assert.Equal(1, await run.WaitForExitAsync());
        Assert.StartsWith("MentorBot cannot start: set SLACK_BOT_TOKEN", run.Stderr.Trim());
        Assert.DoesNotContain("playground", run.Stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_the_normal_test_host_no_playground_route_exists()
    {
        await using var app = await TestApp.StartFreshAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/playground/api/state")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync("/")).StatusCode);
    }
}

/// <summary>A child `dotnet MentorBot.dll` (the build the tests reference) with its output captured; killed by its id on dispose.</summary>
public sealed partial class MentorBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private MentorBotProcess(Process process, string workingDirectory)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
    }

    public string WorkingDirectory { get; }

    public string Stdout { get { lock (_stdout) return _stdout.ToString(); } }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <param name="dll">MentorBot.Playground.dll is what the README's run command starts; MentorBot.dll is the production image's.</param>
    public static MentorBotProcess Start(string environment, IDictionary<string, string>? settings = null, string args = "", string dll = "MentorBot.Playground.dll")
    {
        var folder = Directory.CreateTempSubdirectory("mentorbot-mode-").FullName;
        var start = new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, dll)}\" {args}")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("SLACK_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Slack__", StringComparison.OrdinalIgnoreCase)
                     || k is "ASPNETCORE_ENVIRONMENT" or "DOTNET_ENVIRONMENT").ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Nudges__Enabled"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var run = new MentorBotProcess(process, folder);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (run._stdout) run._stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (run._stderr) run._stderr.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return run;
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public Task<Uri> WaitForPlaygroundUrlAsync() => WaitForAsync(PlaygroundLine());

    public Task<Uri> WaitForListeningUrlAsync() => WaitForAsync(ListeningLine());

    private async Task<Uri> WaitForAsync(Regex line)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (line.Match(Stdout) is { Success: true } m) return new Uri(m.Groups["url"].Value);
            if (_process.HasExited) break;
            await Task.Delay(100);
        }
        throw new TimeoutException($"MentorBot did not print what was expected.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
    }

    [GeneratedRegex(@"MentorBot playground \(no Slack needed\): open (?<url>http://\S+) in your browser")]
    private static partial Regex PlaygroundLine();

    [GeneratedRegex(@"Now listening on: (?<url>http://\S+)")]
    private static partial Regex ListeningLine();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
