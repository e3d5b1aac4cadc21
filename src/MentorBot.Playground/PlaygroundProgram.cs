namespace MentorBot.Playground;

/// <summary>
/// `dotnet run --project src/MentorBot.Playground`: MentorBot itself. With Slack settings it is the real bot; in
/// Development without them (or with --playground) it talks to the stand-in Slack and serves the playground page.
/// </summary>
public sealed class PlaygroundProgram
{
    public static async Task<int> Main(string[] args)
    {
        var (appArgs, forced) = PlaygroundMode.TakeFlag(args);
        var builder = WebApplication.CreateBuilder(appArgs);
        await using var playground = PlaygroundMode.ChooseIfWanted(builder, forced);
        return await MentorBotApp.RunAsync(builder, playground is null ? null : playground.StartAsync);
    }
}
