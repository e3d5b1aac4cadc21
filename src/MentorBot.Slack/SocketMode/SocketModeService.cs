using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using MentorBot.Slack.Api;
using MentorBot.Slack.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MentorBot.Slack.SocketMode;

/// <summary>
/// The Socket Mode transport, on when <c>Slack:AppToken</c> is set. One loop owns the connection: it opens a fresh
/// URL with apps.connections.open, waits for hello, and on a refresh request opens the next connection before
/// closing the old one. Drops, silence (no PONG) and failed opens back off exponentially with jitter.
/// Envelopes go to the same <see cref="SlackRouter"/> as HTTP; each is acked with the handler's answer.
/// https://docs.slack.dev/apis/events-api/using-socket-mode
/// </summary>
public sealed class SocketModeService(
    SlackApiClient slack,
    SlackRouter router,
    FollowUps followUps,
    ISlackDeliveryLog deliveries,
    IOptions<SlackOptions> slackOptions,
    IOptions<SocketModeOptions> socketOptions,
    ILogger<SocketModeService> logger) : BackgroundService
{
    private static readonly TimeSpan KeepAcks = TimeSpan.FromMinutes(5);
    private readonly SocketModeOptions _options = socketOptions.Value;
    private readonly ConcurrentDictionary<string, (string Frame, long At)> _recentAcks = new();
    private int _connections;

    /// <summary>Backoff and connection age are network time: real time even when the app runs on a fake clock.</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!slackOptions.Value.UsesSocketMode) return;
        logger.LogInformation("Starting Socket Mode");

        SocketModeConnection? live = null;
        var drops = 0;
        try
        {
            while (true)
            {
                var next = await ConnectAsync(stoppingToken);
                if (live is not null) await live.CloseAsync(); // only now: the new one already said hello
                live = next;
                var liveSince = Clock.GetTimestamp();

                var end = await live.Ended.WaitAsync(stoppingToken);
                if (end == SocketModeEnd.LinkDisabled)
                {
                    logger.LogError("Slack turned Socket Mode off for this app (link_disabled), so MentorBot stopped listening on it. Enable Socket Mode in the app settings and restart.");
                    return;
                }
                if (end == SocketModeEnd.Refresh)
                {
                    drops = 0;
                    continue; // 'live' keeps serving until its replacement is up
                }

                await live.DisposeAsync();
                live = null;
                // A connection that stayed up a while starts the backoff afresh; one that keeps dropping backs off further.
                drops = Clock.GetElapsedTime(liveSince) > _options.MaxBackoff ? 1 : drops + 1;
                await DelayAsync(drops - 1, TimeSpan.Zero, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            if (live is not null) await live.CloseAsync();
            logger.LogInformation("Socket Mode stopped");
        }
    }

    /// <summary>apps.connections.open, connect, hello; retried with backoff until it works or the app stops.</summary>
    private async Task<SocketModeConnection> ConnectAsync(CancellationToken ct)
    {
        for (var failures = 0; ; failures++)
        {
            var retryAfter = TimeSpan.Zero;
            try
            {
                var url = await slack.OpenSocketConnectionAsync(ct);
                var number = Interlocked.Increment(ref _connections);
                var connection = await SocketModeConnection.OpenAsync(url, number, _options, logger,
                    (frame, from) => Task.Run(() => HandleEnvelopeAsync(frame, from, ct), CancellationToken.None), ct);
                logger.LogInformation("Socket Mode connection {Number} is live", number);
                return connection;
            }
            catch (SlackRateLimitedException ex)
            {
                retryAfter = ex.RetryAfter;
                logger.LogWarning("apps.connections.open is rate limited; retrying after {RetryAfter}", ex.RetryAfter);
            }
            catch (SlackApiException ex) when (ex.IsAuthFailure || ex.Error == "not_allowed_token_type")
            {
                logger.LogError("Slack refused the app-level token ({Error}); SLACK_APP_TOKEN must be an xapp- token with connections:write. Retrying with backoff", ex.Error);
            }
            catch (SlackApiException ex)
            {
                logger.LogWarning("apps.connections.open failed ({Error}); retrying with backoff", ex.Error);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                // Anything else (refused handshake, no hello, bad URL) is retried too: a crashed loop would stop the app.
                logger.LogWarning("Could not open a Socket Mode connection ({Error}); retrying with backoff", ex.Message);
            }
            await DelayAsync(failures, retryAfter, ct);
        }
    }

    private Task DelayAsync(int failures, TimeSpan atLeast, CancellationToken ct)
    {
        var backoff = SocketModeBackoff.Delay(failures, _options.InitialBackoff, _options.MaxBackoff, Random.Shared.NextDouble());
        return Task.Delay(backoff > atLeast ? backoff : atLeast, Clock, ct);
    }

    private async Task HandleEnvelopeAsync(SocketModeFrame envelope, SocketModeConnection from, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var id = envelope.EnvelopeId!;
            if (!deliveries.TryClaim("envelope:" + id))
            {
                // Same answer again if we still have it (the first ack may be what got lost), never the effect.
                logger.LogInformation("Envelope {EnvelopeId} was already handled; acknowledged again without effect", id);
                await from.SendAsync(_recentAcks.TryGetValue(id, out var earlier) ? earlier.Frame : envelope.Ack(SlackAck.Empty), ct);
                return;
            }

            var ack = SlackAck.Empty;
            if (envelope.Request is null)
                logger.LogInformation("Ignored Socket Mode envelope of type {Type}", envelope.Type);
            else
                ack = await router.DispatchInTimeAsync(envelope.Request, ct);

            var frame = envelope.Ack(ack);
            Remember(id, frame);
            await from.SendAsync(frame, ct);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed > TimeSpan.FromSeconds(2))
                logger.LogWarning("Acked {Type} envelope after {Elapsed}: close to Slack's 3 s limit", envelope.Type, elapsed);
            if (envelope.Request is not null) await followUps.AfterAckAsync(envelope.Request, ack);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // Slack re-sends an envelope it did not get an ack for; the delivery log keeps that to one effect.
            logger.LogWarning("Could not ack envelope {EnvelopeId} on connection {Number}: {Error}", envelope.EnvelopeId, from.Number, ex.Message);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Handling Socket Mode envelope {EnvelopeId} failed", envelope.EnvelopeId);
        }
    }

    private void Remember(string envelopeId, string frame)
    {
        var now = Clock.GetTimestamp();
        if (_recentAcks.Count > 1_000)
            foreach (var old in _recentAcks.Where(a => Clock.GetElapsedTime(a.Value.At, now) > KeepAcks)) _recentAcks.TryRemove(old.Key, out _);
        _recentAcks[envelopeId] = (frame, now);
    }
}
