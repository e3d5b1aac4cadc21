using MentorBot.Cadences;
using MentorBot.People;
using MentorBot.Programme;

namespace MentorBot.Features.Pairs;

public enum PairStartOutcome { Started, SamePerson, NotAPerson, AlreadyPaired }

public sealed record PairStartResult(PairStartOutcome Outcome, Pair? Pair, string Message);

/// <summary>
/// Creates a pair after the checks every entry point shares (not oneself, a real active person, not already a pair),
/// sets its first check-in and sends both people the kickoff DM.
/// </summary>
public sealed class PairStarter(PairStore pairs, KickoffStore kickoffs, UserDirectory people, ProgrammeSettingsStore settings, PairSchedule schedule,
    PairDms dms, TimeProvider time, ILogger<PairStarter> logger)
{
    private readonly Lock _oneAtATime = new();

    /// <param name="startedBy">Who started it (an admin, or the person who accepted an invitation).</param>
    /// <param name="introduction">Why these two were matched, said to both in the kickoff (never anything confidential).</param>
    public async Task<PairStartResult> StartAsync(string mentorId, string menteeId, PairType type, string startedBy, CancellationToken ct,
        string? introduction = null)
    {
        if (mentorId == menteeId)
            return new(PairStartOutcome.SamePerson, null, $"{PairText.Who(mentorId)} can't be paired with themselves. Pick two different people.");
        foreach (var id in new[] { mentorId, menteeId })
        {
            if (await RefuseAsync(id, ct) is { } refusal) return new(PairStartOutcome.NotAPerson, null, refusal);
        }

        Pair pair;
        lock (_oneAtATime)
        {
            if (pairs.CurrentBetween(mentorId, menteeId) is { } existing)
                return new(PairStartOutcome.AlreadyPaired, existing,
                    $"{PairText.Who(mentorId)} and {PairText.Who(menteeId)} are already a {PairText.TypeName(existing.Type)} pair. " +
                    "Use `/mentor pairs` to see it, or end it first to start a different kind.");
            var now = time.GetUtcNow();
            var draft = new Pair
            {
                MentorId = mentorId, MenteeId = menteeId, Type = type, Status = PairStatus.Active, StartedAt = now, StartedBy = startedBy,
                Cadence = settings.Get().DefaultCadence, CadenceIsDefault = true,
            };
            pair = pairs.Add(draft with { NextCheckInUtc = schedule.NextAfter(draft, now) });
        }
        logger.LogInformation("Pair {PairId} started by {StartedBy}", pair.Id, startedBy);

        var programme = settings.Get();
        foreach (var person in new[] { pair.MentorId, pair.MenteeId })
        {
            // One reminder, two working days from now in their own zone, unless they have answered by then.
            kickoffs.ScheduleReminder(pair.Id, person, WorkingHours.WorkingDaysAfter(pair.StartedAt, 2, people.ZoneOf(person), programme));
            var (text, blocks) = PairMessages.Kickoff(pair, person, pair.NextCheckInUtc, introduction);
            if (await dms.TrySendAsync(person, text, blocks, ct) is { } posted)
                kickoffs.AddKickoffMessage(pair.Id, new PostedKickoff(person, posted.Channel, posted.Ts));
        }
        return new(PairStartOutcome.Started, pair,
            $"{PairText.Who(mentorId)} and {PairText.Who(menteeId)} are now a {PairText.TypeName(type)} pair. I've sent both a kickoff message to set expectations.");
    }

    /// <summary>Why this id can't be in a pair (unknown, bot, deactivated), or null when it can.</summary>
    public async Task<string?> RefuseAsync(string userId, CancellationToken ct)
    {
        var person = await people.GetAsync(userId, ct);
        if (person is null) return $"I couldn't find {PairText.Who(userId)} in this workspace.";
        if (person.IsBot) return $"{PairText.Who(userId)} is a bot, and bots can't be in a mentoring pair.";
        if (person.IsDeactivated) return $"{PairText.Who(userId)}'s account is deactivated, so they can't be in a pair.";
        return null;
    }
}
