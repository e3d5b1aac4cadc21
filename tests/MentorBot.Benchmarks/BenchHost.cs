using MentorBot.Slack;
using MentorBot.Storage;

namespace MentorBot.Benchmarks;

/// <summary>The app's services on a temp database, without the HTTP host or the scheduler loop: what each benchmark drives.</summary>
public static class BenchHost
{
    public static WebApplication Build(string folder, string? slackBaseUrl = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "xoxb-bench", ["Slack:SigningSecret"] = "bench",
            ["Storage:DatabasePath"] = Path.Combine(folder, "bench.db"), ["Nudges:Enabled"] = "false",
        };
        if (slackBaseUrl is not null) settings["Slack:ApiBaseUrl"] = slackBaseUrl;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSlack(builder.Configuration, SlackRoutes.Slack);
        builder.Services.AddMentorDb(builder.Configuration);
        builder.Services.AddFeatures(builder.Configuration);
        return builder.Build();
    }
}
