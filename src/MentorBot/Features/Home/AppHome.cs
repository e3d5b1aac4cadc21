using System.Text.Json.Nodes;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>
/// A person's App Home: every registered <see cref="IAppHomeSection"/> in <see cref="IAppHomeSection.Order"/>, published
/// with views.publish. Features call <see cref="RefreshAsync"/> after changing something the person sees there.
/// </summary>
public sealed class AppHome(IEnumerable<IAppHomeSection> sections, SlackApiClient slack, TimeProvider time, ILogger<AppHome> logger)
{
    public async Task<JsonObject> BuildAsync(string userId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var blocks = new List<JsonObject>();
        foreach (var section in sections.OrderBy(s => s.Order))
        {
            try
            {
                blocks.AddRange(await section.BlocksForAsync(userId, now, ct));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One broken section must not blank the whole Home tab.
                logger.LogError(ex, "App Home section {Section} failed for {UserId}", section.GetType().Name, userId);
            }
        }
        if (blocks.Count == 0) blocks.Add(Blocks.Section("Nothing here yet."));
        return Views.Home(Blocks.Capped(blocks, Limits.ViewBlocks, n => $"{n} more blocks left out; use `/mentor help` to reach everything."));
    }

    public async Task PublishAsync(string userId, CancellationToken ct) =>
        await slack.PublishHomeAsync(userId, await BuildAsync(userId, ct), ct);

    /// <summary>Republishes after a change; a failure is logged, never thrown at the change that caused it.</summary>
    public async Task RefreshAsync(string userId, CancellationToken ct)
    {
        try
        {
            await PublishAsync(userId, ct);
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not refresh the App Home of {UserId}: {Error}", userId, ex.Error);
        }
    }
}

/// <summary>app_home_opened on the Home tab: publish the person's App Home.</summary>
public sealed class AppHomeOpened(AppHome home) : ISlackEventHandler
{
    public Task HandleAsync(EventCallback callback, CancellationToken ct) =>
        callback.Field("tab") is "home" or null && callback.UserId is { Length: > 0 } userId ? home.PublishAsync(userId, ct) : Task.CompletedTask;
}
