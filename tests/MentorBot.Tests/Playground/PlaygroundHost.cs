using MentorBot.Slack.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace MentorBot.Tests.Playground;

/// <summary>
/// The real MentorBot in playground mode, chosen the product's way (Development, no Slack settings), on a real
/// loopback port so a browser can open it. <paramref name="extraRoutes"/>/<paramref name="extraServices"/> let a test
/// add Slack handlers of its own next to the product's (the product's routes are all still there).
/// </summary>
public sealed class PlaygroundHost(Action<SlackRouteTable>? extraRoutes = null, Action<IServiceCollection>? extraServices = null)
    : WebApplicationFactory<MentorBot.Playground.PlaygroundProgram>
{
    private readonly TempDatabase _db = new();

    public LogCapture Logs { get; } = new();
    public string DatabasePath => _db.Path;

    private string? _artifactFolder;

    /// <param name="test">The calling test: the app's log is kept next to its screenshots, for a failure seen only in CI.</param>
    public Uri Start([System.Runtime.CompilerServices.CallerMemberName] string test = "")
    {
        _artifactFolder = Path.Combine(AppContext.BaseDirectory, "playground-screenshots", test);
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        // Host configuration reaches Program as arguments, so it is what Program sees before Build (as with dotnet run).
        builder.ConfigureHostConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["environment"] = "Development",
            ["Playground:DatabasePath"] = _db.Path,
            ["Nudges:Enabled"] = "false", // the clock control ticks the jobs; no background ticks to race with
        }));
        lock (HostStart.Gate) return base.CreateHost(builder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(l => l.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        builder.ConfigureTestServices(services =>
        {
            if (extraRoutes is not null)
            {
                var table = new SlackRouteTable();
                SlackRoutes.Slack(table);
                extraRoutes(table);
                services.AddSingleton(table);
                foreach (var handler in table.HandlerTypes) services.AddSingleton(handler);
            }
            extraServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_artifactFolder is not null)
        {
            Directory.CreateDirectory(_artifactFolder);
            await File.WriteAllLinesAsync(Path.Combine(_artifactFolder, "app.log"),
                Logs.Lines.Where(l => !l.Category.StartsWith("System.Net.Http", StringComparison.Ordinal)).Select(l => l.ToString()));
        }
        _db.Dispose();
    }
}
