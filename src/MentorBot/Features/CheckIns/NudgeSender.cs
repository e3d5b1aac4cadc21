using System.Collections.Concurrent;
using System.Diagnostics;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Delivers the nudge outbox at Slack's pace. A 429 parks the nudge (and the whole sender) until Retry-After; a permanent
/// error marks it failed and pauses that person's pairs. A graceful stop (SIGTERM, a deploy) lets the DM in flight finish
/// and records it, so a restart never resends it; only a crash between Slack's answer and our write can resend, at most
/// once (the row is still "Sending" and is logged as a possible duplicate): policy (a) of RELIABILITY.md, so no im:history scope.
/// </summary>
public sealed class NudgeSender(
    CheckInStore store,
    PairStore pairs,
    PairPauses pauses,
    GoalStore goals,
    ProactiveDms quiet,
    SlackApiClient slack,
    ILogger<NudgeSender> logger) : IPeriodicJob
{
    private const int Batch = 200;
    private const int MaxAttempts = 8;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    private readonly ConcurrentDictionary<string, string> _dmChannels = new();
    private DateTimeOffset _rateLimitedUntil = DateTimeOffset.MinValue;

    /// <summary>429s received (benchmark figure).</summary>
    public int RateLimitedCount;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now < _rateLimitedUntil) return;
        var spent = Stopwatch.StartNew();
        // "Pause all nudges": the outbox keeps everything until an admin releases it.
        while (!quiet.Paused && spent.Elapsed < Budget && !ct.IsCancellationRequested)
        {
            var batch = store.Queue(now, Batch);
            if (batch.Count == 0) break;
            foreach (var nudge in batch)
            {
                if (ct.IsCancellationRequested) return; // stopping: what was in flight is recorded, the rest waits for the next start
                if (!await DeliverAsync(nudge, now)) return;
            }
        }
        // New DMs first; then last week's prompts (superseded, paused, ended) lose their buttons at the same pace.
        while (spent.Elapsed < Budget && !ct.IsCancellationRequested)
        {
            var batch = store.RetireQueue(now, Batch);
            if (batch.Count == 0) return;
            foreach (var nudge in batch)
            {
                if (ct.IsCancellationRequested) return;
                if (!await RetireAsync(nudge, now, ct)) return;
            }
        }
    }

    /// <summary>Rewrites a delivered prompt to its closed state, without buttons. False when Slack asked us to slow down.</summary>
    private async Task<bool> RetireAsync(Nudge nudge, DateTimeOffset now, CancellationToken ct)
    {
        if (pairs.Get(nudge.PairId) is not { } pair || store.Get(nudge.CheckInId) is not { } checkIn || checkIn.Status == CheckInStatus.Open)
        {
            store.MarkRetired(nudge.Id);
            return true;
        }
        var content = CheckInMessages.Closed(checkIn, nudge.RecipientId, pair);
        try
        {
            await slack.UpdateMessageAsync(nudge.Channel!, nudge.Ts!, content.Text, content.Blocks, ct);
            store.MarkRetired(nudge.Id);
            return true;
        }
        catch (SlackRateLimitedException ex)
        {
            Interlocked.Increment(ref RateLimitedCount);
            _rateLimitedUntil = now + ex.RetryAfter;
            return false;
        }
        catch (SlackApiException ex) when (ex.IsPermanent && !ex.IsAuthFailure)
        {
            store.MarkRetired(nudge.Id); // deleted, or no longer ours to edit: nothing left to retire
            logger.LogInformation("Prompt {NudgeId} could not be retired ({Error})", nudge.Id, ex.Error);
            return true;
        }
        catch (SlackApiException ex)
        {
            store.UpdateNudge(nudge with { RetireAt = now + TimeSpan.FromMinutes(5) });
            logger.LogWarning("Prompt {NudgeId} not retired yet ({Error})", nudge.Id, ex.Error);
            return true;
        }
    }

    /// <returns>False when Slack asked us to slow down: the rest waits for a later tick.</returns>
    private async Task<bool> DeliverAsync(Nudge nudge, DateTimeOffset now)
    {
        // Never the stopping token: cancelling a post that Slack may already have taken would leave the row "Sending"
        // and DM it again after the restart. The Slack client's own timeouts (10 s a try) bound the wait.
        var ct = CancellationToken.None;
        if (nudge.Status == NudgeStatus.Sending)
            logger.LogWarning("Nudge {NudgeId} was being sent when MentorBot stopped; sending it again (may arrive twice)", nudge.Id);

        DmContent? content;
        string? reason;
        try
        {
            (content, reason) = Render(nudge, now);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not build nudge {NudgeId}", nudge.Id);
            store.UpdateNudge(nudge with { Status = NudgeStatus.Failed, QueueAt = null, Error = "render_failed" });
            return true;
        }
        if (content is null)
        {
            store.UpdateNudge(nudge with { Status = NudgeStatus.Skipped, QueueAt = null, Error = reason });
            return true;
        }
        // At most two proactive DMs a day for one person: the rest waits for their next working day. Counted on the first
        // attempt only: a retry (after a 5xx, or a stop mid-send) is the same DM. A partner's ask for an async check-in
        // is a person asking, not MentorBot nudging.
        if (nudge.Attempts == 0 && nudge.Kind != NudgeKind.AsyncRequest && quiet.Take(nudge.RecipientId, now) is { } later)
        {
            store.UpdateNudge(nudge with { QueueAt = later, Error = "daily_limit" });
            return true;
        }
        if (quiet.DryRun)
        {
            // Who, what and when only: the text may hold private goals or notes, which never go to a log.
            logger.LogInformation("Dry run: would DM a {Kind} to {UserId} for pair {PairId} ({Blocks} blocks)", nudge.Kind, nudge.RecipientId, nudge.PairId, content.Blocks.Count);
            store.UpdateNudge(nudge with { Status = NudgeStatus.Skipped, QueueAt = null, Error = "dry_run" });
            return true;
        }

        var sending = nudge with { Status = NudgeStatus.Sending, Attempts = nudge.Attempts + 1 };
        store.UpdateNudge(sending);
        try
        {
            var channel = _dmChannels.TryGetValue(nudge.RecipientId, out var known) ? known : await slack.OpenDmAsync(nudge.RecipientId, ct);
            _dmChannels[nudge.RecipientId] = channel;
            var posted = await slack.PostMessageAsync(channel, content.Text, content.Blocks, ct);
            store.UpdateNudge(sending with { Status = NudgeStatus.Sent, QueueAt = null, Channel = posted.Channel, Ts = posted.Ts, SentAt = now, Error = null });
            if (nudge.Kind == NudgeKind.Prompt && store.Get(nudge.CheckInId) is { PromptedAt: null } checkIn)
                store.Update(checkIn with { PromptedAt = now });
            return true;
        }
        catch (SlackRateLimitedException ex)
        {
            Interlocked.Increment(ref RateLimitedCount);
            _rateLimitedUntil = now + ex.RetryAfter;
            store.UpdateNudge(sending with { Status = NudgeStatus.Pending, QueueAt = now + ex.RetryAfter, Error = "ratelimited" });
            logger.LogInformation("Slack rate-limited DMs; waiting {Seconds}s", ex.RetryAfter.TotalSeconds);
            return false;
        }
        catch (SlackApiException ex) when (ex.IsAuthFailure)
        {
            store.UpdateNudge(sending with { Status = NudgeStatus.Pending, QueueAt = now + TimeSpan.FromMinutes(5), Error = ex.Error });
            logger.LogError("Slack refused the bot token ({Error}); nudges wait", ex.Error);
            _rateLimitedUntil = now + TimeSpan.FromMinutes(5);
            return false;
        }
        catch (SlackApiException ex) when (ex.IsPermanent)
        {
            store.UpdateNudge(sending with { Status = NudgeStatus.Failed, QueueAt = null, Error = ex.Error });
            _dmChannels.TryRemove(nudge.RecipientId, out _);
            if (ex.Error is "user_not_found" or "account_inactive" or "channel_not_found" or "cannot_dm_bot" or "user_disabled")
            {
                var paused = pauses.PauseAllOf(nudge.RecipientId, now);
                logger.LogWarning("Cannot DM {UserId} ({Error}); paused {Count} pairs", nudge.RecipientId, ex.Error, paused.Count);
            }
            else
            {
                logger.LogError("Nudge {NudgeId} failed: {Error}", nudge.Id, ex.Error);
            }
            return true;
        }
        catch (SlackApiException ex)
        {
            // 5xx, garbage, unreachable, timeout: try again later with growing waits, then give up visibly.
            var attempts = sending.Attempts;
            var failed = attempts >= MaxAttempts;
            store.UpdateNudge(sending with
            {
                Status = failed ? NudgeStatus.Failed : NudgeStatus.Pending,
                QueueAt = failed ? null : now + TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, attempts))),
                Error = ex.Error,
            });
            logger.LogWarning("Nudge {NudgeId} not delivered ({Error}), attempt {Attempt}", nudge.Id, ex.Error, attempts);
            return true;
        }
    }

    /// <summary>
    /// Someone booked into two check-ins at once (cadences set before the kickoff's check, two programme defaults): the
    /// other person of the overlapping one, so the prompt says so instead of silently asking twice.
    /// </summary>
    private string? ClashOf(Pair pair, CheckIn checkIn, string recipient)
    {
        var window = TimeSpan.FromHours(4);
        // The recipient's own check-ins near this one (5,000 prompts due in one minute must not each read the whole window).
        foreach (var other in store.OfPersonBetween(recipient, checkIn.DueUtc - window, checkIn.DueUtc + window))
        {
            if (other.PairId == pair.Id) continue;
            if (pairs.Get(other.PairId) is { } otherPair && SessionOverlap.Overlaps(checkIn.DueUtc, pair.SessionLength, other.DueUtc, otherPair.SessionLength))
                return otherPair.OtherThan(recipient);
        }
        return null;
    }

    /// <summary>The message to send now, or null with the reason it no longer makes sense.</summary>
    private (DmContent?, string?) Render(Nudge nudge, DateTimeOffset now)
    {
        var pair = pairs.Get(nudge.PairId);
        if (pair is null) return (null, "pair_gone");
        var checkIn = store.Get(nudge.CheckInId);
        switch (nudge.Kind)
        {
            case NudgeKind.Prompt or NudgeKind.Reminder:
                if (pair.Status != PairStatus.Active) return (null, "pair_not_active");
                if (checkIn is not { Status: CheckInStatus.Open }) return (null, "already_answered");
                if (nudge.Kind == NudgeKind.Reminder && store.NudgesOf(checkIn.Id).Any(n => n.Kind == NudgeKind.Prompt && n.RecipientId == nudge.RecipientId && n.Status != NudgeStatus.Sent))
                    return (null, "prompt_not_delivered");
                var other = pair.OtherThan(nudge.RecipientId);
                return (CheckInMessages.Prompt(pair, checkIn, nudge.RecipientId, goals.OpenSharedWith(other, nudge.RecipientId),
                    store.OpenAgenda(pair.Id).Where(a => a.AuthorId == other).ToList(), nudge.Kind == NudgeKind.Reminder, ClashOf(pair, checkIn, nudge.RecipientId)), null);
            case NudgeKind.Prep:
                if (now >= nudge.DueUtc) return (null, "check_in_passed");
                if (pair.Status != PairStatus.Active || pair.NextCheckInUtc != nudge.DueUtc) return (null, "schedule_changed");
                return (CheckInMessages.Prep(pair, nudge.DueUtc, nudge.RecipientId, store.OpenAgenda(pair.Id).Where(a => a.AuthorId == nudge.RecipientId).ToList()), null);
            case NudgeKind.KeepGoing:
                if (pair.Status == PairStatus.Ended || !store.StateOf(pair.Id).AwaitingKeepGoing) return (null, "already_answered");
                return (CheckInMessages.KeepGoingQuestion(pair, nudge.RecipientId), null);
            case NudgeKind.AsyncRequest:
                if (checkIn is not { Status: CheckInStatus.Open }) return (null, "already_answered");
                return (CheckInMessages.AsyncRequest(checkIn, pair.OtherThan(nudge.RecipientId)), null);
            default:
                return (null, "unknown_kind");
        }
    }
}
