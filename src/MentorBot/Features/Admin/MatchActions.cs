using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>The proposal's controls on App Home (approve, swap, decline per pair; approve all; discard) and the heads-up's Skip.</summary>
public sealed class MatchActions(Admins admins, MatchStore matches, MatchApprovals approvals, MatchPoolBuilder pools, ProgrammeSettingsStore settings,
    UserDirectory people, SlackReplies replies, AppHome home, TimeProvider time, ILogger<MatchActions> logger) : IBlockActionHandler
{
    public const string Prefix = "admin.match.";
    public const string Skip = "admin.match.skip";
    private const string Gone = "That proposal is no longer waiting (it was approved, discarded or replaced). Your Home tab shows the current one.";

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var userId = actions.User.Id;
        var id = actions.Action.ActionId;
        if (id == Skip) return SkipRound(actions);
        if (!await admins.IsAdminAsync(userId, ct)) return Tell(actions, Admins.Refusal);
        var value = id == MatchProposalView.PairMenu ? actions.Action.SelectedOption?.Value ?? "" : actions.Action.Value ?? "";
        var parts = value.Split('|');
        var runText = id == MatchProposalView.PairMenu ? parts.ElementAtOrDefault(1) : parts[0];
        if (!int.TryParse(runText, NumberStyles.None, CultureInfo.InvariantCulture, out var runId) || matches.Get(runId) is not { Status: MatchRunStatus.Staged } run)
            return Tell(actions, Gone).Then(c => home.RefreshAsync(userId, c));

        if (id == MatchProposalView.ApproveAll)
            return SlackAck.Empty.Then(async c => await approvals.TellAsync(userId, await approvals.ApproveAsync(runId, null, userId, c), c));
        if (id == MatchProposalView.Discard)
        {
            matches.Discard(runId);
            logger.LogInformation("Admin {AdminId} discarded match run {RunId}", userId, runId);
            return SlackAck.Empty.Then(c => home.RefreshAsync(userId, c));
        }
        if (id != MatchProposalView.PairMenu || parts.Length != 3) return SlackAck.Empty;

        var menteeId = parts[2];
        if (run.Pairs.FirstOrDefault(p => p.MenteeId == menteeId && p.State == StagedPairState.Staged) is not { } pair)
            return Tell(actions, "That pair is already decided. Your Home tab shows what is still waiting.").Then(c => home.RefreshAsync(userId, c));
        switch (parts[0])
        {
            case "approve":
                return SlackAck.Empty.Then(async c =>
                {
                    var result = await approvals.ApproveAsync(runId, [menteeId], userId, c);
                    if (result.NotApproved.Count > 0) await approvals.TellAsync(userId, result, c);
                });
            case "decline":
                matches.Decline(pair.MenteeId, pair.MentorId, time.GetUtcNow());
                matches.Change(runId, r => r with { Pairs = r.Pairs.Select(p => p.MenteeId == menteeId ? p with { State = StagedPairState.Declined } : p).ToList() });
                logger.LogInformation("Admin {AdminId} declined a proposed pair of match run {RunId}", userId, runId);
                return SlackAck.Empty.Then(c => home.RefreshAsync(userId, c));
            case "swap":
                var pool = await pools.BuildAsync(lookUp: false, [], ct);
                var reserved = matches.Reserved();
                var room = pool.Mentors.ToDictionary(m => m.UserId, m => m.Room - reserved.GetValueOrDefault(m.UserId));
                var options = MatchRunner.MatcherFor(settings.Get(), time.GetUtcNow())
                    .Alternatives(pool, menteeId, mentor => mentor == pair.MentorId ? 0 : room.GetValueOrDefault(mentor)).Take(MatchSwapModal.MaxChoices).ToList();
                if (options.Count == 0)
                    return Tell(actions, $"No other eligible mentor has room for {Mrkdwn.User(menteeId)} right now. Approve this pair, decline it, or add mentors and run `/mentor match` again.");
                return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, MatchSwapModal.Build(run.Id, pair, options, Name),
                    "I couldn't open the swap form just now; please choose Swap mentor again in a moment.");
            default:
                return SlackAck.Empty;
        }
    }

    private string Name(string userId) => people.Cached(userId)?.DisplayName is { Length: > 0 } name ? name : userId;

    private SlackAck SkipRound(BlockActions actions)
    {
        var userId = actions.User.Id;
        var round = int.TryParse(actions.Action.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var roundId) ? matches.GetRound(roundId) : null;
        if (round is null || !matches.Skip(roundId, userId))
            return Tell(actions, "That matching round is over or was cancelled, so there is nothing to skip. You stay signed up for the next one.");
        logger.LogInformation("{UserId} skips match round {RoundId}", userId, roundId);
        var text = $"Got it: you're not in the matching round of {MatchProposalView.Day(round.Date)}. You stay signed up, and the next round includes you.";
        return SlackAck.Empty.Then(c => replies.ReplaceAsync(ReplyTarget.Of(actions), text, new JsonArray(Blocks.Section("👍 " + text)), c));
    }

    private SlackAck Tell(BlockActions actions, string text) => replies.Tell(ReplyTarget.Of(actions), text);
}
