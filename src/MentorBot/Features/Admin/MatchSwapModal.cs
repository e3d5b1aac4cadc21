using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Matching;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>"Swap mentor…": the next best eligible mentors with room for one proposed mentee; the choice replaces the proposal's mentor.</summary>
public sealed class MatchSwapModal(Admins admins, MatchStore matches, MatchPoolBuilder pools, ProgrammeSettingsStore settings, AppHome home, TimeProvider time,
    ILogger<MatchSwapModal> logger) : IViewSubmissionHandler
{
    public const string CallbackId = "admin.match.swap";
    public const int MaxChoices = 10;

    public static JsonObject Build(int runId, StagedPair pair, IReadOnlyList<(MatchPerson Mentor, MatchScore Score)> options, Func<string, string> name)
    {
        var choices = options.Select(o => Blocks.Option($"{name(o.Mentor.UserId)} · {o.Score.Total}", o.Mentor.UserId,
            string.Join(" · ", o.Score.Reasons(2))));
        var blocks = new JsonArray(
            Blocks.Section($"*Mentee:* {Mrkdwn.User(pair.MenteeId)}\n*Proposed now:* {Mrkdwn.User(pair.MentorId)} · {pair.Score.Total}"),
            Blocks.Input("mentor", "Swap to", Blocks.StaticSelect("value", choices, placeholder: "Choose a mentor"),
                hint: "Eligible mentors with room, best score first."));
        return Views.Modal(CallbackId, "Swap mentor", blocks, submit: "Swap", privateMetadata: $"{runId}|{pair.MenteeId}");
    }

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var adminId = submission.User.Id;
        if (!await admins.IsAdminAsync(adminId, ct)) return SlackAck.ViewError("mentor", Admins.Refusal);
        var meta = (submission.View.PrivateMetadata ?? "").Split('|');
        var mentorId = submission.View.State["mentor"]?.SelectedOption?.Value;
        if (mentorId is null) return SlackAck.ViewError("mentor", "Choose a mentor.");
        if (meta.Length != 2 || !int.TryParse(meta[0], NumberStyles.None, CultureInfo.InvariantCulture, out var runId) ||
            matches.Get(runId)?.Pairs.FirstOrDefault(p => p.MenteeId == meta[1] && p.State == StagedPairState.Staged) is not { } pair)
            return SlackAck.ViewError("mentor", "This proposal is no longer waiting; close this and look at your Home tab.");

        var pool = await pools.BuildAsync(lookUp: false, [], ct);
        var reserved = matches.Reserved();
        var mentor = pool.Mentors.FirstOrDefault(m => m.UserId == mentorId);
        if (mentor is null || mentor.Room - reserved.GetValueOrDefault(mentorId) <= 0)
            return SlackAck.ViewError("mentor", "That mentor is at capacity now (their places are taken or proposed); choose another.");
        var matcher = MatchRunner.MatcherFor(settings.Get(), time.GetUtcNow());
        var choice = matcher.Alternatives(pool, pair.MenteeId, m => m == mentorId ? 1 : 0).FirstOrDefault();
        if (choice.Mentor is null)
            return SlackAck.ViewError("mentor", "That mentor can't be matched with this mentee any more; choose another.");

        var swapped = matches.Change(runId, r => r with
        {
            Pairs = r.Pairs.Select(p => p.MenteeId == pair.MenteeId && p.State == StagedPairState.Staged ? p with { MentorId = mentorId, Score = choice.Score } : p).ToList(),
        });
        if (swapped is null) return SlackAck.ViewError("mentor", "This proposal is no longer waiting; close this and look at your Home tab.");
        logger.LogInformation("Admin {AdminId} swapped a mentor in match run {RunId}", adminId, runId);
        return SlackAck.ViewClear().Then(c => home.RefreshAsync(adminId, c));
    }
}
