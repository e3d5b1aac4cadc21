using MentorBot;
using MentorBot.Playground;
using MentorBot.Slack;
using MentorBot.Slack.Http;
using MentorBot.Storage;
using Microsoft.Extensions.Options;

var (appArgs, playgroundForced) = PlaygroundMode.TakeFlag(args);
var builder = WebApplication.CreateBuilder(appArgs);
await using var playground = PlaygroundMode.ChooseIfWanted(builder, playgroundForced);
builder.Services.AddSlack(builder.Configuration, SlackRoutes.Slack);
builder.Services.AddMentorDb(builder.Configuration);
builder.Services.AddFeatures(builder.Configuration);

var app = builder.Build();
if (playground is not null) await playground.StartAsync(app);

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
catch (InvalidOperationException ex) when (ex.InnerException is MentorBot.Slack.Api.SlackApiException)
{
    Console.Error.WriteLine(ex.Message);
    return 1;
}

public partial class Program;
