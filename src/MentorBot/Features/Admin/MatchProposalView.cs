using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Matching;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>The staged proposal as an admin reads it on App Home: the quality report, then each pair with its reasons.</summary>
public static class MatchProposalView
{
    public const string PairMenu = "admin.match.pair";
    public const string ApproveAll = "admin.match.all";
    public const string Discard = "admin.match.discard";
    public const int ShownPairs = 20;

    public static string Day(DateOnly date) => date.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    public static List<JsonObject> Render(MatchRun? run, MatchRound? round, DateOnly? headsUp)
    {
        var blocks = new List<JsonObject> { Blocks.Header("Matching") };
        if (round is not null)
            blocks.Add(Blocks.Context($"Next round: *{Day(round.Date)}*" +
                (headsUp is { } day ? $" · sign-ups get a heads-up on {Day(day)}" : "") +
                (round.Skipped.Count > 0 ? $" · {round.Skipped.Count} skipping it" : "") + " · `/mentor match cancel`"));
        if (run is null)
        {
            blocks.Add(Blocks.Context("No proposal waiting. `/mentor match` proposes pairs for everyone waiting; nobody is messaged until you approve."));
            return blocks;
        }

        blocks.Add(Blocks.Section(ReportText(run)));
        var staged = run.Pairs.Where(p => p.State == StagedPairState.Staged).ToList();
        if (staged.Count > 0)
            blocks.Add(Blocks.Actions("admin.match.actions",
                Blocks.Button($"Approve all ({staged.Count})", ApproveAll, run.Id.ToString(), "primary",
                    Blocks.Confirm("Approve all?", $"This pairs {staged.Count} {(staged.Count == 1 ? "mentee" : "mentees")} and sends each pair its kickoff DM.", "Approve all")),
                Blocks.Button("Discard", Discard, run.Id.ToString(), confirm:
                    Blocks.Confirm("Discard the proposal?", "Nobody has been messaged; the mentors' places are freed.", "Discard"))));
        foreach (var pair in staged.Take(ShownPairs))
            blocks.Add(Blocks.Section(PairLine(pair), Blocks.Overflow(PairMenu,
                Blocks.Option("Approve", $"approve|{run.Id}|{pair.MenteeId}"),
                Blocks.Option("Swap mentor…", $"swap|{run.Id}|{pair.MenteeId}"),
                Blocks.Option("Decline (never propose again)", $"decline|{run.Id}|{pair.MenteeId}"))));
        if (staged.Count > ShownPairs)
            blocks.Add(Blocks.Context($"…and {staged.Count - ShownPairs} more proposed pairs; *Approve all* includes them."));

        var decided = run.Pairs.Where(p => p.State != StagedPairState.Staged).ToList();
        if (decided.Count > 0)
            blocks.Add(Blocks.Context(Mrkdwn.Truncate(string.Join(" · ", decided.Select(Decided)), Limits.SectionText)));
        if (run.Unmatched.Count > 0)
            blocks.Add(Blocks.Context(Mrkdwn.Truncate("*Not matched:* " + string.Join(" · ", run.Unmatched.Select(u =>
                $"{Mrkdwn.User(u.UserId)} ({(u.Role == MatchRole.Mentor ? "mentor" : "mentee")}): {u.Reason}")), Limits.SectionText)));
        return blocks;
    }

    public static string PairLine(StagedPair pair) =>
        $"{Mrkdwn.User(pair.MenteeId)} with mentor {Mrkdwn.User(pair.MentorId)} · *{pair.Score.Total}*\n" +
        Mrkdwn.Escape(string.Join(" · ", pair.Score.Reasons()));

    /// <summary>The quality report, in a few lines: matched share (warned under 70 %), scores, mentor load, repeats and violations.</summary>
    public static string ReportText(MatchRun run)
    {
        var r = run.Report;
        var share = (int)Math.Round(100 * r.ShareMatched());
        var lines = new List<string>
        {
            $"*{r.Matched} of {r.Mentees} mentees matched ({share} %)*" + (r.ShareMatched() < MatchReport.LowShare && r.Mentees > 0 ? " ⚠️ under 70 %" : "") +
            $" · {(run.Mode == MatchMode.BestMatches ? "best matches" : "most people matched")}",
            r.Matched == 0 ? "No pairs proposed."
                : $"Score: mean {r.MeanScore.ToString("0.#", CultureInfo.InvariantCulture)}, lowest {r.LowestScore} · {r.BelowThreshold} below {run.MinScore}",
            $"Mentor load: {r.Matched} of {r.Places} places filled across {r.Mentors} mentors (mean {(r.Mentors == 0 ? 0 : (double)r.Matched / r.Mentors).ToString("0.0", CultureInfo.InvariantCulture)}, {r.MinLoad}–{r.MaxLoad} each)" +
            (r.IdleMentors > 0 ? $" · ⚠️ {r.IdleMentors} left at 0 while mentees wait" : ""),
            $"Repeats: {r.Repeats} · rule violations: {r.Violations}" + (r.Repeats + r.Violations > 0 ? " ⚠️ should be 0: each pair is re-checked when you approve it" : ""),
        };
        return string.Join("\n", lines);
    }

    private static string Decided(StagedPair p) => p.State switch
    {
        StagedPairState.Approved => $"✅ {Mrkdwn.User(p.MenteeId)} with {Mrkdwn.User(p.MentorId)}",
        StagedPairState.Declined => $"✖️ declined {Mrkdwn.User(p.MenteeId)} with {Mrkdwn.User(p.MentorId)}",
        _ => $"⚠️ not approved {Mrkdwn.User(p.MenteeId)} with {Mrkdwn.User(p.MentorId)}: {p.Note}",
    };
}
