using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>
/// Approving staged pairs: each is re-checked against the current state (someone may have left, been paired or
/// become ineligible since the run), then started through the pairs feature's kickoff with the reasons in the intro.
/// </summary>
public sealed class MatchApprovals(MatchStore matches, MatchPoolBuilder pools, SignUpStore signUps, PairStarter starter, ProgrammeSettingsStore settings,
    SlackApiClient slack, AppHome home, TimeProvider time, ILogger<MatchApprovals> logger)
{
    public sealed record Result(IReadOnlyList<StagedPair> Approved, IReadOnlyList<StagedPair> NotApproved);

    /// <param name="menteeIds">The staged pairs to approve (by mentee); null approves every staged pair.</param>
    public async Task<Result> ApproveAsync(int runId, IReadOnlyCollection<string>? menteeIds, string adminId, CancellationToken ct)
    {
        if (matches.Get(runId) is not { Status: MatchRunStatus.Staged } run) return new([], []);
        var wanted = run.Pairs.Where(p => p.State == StagedPairState.Staged && (menteeIds is null || menteeIds.Contains(p.MenteeId))).ToList();
        var pool = await pools.BuildAsync(lookUp: false, [], ct);
        var matcher = MatchRunner.MatcherFor(settings.Get(), time.GetUtcNow());
        var room = pool.Mentors.ToDictionary(m => m.UserId, m => m.Room);
        var approved = new List<StagedPair>();
        var notApproved = new List<StagedPair>();
        foreach (var pair in wanted)
        {
            var problem = matcher.Recheck(pool, pair.MenteeId, pair.MentorId) switch
            {
                ({ } who, var why) => $"{Mrkdwn.User(who)}: {why}",
                (null, var why) => $"no longer a possible pair ({why})",
                null when room.GetValueOrDefault(pair.MentorId) <= 0 => $"{Mrkdwn.User(pair.MentorId)}: has no room left",
                null => null,
            };
            if (problem is null)
            {
                var result = await starter.StartAsync(pair.MentorId, pair.MenteeId, PairType.Mentoring, adminId, ct, pair.Score.Introduction());
                if (result.Outcome is PairStartOutcome.Started or PairStartOutcome.AlreadyPaired)
                {
                    signUps.MarkPaired(pair.MenteeId, time.GetUtcNow());
                    room[pair.MentorId] -= 1;
                }
                else problem = result.Message;
            }
            var decided = problem is null ? pair with { State = StagedPairState.Approved } : pair with { State = StagedPairState.Stale, Note = problem };
            matches.Change(runId, r => r with { Pairs = r.Pairs.Select(p => p.MenteeId == pair.MenteeId ? decided : p).ToList() });
            (problem is null ? approved : notApproved).Add(decided);
        }
        logger.LogInformation("Admin {AdminId} approved {Approved} pairs of match run {RunId} ({NotApproved} not approved)", adminId, approved.Count, runId, notApproved.Count);
        foreach (var user in approved.SelectMany(p => new[] { p.MenteeId, p.MentorId }).Append(adminId).Distinct()) await home.RefreshAsync(user, ct);
        return new(approved, notApproved);
    }

    /// <summary>Tells the admin what happened, in one DM (approve-all, or a single approval that did not go through).</summary>
    public Task TellAsync(string adminId, Result result, CancellationToken ct)
    {
        var text = result.Approved.Count == 0 && result.NotApproved.Count == 0 ? "Nothing was waiting for approval: the proposal is already decided or discarded."
            : (result.Approved.Count > 0 ? $"✅ Approved {result.Approved.Count} {(result.Approved.Count == 1 ? "pair" : "pairs")}; both people of each got their kickoff DM." : "")
              + (result.NotApproved.Count > 0
                  ? $"\n⚠️ Not approved ({result.NotApproved.Count}): " + string.Join("; ", result.NotApproved.Select(p => $"{Mrkdwn.User(p.MenteeId)} with {Mrkdwn.User(p.MentorId)}: {p.Note}")) +
                    ". Run `/mentor match` again to propose them anew."
                  : "");
        return slack.SendDmAsync(adminId, Mrkdwn.Truncate(text.Trim(), Limits.MessageText), null, ct);
    }
}
