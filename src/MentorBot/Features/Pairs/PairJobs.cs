using MentorBot.Cadences;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Pairs;

/// <summary>Unanswered invitations expire after 14 days; the asker is told and the buttons go away.</summary>
public sealed class InvitationExpiryJob(InvitationStore invitations, PairDms dms, Slack.Api.SlackApiClient slack, ILogger<InvitationExpiryJob> logger) : IPeriodicJob
{
    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var invitation in invitations.PendingExpiredBy(now))
        {
            // Mark first: a crash after this loses at most one note, never sends two.
            invitations.Replace(invitation with { Status = InvitationStatus.Expired, AnsweredAt = now });
            await dms.TrySendAsync(invitation.FromId,
                $"Your invitation to {PairMessages.Plain(invitation.ToId)} ({PairText.TypeName(invitation.Type)}) expired after 14 days without an answer. " +
                "People get busy; you could ask them again, or ask someone else with `/mentor ask @person`.", null, ct);
            if (invitation is { MessageChannel: { } channel, MessageTs: { } ts })
            {
                var (text, blocks) = PairMessages.InvitationClosed($"This invitation from {PairText.Who(invitation.FromId)} expired.");
                try
                {
                    await slack.UpdateMessageAsync(channel, ts, text, blocks, ct);
                }
                catch (Slack.Api.SlackApiException ex)
                {
                    logger.LogWarning("Could not close expired invitation {InvitationId}: {Error}", invitation.Id, ex.Error);
                }
            }
        }
    }
}

/// <summary>Paused pairs resume by themselves when the pause is over, from the first occurrence after it.</summary>
public sealed class PauseResumeJob(PairStore pairs, PairSchedule schedule, PairDms dms, PairCalendar calendar) : IPeriodicJob
{
    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        foreach (var pair in pairs.PauseOverBy(now))
        {
            var resumed = pair with { Status = PairStatus.Active, PausedUntil = null };
            // From the end of the pause (persisted), not from "now": a late tick doesn't shift the schedule.
            resumed = resumed with { NextCheckInUtc = schedule.FirstFrom(resumed, pair.PausedUntil ?? now) };
            pairs.Replace(resumed);
            var next = resumed.NextCheckInUtc is { } at ? $" Next check-in: {Mrkdwn.Date(at)}." : "";
            foreach (var person in new[] { pair.MentorId, pair.MenteeId })
                await dms.TrySendAsync(person, $"Your pause is over: your pair with {PairMessages.Plain(pair.OtherThan(person))} is active again.{next}", null, ct);
            if (calendar.WasEverSent(resumed.Id)) await calendar.SendSeriesAsync(resumed, ct);
        }
    }
}

/// <summary>
/// Pairs on the programme default follow it when an admin changes it: the default last applied is kept on disk, so a
/// change made while the bot was down is still followed, and only pairs still on the old default move.
/// </summary>
public sealed class PairScheduleKeeperJob(PairStore pairs, ProgrammeSettingsStore settings, PairSchedule schedule, PairCalendar calendar, Storage.MentorDb db)
    : IPeriodicJob
{
    private readonly LiteDB.ILiteCollection<AppliedDefault> _applied = CreatedNow(db.Collection<AppliedDefault>("pairs_applied_default"));

    // Created at start-up (LiteDB adds new collections to its header without a lock).
    private static LiteDB.ILiteCollection<AppliedDefault> CreatedNow(LiteDB.ILiteCollection<AppliedDefault> applied)
    {
        applied.EnsureIndex("Kind", "$.Cadence.Kind");
        return applied;
    }

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var current = settings.Get().DefaultCadence;
        // Before the first change on record, pairs carry the built-in default.
        var applied = _applied.FindById(1)?.Cadence ?? Cadence.Default;
        if (applied == current) return;
        var moved = new List<Pair>();
        foreach (var pair in pairs.AllCurrent().Where(p => p.CadenceIsDefault && p.Cadence == applied))
        {
            var follows = pair with { Cadence = current };
            follows = follows with { NextCheckInUtc = follows.Status == PairStatus.Active ? schedule.NextAfter(follows, now) : null };
            pairs.Replace(follows);
            moved.Add(follows);
        }
        _applied.Upsert(new AppliedDefault { Cadence = current });
        // Calendars that hold the old series get the new one (same UID, higher SEQUENCE).
        foreach (var pair in moved.Where(p => calendar.IsPublished(p.Id))) await calendar.SendSeriesAsync(pair, ct);
    }

    public sealed record AppliedDefault
    {
        [LiteDB.BsonId] public int Id { get; init; } = 1;
        public Cadence Cadence { get; init; } = Cadence.Default;
    }
}

/// <summary>Refreshes the cached users.info of everyone in a pair once a day (time zones move, people leave).</summary>
public sealed class PeopleRefreshJob(PairStore pairs, UserDirectory people, ILogger<PeopleRefreshJob> logger) : IPeriodicJob
{
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    private static readonly TimeSpan Stale = TimeSpan.FromDays(1);
    private DateTimeOffset _lastRun = DateTimeOffset.MinValue;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (now - _lastRun < Every) return;
        _lastRun = now;
        var ids = pairs.AllCurrent().SelectMany(p => new[] { p.MentorId, p.MenteeId }).Where(id => id != PairText.ForgottenId).Distinct();
        foreach (var id in ids)
        {
            if (people.Cached(id) is { } cached && now - cached.FetchedAt < Stale) continue;
            try
            {
                await people.GetAsync(id, ct);
            }
            catch (Slack.Api.SlackApiException ex)
            {
                logger.LogWarning("Could not refresh {UserId}: {Error}", id, ex.Error);
            }
        }
    }
}
