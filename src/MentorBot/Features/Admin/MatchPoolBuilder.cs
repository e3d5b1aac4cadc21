using MentorBot.Features.Pairs;
using MentorBot.Matching;
using MentorBot.People;
using MentorBot.Programme;

namespace MentorBot.Features.Admin;

/// <summary>
/// Turns the programme's sign-ups into a <see cref="MatchPool"/>: who may be matched at all (a real, active person, not
/// paused, not skipping this round, a mentor with room) and the pairs that must never be proposed (every pair that
/// existed, every declined proposal). Everyone left out is listed with the reason, never silently dropped.
/// </summary>
public sealed class MatchPoolBuilder(SignUpStore signUps, PairStore pairs, MatchStore matches, UserDirectory people, TimeProvider time)
{
    /// <param name="lookUp">Refresh people from Slack (a run, after the ack); false reads the cache only (approving, swapping).</param>
    public async Task<MatchPool> BuildAsync(bool lookUp, IReadOnlyCollection<string> skipped, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var leftOut = new List<LeftOut>();
        var everPaired = pairs.AllForFigures();
        var history = new MatchHistory(everPaired.Select(p => MatchHistory.PairKey(p.MentorId, p.MenteeId)).ToHashSet(), matches.DeclinedKeys());
        var firstTimers = everPaired.SelectMany(p => new[] { p.MentorId, p.MenteeId }).ToHashSet();

        async Task<MatchPerson?> PersonAsync(SignUp signUp, MatchRole role, int room)
        {
            var person = lookUp ? await people.GetAsync(signUp.UserId, ct) : people.Cached(signUp.UserId);
            var reason = person switch
            {
                null => "not found in this workspace",
                { IsBot: true } => "a bot",
                { IsDeactivated: true } => "deactivated in Slack",
                _ when skipped.Contains(signUp.UserId) => "skipped this round",
                _ when pairs.CurrentFor(signUp.UserId).Any(p => p.Status == PairStatus.Paused || p.PausedUntil > now) => "paused",
                _ => null,
            };
            if (reason is not null) { leftOut.Add(new(signUp.UserId, role, reason)); return null; }
            return new MatchPerson
            {
                UserId = signUp.UserId, Topics = signUp.Topics, TopicPicks = signUp.TopicPicks, Zone = people.ZoneOf(signUp.UserId),
                Department = person!.Department, ManagerId = person.ManagerId, IsFirstTimer = !firstTimers.Contains(signUp.UserId),
                Room = room, NotWith = signUp.NotWith,
            };
        }

        var mentees = new List<MatchPerson>();
        foreach (var signUp in signUps.WaitingMentees())
            if (await PersonAsync(signUp, MatchRole.Mentee, 0) is { } mentee) mentees.Add(mentee);
        var mentors = new List<MatchPerson>();
        foreach (var mentor in signUps.Mentors())
        {
            var room = mentor.SignUp.Capacity - mentor.Mentees; // a staged run's own places are counted by the caller
            if (room <= 0) continue; // full: busy, not left out
            if (await PersonAsync(mentor.SignUp, MatchRole.Mentor, room) is { } person) mentors.Add(person);
        }
        return new MatchPool(mentees, mentors, leftOut, history);
    }
}

/// <summary>Runs a matching round and stages it: one path for /mentor match and for a scheduled round.</summary>
public sealed class MatchRunner(MatchPoolBuilder pools, MatchStore matches, ProgrammeSettingsStore settings, TimeProvider time, ILogger<MatchRunner> logger)
{
    public async Task<MatchRun> RunAsync(string adminId, IReadOnlyCollection<string> skipped, CancellationToken ct)
    {
        var pool = await pools.BuildAsync(lookUp: true, skipped, ct);
        var s = settings.Get();
        var now = time.GetUtcNow();
        var outcome = MatcherFor(s, now).Run(pool);
        var run = matches.Stage(new MatchRun
        {
            CreatedAt = now, CreatedBy = adminId, Mode = s.Matching.Mode, MinScore = s.Matching.MinScore,
            Pairs = outcome.Proposals.Select(p => new StagedPair { MenteeId = p.MenteeId, MentorId = p.MentorId, Score = p.Score }).ToList(),
            Unmatched = outcome.Unmatched.Select(u => new UnmatchedPerson { UserId = u.UserId, Role = u.Role, Reason = u.Reason }).ToList(),
            Report = outcome.Report,
        });
        logger.LogInformation("Match run {RunId} by {AdminId}: {Matched} of {Mentees} mentees proposed, mean score {Mean}",
            run.Id, adminId, run.Report.Matched, run.Report.Mentees, run.Report.MeanScore);
        return run;
    }

    /// <summary>The matcher for this week: shared working hours are read over the week that holds <paramref name="now"/>.</summary>
    public static Matcher MatcherFor(ProgrammeSettings s, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return new Matcher(s, today.AddDays(-(((int)today.DayOfWeek + 6) % 7)));
    }
}
