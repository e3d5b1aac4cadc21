using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// The real built MentorBot (<c>dotnet MentorBot.dll</c>) as a child process on a free loopback port, with its own
/// database file and a <see cref="FakeSlackApi"/>. It can be killed (SIGKILL) or asked to stop (SIGTERM) like in production.
/// Its clock is the real one, so requests into it are signed with the real time.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
            Timeout = TimeSpan.FromSeconds(15),
        };
    }

    /// <summary>The app next to the tests (the project reference copies it); MENTORBOT_DLL points elsewhere, e.g. a Release build.</summary>
    public static string DllPath => Environment.GetEnvironmentVariable("MENTORBOT_DLL") is { Length: > 0 } path
        ? path : Path.Combine(AppContext.BaseDirectory, "MentorBot.dll");

    public int Port { get; }
    public int Pid => _process.Id;
    public HttpClient Client { get; }
    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;

    /// <summary>The child's resident memory now (Linux: VmRSS).</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>Starts the app; unless <paramref name="waitUntilHealthy"/> is false, returns once /healthz answers 200.</summary>
    public static async Task<BotProcess> StartAsync(string databasePath, FakeSlackApi slack, bool waitUntilHealthy = true,
        IDictionary<string, string>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var bot = Launch(databasePath, slack, settings);
            if (!waitUntilHealthy) return bot;
            try
            {
                await bot.WaitUntilHealthyAsync(TimeSpan.FromSeconds(30));
                return bot;
            }
            // The free port was taken by another test's listener between choosing it and binding it: choose again.
            catch (InvalidOperationException) when (attempt < 3 && bot.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await bot.DisposeAsync();
            }
        }
    }

    private static BotProcess Launch(string databasePath, FakeSlackApi slack, IDictionary<string, string>? settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { DllPath },
            WorkingDirectory = Path.GetDirectoryName(DllPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Slack__BotToken"] = TestApp.BotToken,
            ["Slack__SigningSecret"] = SlackSigner.Secret,
            ["Slack__ApiBaseUrl"] = slack.BaseUrl,
            ["Storage__DatabasePath"] = databasePath,
            ["Nudges__Enabled"] = "false",
            ["DOTNET_TieredPGO"] = "0", // start faster; these runs are short
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) env[key] = value;
        foreach (var (key, value) in env) start.Environment[key] = value;

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var bot = new BotProcess(process, port);
        process.OutputDataReceived += (_, e) => bot.Append(e.Data);
        process.ErrorDataReceived += (_, e) => bot.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"MentorBot exited with {_process.ExitCode} before it was healthy:\n{Output}");
            try
            {
                using var response = await Client.GetAsync("healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"MentorBot was not healthy within {timeout}:\n{Output}");
    }

    public Task<HttpResponseMessage> PostSignedAsync(string body, string contentType, CancellationToken ct = default) =>
        Client.SendAsync(SlackSigner.Signed(body, contentType, DateTimeOffset.UtcNow, path: "slack/events"), ct);

    /// <summary>A signed slash command, as Slack sends it.</summary>
    public async Task<CommandReply> CommandAsync(string command, string text, string userId = "UMENTEE", CancellationToken ct = default)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await PostSignedAsync(SlackSigner.Form(CommandFields(command, text, userId)), "application/x-www-form-urlencoded", ct);
        return await CommandReply.ReadAsync(response, Stopwatch.GetElapsedTime(started));
    }

    public static Dictionary<string, string> CommandFields(string command, string text, string userId) => new()
    {
        ["token"] = "deprecated", ["team_id"] = "T1", ["team_domain"] = "test", ["channel_id"] = "C1", ["channel_name"] = "general",
        ["user_id"] = userId, ["user_name"] = userId.ToLowerInvariant(), ["command"] = command, ["text"] = text,
        ["api_app_id"] = "A1", ["response_url"] = "http://127.0.0.1:9/response/none", ["trigger_id"] = "trigger-1",
    };

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void Kill() => _process.Kill(entireProcessTree: false);

    /// <summary>kill -TERM: what docker stop and systemd send first.</summary>
    public void Terminate()
    {
        if (SendSignal(_process.Id, 15) != 0) throw new InvalidOperationException("kill(SIGTERM) failed: " + Marshal.GetLastPInvokeError());
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await WaitForExitAsync(TimeSpan.FromSeconds(10));
        }
        Client.Dispose();
        _process.Dispose();
    }
}
