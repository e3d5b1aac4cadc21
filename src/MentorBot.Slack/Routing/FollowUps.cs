using System.Threading.Channels;
using MentorBot.Slack.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.Routing;

/// <summary>Work that runs after the ack. When a user is waiting on it, <see cref="ResponseUrl"/> lets us tell them it failed.</summary>
public sealed record FollowUpWork(Func<CancellationToken, Task> Run, string Description, string? ResponseUrl);

/// <summary>
/// A bounded queue of post-ack work, run by a few workers. Failures are logged and, where a user is waiting,
/// answered through response_url. Work lives in memory: a crash between ack and follow-up loses that reply.
/// </summary>
public sealed class FollowUps(SlackApiClient slack, ILogger<FollowUps> logger) : BackgroundService
{
    private const int Workers = 4;
    private readonly Channel<FollowUpWork> _queue = Channel.CreateBounded<FollowUpWork>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait });

    public ValueTask EnqueueAsync(FollowUpWork work, CancellationToken ct = default) => _queue.Writer.WriteAsync(work, ct);

    /// <summary>Queues an ack's follow-up, if it has one; both transports call this once the ack is sent.</summary>
    public ValueTask AfterAckAsync(SlackRequest request, SlackAck ack)
    {
        if (ack.FollowUp is null) return ValueTask.CompletedTask;
        var what = request.GetString("command") ?? request.GetString("type") ?? request.Kind.ToString();
        return EnqueueAsync(new FollowUpWork(ack.FollowUp, what, request.GetString("response_url")));
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in _queue.Reader.ReadAllAsync(stoppingToken))
                await RunAsync(work, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(FollowUpWork work, CancellationToken ct)
    {
        try
        {
            using var activity = SlackRouter.Activities.StartActivity(SlackRouter.FollowUpActivity);
            await work.Run(ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Follow-up {Description} failed", work.Description);
            if (work.ResponseUrl is null) return;
            try
            {
                await slack.RespondAsync(work.ResponseUrl, SlackMessages.Ephemeral(SlackRouter.SorryText), ct);
            }
            catch (Exception notify) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(notify, "Could not tell the user that {Description} failed", work.Description);
            }
        }
    }
}
