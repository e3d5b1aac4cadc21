using MentorBot.Features.Pairs;
using MentorBot.Programme;
using MentorBot.Slack.Api;

namespace MentorBot.Features.Feedback;

/// <summary>
/// Sends the notices stored on requests. Each notice is marked sent only after Slack took it, so a crash in between
/// repeats at most that one DM (logged) and never loses it. Called right after an ack and on every scheduler tick.
/// </summary>
public sealed class FeedbackNotifier(FeedbackStore store, PairStore pairs, ProactiveDms quiet, SlackApiClient slack, TimeProvider time, ILogger<FeedbackNotifier> logger)
{
    private const int MaxAttempts = 8;
    // One sender per request at a time (the follow-up and a tick may both reach it); the second waits, then re-reads.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async Task SendDueAsync(CancellationToken ct)
    {
        foreach (var id in store.WithUnsentNotices()) await SendAsync(id, ct);
    }

    public async Task SendAsync(int requestId, CancellationToken ct)
    {
        var stripe = _stripes[(requestId & int.MaxValue) % _stripes.Length];
        await stripe.WaitAsync(ct);
        try
        {
            var request = store.Get(requestId);
            foreach (var notice in request?.Notices.Where(n => n.IsOpen).ToList() ?? [])
            {
                var now = time.GetUtcNow();
                if (notice.NotBefore > now) continue;
                if (!await SendOneAsync(store.Get(requestId)!, notice, now, ct)) break;
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>Replaces the buttons on the giver's request DM once it is settled (best effort: the DM is only a view).</summary>
    public async Task SettleGiverMessageAsync(FeedbackRequest request, CancellationToken ct)
    {
        if (request.GiverChannel is null || request.GiverMessageTs is null) return;
        try
        {
            var message = FeedbackMessages.SettledForGiver(request);
            await slack.UpdateMessageAsync(request.GiverChannel, request.GiverMessageTs, message.Text, message.Blocks, ct);
        }
        catch (SlackApiException ex)
        {
            logger.LogInformation("Could not update the request DM of feedback {RequestId}: {Error}", request.Id, ex.Error);
        }
    }

    /// <returns>False when Slack asked us to slow down: the rest waits for a later tick.</returns>
    private async Task<bool> SendOneAsync(FeedbackRequest request, Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        var messages = Render(request, notice);
        if (messages.Count == 0)
        {
            store.Change(request.Id, r => r.WithNoticeChanged(notice.Id, n => n with { FailedReason = "no_longer_needed" }));
            return true;
        }
        // The notices MentorBot sends on its own (not a person's ask or answer) follow the quiet rules.
        if (notice.Kind is NoticeKind.Reminder or NoticeKind.SnoozeReturn or NoticeKind.Expired)
        {
            if (quiet.Paused) return true; // stays open: it goes out once an admin releases the pause
            if (notice.Attempts == 0 && quiet.Take(notice.To, now) is { } later)
            {
                store.Change(request.Id, r => r.WithNoticeChanged(notice.Id, n => n with { NotBefore = later }));
                return true;
            }
            if (quiet.DryRun)
            {
                logger.LogInformation("Dry run: would DM a {Kind} notice of feedback {RequestId} to {UserId}", notice.Kind, request.Id, notice.To);
                store.Change(request.Id, r => r.WithNoticeChanged(notice.Id, n => n with { FailedReason = "dry_run" }));
                return true;
            }
        }
        try
        {
            PostedMessage? first = null;
            foreach (var message in messages)
            {
                var posted = await slack.SendDmAsync(notice.To, message.Text, message.Blocks, ct);
                first ??= posted;
            }
            store.Change(request.Id, r =>
            {
                var sent = r.WithNoticeChanged(notice.Id, n => n with { SentAt = now, Attempts = n.Attempts + 1 });
                return notice.Kind == NoticeKind.Request && first is not null
                    ? sent with { GiverChannel = first.Channel, GiverMessageTs = first.Ts }
                    : sent;
            });
            if (notice.Attempts > 0)
                logger.LogInformation("Sent {Kind} notice of feedback {RequestId} after {Attempts} attempts", notice.Kind, request.Id, notice.Attempts + 1);
            return true;
        }
        catch (SlackRateLimitedException ex)
        {
            store.Change(request.Id, r => r.WithNoticeChanged(notice.Id, n => n with { NotBefore = now + ex.RetryAfter }));
            return false;
        }
        catch (SlackApiException ex) when (ex.IsPermanent || notice.Attempts + 1 >= MaxAttempts)
        {
            logger.LogWarning("Gave up the {Kind} notice of feedback {RequestId}: {Error}", notice.Kind, request.Id, ex.Error);
            var failed = store.Change(request.Id, r =>
            {
                var changed = r.WithNoticeChanged(notice.Id, n => n with { FailedReason = ex.Error, Attempts = n.Attempts + 1 });
                // A request that never reached the giver comes back to the asker, so nothing is silently lost.
                return notice.Kind == NoticeKind.Request && r.IsPending
                    ? (changed with { Status = FeedbackStatus.Undeliverable, ClosedAt = now }).WithNotice(NoticeKind.Undeliverable, r.AskerId, now)
                    : changed;
            });
            if (failed?.Status == FeedbackStatus.Undeliverable && notice.Kind == NoticeKind.Request)
                return await SendOneAsync(failed, failed.Notices[^1], now, ct);
            return true;
        }
        catch (SlackApiException ex)
        {
            var wait = TimeSpan.FromMinutes(Math.Min(60, 1 << notice.Attempts));
            logger.LogWarning("The {Kind} notice of feedback {RequestId} failed ({Error}); retrying in {Wait}", notice.Kind, request.Id, ex.Error, wait);
            store.Change(request.Id, r => r.WithNoticeChanged(notice.Id, n => n with { Attempts = n.Attempts + 1, NotBefore = now + wait }));
            return true;
        }
    }

    private IReadOnlyList<FeedbackMessage> Render(FeedbackRequest r, Notice notice) => notice.Kind switch
    {
        NoticeKind.Request or NoticeKind.Reminder or NoticeKind.SnoozeReturn =>
            r.IsPending && notice.To == r.GiverId ? [FeedbackMessages.RequestToGiver(r, notice.Kind)] : [],
        NoticeKind.Answer => notice.To == r.AskerId && r.Answer is not null ? FeedbackMessages.AnswerToAsker(r, pairs.MentorsOf(r.AskerId).Any(m => m != r.GiverId)) : [],
        NoticeKind.SharedWithMentor => r.SharedWith.Contains(notice.To) && r.Answer is not null ? FeedbackMessages.SharedWithMentor(r) : [],
        NoticeKind.Declined => [FeedbackMessages.Declined(r)],
        NoticeKind.Expired => [FeedbackMessages.Expired(r, store.AskedBy(r.AskerId).Where(x => x.AskId == r.AskId && x.Status == FeedbackStatus.Expired)
            .OrderBy(x => x.Id).Select(x => x.GiverId).ToList())],
        NoticeKind.Undeliverable => [FeedbackMessages.Undeliverable(r)],
        NoticeKind.Thanked => notice.To.Length > 0 ? [FeedbackMessages.Thanked(r)] : [],
        _ => [],
    };
}
