using System.Security.Cryptography;
using MentorBot.Slack;

namespace MentorBot.Playground;

/// <summary>
/// Decides whether this run is the playground: <c>--playground</c>, or the Development environment with no Slack
/// settings. Production never falls into it by accident: there a missing setting stays a start-up error.
/// </summary>
public sealed class PlaygroundMode : IAsyncDisposable
{
    public const string Flag = "--playground";

    private readonly SlackStandIn _standIn;

    private PlaygroundMode(SlackStandIn standIn) => _standIn = standIn;

    /// <summary>The arguments without <see cref="Flag"/> (the configuration parser would read it as a key), and whether it was there.</summary>
    public static (string[] Args, bool Forced) TakeFlag(string[] args) =>
        (args.Where(a => a != Flag).ToArray(), args.Contains(Flag));

    public static bool IsChosen(WebApplicationBuilder builder, bool forced)
    {
        if (forced) return true;
        if (!builder.Environment.IsDevelopment()) return false;
        var slack = new SlackOptions();
        builder.Configuration.GetSection(SlackOptions.Section).Bind(slack);
        slack.ApplyConventionalVariables(name => builder.Configuration[name]);
        return slack.DescribeMissingSettings() is not null;
    }

    /// <summary>Points the app at the stand-in Slack, with its own database and clock. Null in normal mode.</summary>
    public static PlaygroundMode? ChooseIfWanted(WebApplicationBuilder builder, bool forced)
    {
        if (!IsChosen(builder, forced)) return null;
        var clock = new PlaygroundClock();
        var state = new PlaygroundState();
        var standIn = new SlackStandIn(state, clock);
        var secrets = new PlaygroundSecrets(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = SlackStandIn.BotToken,
            ["Slack:SigningSecret"] = secrets.SigningSecret,
            ["Slack:AppToken"] = "",
            ["SLACK_APP_TOKEN"] = "", // no Socket Mode against the stand-in, even if the shell has a token set
            ["Storage:DatabasePath"] = builder.Configuration["Playground:DatabasePath"] ?? "./data/playground.db",
        });
        // Its port is known only once it listens, which is before anything reads the options (see StartAsync).
        builder.Services.PostConfigure<SlackOptions>(o => o.ApiBaseUrl = standIn.ApiBaseUrl);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton(clock);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton(standIn);
        builder.Services.AddSingleton(secrets);
        builder.Services.AddSingleton<PlaygroundDriver>();
        builder.Services.AddSingleton<SampleProgramme>();
        return new PlaygroundMode(standIn);
    }

    /// <summary>Starts the stand-in and maps the page; call right after Build, before anything uses Slack options.</summary>
    public async Task StartAsync(WebApplication app)
    {
        await _standIn.StartAsync();
        app.MapPlayground();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? app.Urls : ["http://localhost:5000"];
            Console.WriteLine($"MentorBot playground (no Slack needed): open {addresses.First()} in your browser.");
        });
    }

    public ValueTask DisposeAsync() => _standIn.DisposeAsync();
}
