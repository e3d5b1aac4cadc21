using MentorBot.Slack;
using MentorBot.Slack.Api;
using MentorBot.Slack.Http;
using MentorBot.Storage;
using Microsoft.Extensions.Options;

namespace MentorBot;

/// <summary>
/// The whole app on a builder: Slack layer, database, features, the endpoint and /healthz, then run. Program calls it;
/// so does the playground (src/MentorBot.Playground), which first points the builder at its stand-in Slack.
/// </summary>
public static class MentorBotApp
{
    /// <param name="onBuilt">Runs right after Build, before anything reads the Slack options (the playground starts its stand-in here).</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, Func<WebApplication, Task>? onBuilt = null)
    {
        builder.Services.AddSlack(builder.Configuration, SlackRoutes.Slack);
        builder.Services.AddMentorDb(builder.Configuration);
        builder.Services.AddFeatures(builder.Configuration);

        var app = builder.Build();
        if (onBuilt is not null) await onBuilt(app);

        // Refuse to start half-configured: one readable line, no stack trace.
        if (app.Services.GetRequiredService<IOptions<SlackOptions>>().Value.DescribeMissingSettings() is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 1;
        }
        try
        {
            app.Services.GetRequiredService<MentorDb>();
        }
        catch (DatabaseUnavailableException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }

        var watchdog = app.Services.GetRequiredService<StorageWatchdog>();
        app.MapSlack();
        app.MapGet("/healthz", (MentorDb db) => db.IsOpen ? Results.Text("ok") : Results.Text("database unavailable", statusCode: 503));

        try
        {
            await app.RunAsync();
            return watchdog.ExitCode;
        }
        catch (InvalidOperationException ex) when (ex.InnerException is SlackApiException)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
    }
}
