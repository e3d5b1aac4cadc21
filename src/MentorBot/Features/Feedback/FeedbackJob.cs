using MentorBot.Scheduling;

namespace MentorBot.Features.Feedback;

/// <summary>
/// Every scheduler tick: expires requests after 14 days (the asker is told), brings back snoozed ones, sends the one
/// reminder (a snoozed request coming back counts as it), then sends every notice still owed (including ones a restart interrupted). Idempotent per tick.
/// </summary>
public sealed class FeedbackJob(FeedbackStore store, FeedbackNotifier notifier) : IPeriodicJob
{
    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var pending = store.Pending();
        // One ask to several people that expires unanswered is one DM to the asker, not one per person: the others
        // close quietly first, and the last (the lowest id) carries the notice that names them all.
        foreach (var ask in pending.Where(r => now >= r.ExpiresAt).GroupBy(r => (r.AskerId, r.AskId)))
        {
            foreach (var request in ask.OrderByDescending(r => r.Id))
            {
                var carrier = request.Id == ask.Min(r => r.Id);
                var expired = store.Change(request.Id, r => r.IsPending
                    ? carrier
                        ? (r with { Status = FeedbackStatus.Expired, ClosedAt = now }).WithNotice(NoticeKind.Expired, r.AskerId, now)
                        : r with { Status = FeedbackStatus.Expired, ClosedAt = now }
                    : null);
                if (expired is not null) await notifier.SettleGiverMessageAsync(expired, ct);
            }
        }
        foreach (var request in pending.Where(r => now < r.ExpiresAt))
        {
            if (request.SnoozedUntil is { } until && until <= now)
            {
                store.Change(request.Id, r => r.IsPending && r.SnoozedUntil <= now
                    ? (r with { SnoozedUntil = null, ReminderSent = true })
                        .WithNotice(NoticeKind.SnoozeReturn, r.GiverId, now)
                    : null);
            }
            else if (request is { ReminderSent: false, SnoozedUntil: null } && request.ReminderDueAt <= now)
            {
                store.Change(request.Id, r => r is { IsPending: true, ReminderSent: false, SnoozedUntil: null }
                    ? (r with { ReminderSent = true }).WithNotice(NoticeKind.Reminder, r.GiverId, now)
                    : null);
            }
        }
        await notifier.SendDueAsync(ct);
    }
}
