using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Programme;

namespace MentorBot.Features.Pairs;

/// <summary>Export and forget for pairs, invitations and kickoff answers. Forgetting anonymises the person in the
/// pairs the other person keeps history of, and ends the current ones.</summary>
public sealed class PairsPersonalData(PairStore pairs, InvitationStore invitations, KickoffStore kickoffs, PulseStore pulses, TimeProvider time) : IPersonalData
{
    public string Name => "pairs";

    public object Export(string userId) => new
    {
        pairs = pairs.EverFor(userId).Select(p => new
        {
            type = PairText.TypeName(p.Type),
            role = p.Type == PairType.Peer ? "peer" : p.MentorId == userId ? "mentor" : "mentee",
            with_user = p.OtherThan(userId),
            status = p.Status.ToString(),
            started_at = p.StartedAt,
            ended_at = p.EndedAt,
            cadence = p.Cadence.Describe(),
            ended_by_you = p.EndedBy == userId,
            your_end_reason = p.EndedBy == userId ? p.EndReason?.ToString() : null,
        }).ToList(),
        invitations = invitations.Involving(userId).Select(i => new
        {
            from_user = i.FromId, to_user = i.ToId, type = PairText.TypeName(i.Type), note = i.Note, status = i.Status.ToString(), created_at = i.CreatedAt,
        }).ToList(),
        kickoff_answers = kickoffs.By(userId).Select(a => new
        {
            pair = a.PairId, want = a.Want, ways = a.Ways.Select(PairMessages.WayName).ToList(), session_minutes = a.SessionMinutes,
            how_often = a.Cadence.Describe(), answered_at = a.AnsweredAt,
        }).ToList(),
        pulse_answers = pulses.By(userId).Select(a => new
        {
            pair = a.PairId, asked_at = a.AskedAt, rating = a.Rating, comment = a.Comment, asked_for_a_different_match = a.RematchRequestedAt,
        }).ToList(),
    };

    public int Forget(string userId)
    {
        var changed = invitations.DeleteInvolving(userId) + kickoffs.DeleteBy(userId, pairs.EverFor(userId).Select(p => p.Id)) + pulses.DeleteBy(userId);
        var now = time.GetUtcNow();
        foreach (var pair in pairs.EverFor(userId))
        {
            var anonymous = pair with
            {
                MentorId = pair.MentorId == userId ? PairText.ForgottenId : pair.MentorId,
                MenteeId = pair.MenteeId == userId ? PairText.ForgottenId : pair.MenteeId,
                StartedBy = pair.StartedBy == userId ? null : pair.StartedBy,
                EndedBy = pair.EndedBy == userId ? null : pair.EndedBy,
            };
            if (anonymous.Status != PairStatus.Ended)
                anonymous = anonymous with { Status = PairStatus.Ended, EndedAt = now, NextCheckInUtc = null, PausedUntil = null };
            pairs.Replace(anonymous);
            changed++;
        }
        return changed;
    }
}

/// <summary>Admin figures: active pairs by type, paused pairs, waiting invitations, and end reasons (counts only).</summary>
public sealed class PairsFigures(PairStore pairs, InvitationStore invitations) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var all = pairs.AllForFigures();
        var active = all.Where(p => p.Status == PairStatus.Active).ToList();
        ProgrammeFigure Pairs(string label, int count) => new(FigureGroup.Pairs, label, count.ToString(), count, count);
        yield return Pairs("Active pairs", active.Count);
        foreach (var type in Enum.GetValues<PairType>())
            yield return Pairs($"Active pairs: {PairText.TypeName(type)}", active.Count(p => p.Type == type));
        yield return Pairs("Paused pairs", all.Count(p => p.Status == PairStatus.Paused));
        yield return Pairs("Invitations waiting for an answer", invitations.CountPending());
        var ended = all.Where(p => p.Status == PairStatus.Ended).ToList();
        yield return Pairs("Ended pairs", ended.Count);
        foreach (var reason in Enum.GetValues<EndReason>())
            yield return Pairs($"Ended pairs: {PairText.ReasonName(reason).ToLowerInvariant()}", ended.Count(p => p.EndReason == reason));
        yield return Pairs("Ended pairs: no reason given", ended.Count(p => p.EndReason is null));
    }
}

/// <summary>"Your mentoring pairs" on the App Home: type, cadence in my local time, next check-in.</summary>
public sealed class PairsHomeSection(PairSummaries summaries) : IAppHomeSection
{
    public int Order => 20;

    public Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var blocks = summaries.BlocksFor(userId, now, withButtons: true);
        blocks.Insert(0, Slack.BlockKit.Blocks.Header("Your mentoring pairs"));
        return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
    }
}
