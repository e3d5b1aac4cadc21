using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Turns due occurrences into check-ins and outbox nudges. Each occurrence is recorded in the same transaction that
/// moves the pair's <see cref="Pair.NextCheckInUtc"/> forward, so a restart never repeats or skips one; after downtime
/// only the latest occurrence inside <see cref="Grace"/> is prompted, older ones are recorded as missed.
/// </summary>
public sealed class CheckInScheduler(
    CheckInStore store,
    ProgrammeSettingsStore settings,
    UserDirectory people,
    PairSchedule schedule,
    ILogger<CheckInScheduler> logger) : IPeriodicJob
{
    public static readonly TimeSpan Grace = TimeSpan.FromHours(12);
    public static readonly TimeSpan ReminderAfter = TimeSpan.FromDays(2);
    public const int IgnoredBeforeAsking = 3;
    private const int Batch = 1000;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var programme = settings.Get();
        // Loops until nothing is due; each pass moves every claimed pair's schedule past "now" or drops it.
        for (var pass = 0; pass < 10_000 && !ct.IsCancellationRequested; pass++)
        {
            var due = store.DueForCheckIn(now, Batch);
            if (due.Count == 0) break;
            foreach (var pair in due)
            {
                try
                {
                    ClaimAll(pair, now, programme);
                }
                catch (Exception ex)
                {
                    // One broken pair (bad cadence, bad data) must not hold up everyone else's prompts.
                    logger.LogError(ex, "Could not schedule the check-in of pair {PairId}; its schedule is stopped", pair.Id);
                    store.InTransaction(() => store.AdvanceCheckIn(pair.Id, pair.NextCheckInUtc!.Value, null));
                }
            }
            await Task.Yield();
        }
        SchedulePrep(now, programme);
    }

    /// <summary>Who gets the check-in prompt: the mentor, or both people in a peer pair.</summary>
    public static IEnumerable<string> PromptRecipients(Pair pair) =>
        pair.Type == PairType.Peer ? [pair.MentorId, pair.MenteeId] : [pair.MentorId];

    /// <summary>Who is asked to come prepared: the mentee, or both people in a peer pair.</summary>
    public static IEnumerable<string> PrepRecipients(Pair pair) =>
        pair.Type == PairType.Peer ? [pair.MentorId, pair.MenteeId] : [pair.MenteeId];

    private void ClaimAll(Pair pair, DateTimeOffset now, ProgrammeSettings programme)
    {
        var due = pair.NextCheckInUtc!.Value;
        for (var i = 0; i < 10_000; i++)
        {
            // The same planner, zone and cadence that set the first due instant (pairs' PairSchedule), so a pair whose
            // people live in different zones keeps one rhythm.
            var next = schedule.NextAfter(pair, due);
            var isLatest = next is null || next > now;
            var prompt = isLatest && now - due <= Grace;
            if (!Claim(pair, due, next, prompt, now, programme)) return;
            if (isLatest) return;
            due = next!.Value;
        }
    }

    private bool Claim(Pair pair, DateTimeOffset due, DateTimeOffset? next, bool prompt, DateTimeOffset now, ProgrammeSettings programme) =>
        store.InTransaction(() =>
        {
            if (!store.AdvanceCheckIn(pair.Id, due, next)) return false;
            var id = CheckIn.IdOf(pair.Id, due);
            if (store.Get(id) is not null) return true; // recorded before: the schedule only had to catch up

            var state = store.StateOf(pair.Id);
            if (state.OpenCheckInId is { } openId && store.Get(openId) is { Status: CheckInStatus.Open } open)
            {
                store.Update(open with { Status = CheckInStatus.NoAnswer });
                store.QueueRetirement(open.Id, now); // superseded: last week's buttons must not stay live
                if (open.PromptedAt is not null) state = state with { IgnoredInARow = state.IgnoredInARow + 1 };
            }

            var status = !prompt ? CheckInStatus.Missed
                : state.AwaitingKeepGoing || state.IgnoredInARow >= IgnoredBeforeAsking ? CheckInStatus.Suppressed
                : CheckInStatus.Open;
            store.CheckIns.Insert(new CheckIn
            {
                Id = id, PairId = pair.Id, MentorId = pair.MentorId, MenteeId = pair.MenteeId, DueUtc = due, Status = status, CreatedAt = now,
            });

            if (status == CheckInStatus.Open)
            {
                state = state with { OpenCheckInId = id };
                foreach (var person in PromptRecipients(pair))
                {
                    var zone = people.ZoneOf(person);
                    store.AddNudgeOnce(NewNudge(pair, id, due, NudgeKind.Prompt, person, PromptAt(due, pair.SessionLength, zone, programme), now));
                    if (programme.MaxReminders > 0)
                        store.AddNudgeOnce(NewNudge(pair, id, due, NudgeKind.Reminder, person,
                            WorkingHours.NextAllowed(due + ReminderAfter, zone, programme), now));
                }
            }
            else if (status == CheckInStatus.Suppressed && !state.AwaitingKeepGoing)
            {
                // Three prompts in a row went unanswered: ask once whether to go on, then stay quiet until answered.
                state = state with { AwaitingKeepGoing = true, OpenCheckInId = null };
                foreach (var person in new[] { pair.MentorId, pair.MenteeId })
                    store.AddNudgeOnce(NewNudge(pair, id, due, NudgeKind.KeepGoing, person, WorkingHours.NextAllowed(now, people.ZoneOf(person), programme), now));
            }
            store.SaveState(state);

            if (next is { } upcoming && upcoming - PrepHorizon(programme) <= now && !state.AwaitingKeepGoing)
                AddPrep(pair, upcoming, now, programme);
            return true;
        });

    /// <summary>
    /// "Come prepared" DMs for check-ins that entered the prep window since the last scan, and for check-ins set inside
    /// the window after the scan had passed them (a pair started today that meets tomorrow morning, a cadence change, a resume).
    /// </summary>
    private void SchedulePrep(DateTimeOffset now, ProgrammeSettings programme)
    {
        var until = now + PrepHorizon(programme);
        // Pairs whose check-in moved: later ones are left for the scan below, which has not reached them yet.
        foreach (var chunk in store.RescheduledUntil(until).Chunk(500))
        {
            InChunk(chunk, pair =>
            {
                if (pair is { Status: PairStatus.Active, NextCheckInUtc: { } due } && due == pair.RescheduledUtc && due > now
                    && !store.StateOf(pair.Id).AwaitingKeepGoing)
                    AddPrep(pair, due, now, programme);
                store.RescheduleSeen(pair.Id, pair.RescheduledUtc);
            });
        }

        var from = store.PrepScannedUntil is { } scanned && scanned > now ? scanned : now;
        if (until <= from) return;
        foreach (var chunk in store.CheckInsBetween(from, until).Chunk(500))
            InChunk(chunk, pair =>
            {
                if (!store.StateOf(pair.Id).AwaitingKeepGoing) AddPrep(pair, pair.NextCheckInUtc!.Value, now, programme);
            });
        store.PrepScannedUntil = until;
    }

    // Chunks of writes per transaction: one commit per pair would make the first scan of a big programme slow.
    private void InChunk(Pair[] chunk, Action<Pair> work)
    {
        try
        {
            store.InTransaction(() =>
            {
                foreach (var pair in chunk) work(pair);
                return 0;
            });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Could not schedule {Count} prep messages; they are skipped", chunk.Length);
        }
    }

    private bool AddPrep(Pair pair, DateTimeOffset due, DateTimeOffset now, ProgrammeSettings programme)
    {
        var added = false;
        foreach (var person in PrepRecipients(pair))
        {
            var zone = people.ZoneOf(person);
            var at = WorkingHours.NextAllowed(Max(PrepAt(due, zone, programme), now), zone, programme);
            if (at >= due) continue; // no working moment left before the check-in: a late prep DM is useless
            added |= store.AddNudgeOnce(NewNudge(pair, CheckIn.IdOf(pair.Id, due), due, NudgeKind.Prep, person, at, now));
        }
        return added;
    }

    internal static Nudge NewNudge(Pair pair, string checkInId, DateTimeOffset due, NudgeKind kind, string recipient, DateTimeOffset queueAt, DateTimeOffset now) => new()
    {
        Id = Nudge.IdOf(checkInId, kind, recipient), PairId = pair.Id, CheckInId = checkInId, DueUtc = due, Kind = kind,
        RecipientId = recipient, Status = NudgeStatus.Pending, QueueAt = queueAt, CreatedAt = now,
    };

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>
    /// Pure: when "did you meet?" reaches its reader: once the session is over, inside the reader's working hours, so at
    /// the latest at the start of their next working day (a New York evening meeting: the next morning there).
    /// </summary>
    public static DateTimeOffset PromptAt(DateTimeOffset due, TimeSpan session, TimeZoneInfo zone, ProgrammeSettings s) =>
        WorkingHours.NextAllowed(due + session, zone, s);

    /// <summary>How far ahead the prep scan looks: the lead, plus the days off a "1 day before" may have to jump back over.</summary>
    public static TimeSpan PrepHorizon(ProgrammeSettings s) => s.PrepLead + TimeSpan.FromDays(s.PrepLead >= TimeSpan.FromDays(1) ? 8 - s.WorkingDays.Length : 0);

    /// <summary>
    /// Pure: when a "come prepared" DM should reach its reader. A lead of whole days counts working days in the reader's
    /// zone ("1 day before" a Monday meeting: the Friday before), at the meeting's time of day kept inside working hours;
    /// a lead of hours is simply that much earlier (working hours are applied by the caller).
    /// </summary>
    public static DateTimeOffset PrepAt(DateTimeOffset due, TimeZoneInfo zone, ProgrammeSettings s)
    {
        if (s.PrepLead < TimeSpan.FromDays(1) || s.WorkingDays.Length == 0 || s.WorkdayEnd <= s.WorkdayStart) return due - s.PrepLead;
        var meeting = TimeZoneInfo.ConvertTime(due, zone);
        var day = DateOnly.FromDateTime(meeting.DateTime);
        for (var left = (int)s.PrepLead.TotalDays; left > 0;)
        {
            day = day.AddDays(-1);
            if (s.WorkingDays.Contains(day.DayOfWeek)) left--;
        }
        var time = TimeOnly.FromDateTime(meeting.DateTime);
        var latest = s.WorkdayEnd.AddHours(-1) < s.WorkdayStart ? s.WorkdayStart : s.WorkdayEnd.AddHours(-1);
        time = time < s.WorkdayStart ? s.WorkdayStart : time > latest ? latest : time;
        var local = day.ToDateTime(time);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
