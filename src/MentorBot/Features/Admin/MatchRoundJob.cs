using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>
/// A scheduled matching round: everyone waiting gets one heads-up DM at the start of their working hours on the working
/// day before ("You'll be matched tomorrow", with Skip this round); on the day, from the start of the admin's working
/// hours, the round runs and its proposal waits on the admin's Home tab. Each heads-up is claimed before it is sent,
/// so a restart never sends it again.
/// </summary>
public sealed class MatchRoundJob(MatchStore matches, MatchRunner runner, SignUpStore signUps, ProgrammeSettingsStore settings, UserDirectory people,
    AdminState state, SlackApiClient slack, AppHome home, ILogger<MatchRoundJob> logger) : IPeriodicJob
{
    /// <summary>The working day before the round (a Monday round: the Friday before).</summary>
    public static DateOnly HeadsUpDay(DateOnly round, ProgrammeSettings s)
    {
        var day = round.AddDays(-1);
        for (var i = 0; i < 7 && s.WorkingDays.Length > 0 && !s.WorkingDays.Contains(day.DayOfWeek); i++) day = day.AddDays(-1);
        return day;
    }

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        if (matches.NextRound() is not { } round) return;
        var s = settings.Get();
        var runAt = WorkingHours.StartOfWorkingDay(round.Date, people.ZoneOf(round.ScheduledBy), s);
        if (now >= runAt)
        {
            // Staged first, marked done after: a crash in between runs the round again (a new run replaces the staged one).
            var run = await runner.RunAsync(round.ScheduledBy, round.Skipped, ct);
            if (!matches.FinishRound(round.Id)) return;
            await home.RefreshAsync(round.ScheduledBy, ct);
            await slack.SendDmAsync(round.ScheduledBy,
                $"Today's matching round is ready on MentorBot's *Home* tab for your approval; nobody has been messaged yet.\n{MatchProposalView.ReportText(run)}", null, ct);
            return;
        }

        var headsUp = HeadsUpDay(round.Date, s);
        var waiting = signUps.WaitingMentees().Select(x => x.UserId).Concat(signUps.Mentors().Where(m => !m.IsFull).Select(m => m.SignUp.UserId))
            .Distinct().Where(u => !round.Skipped.Contains(u));
        foreach (var userId in waiting)
        {
            if (now < WorkingHours.StartOfWorkingDay(headsUp, people.ZoneOf(userId), s)) continue;
            var key = $"match-heads-up:{round.Id}:{userId}";
            if (!state.TryClaim(key, now)) continue;
            try
            {
                var (text, blocks) = HeadsUp(round, s);
                await slack.SendDmAsync(userId, text, blocks, ct);
                logger.LogInformation("Sent the heads-up for match round {RoundId} to {UserId}", round.Id, userId);
            }
            catch (SlackApiException ex) when (!ex.IsPermanent)
            {
                state.Release(key); // not delivered: next tick tries again
                throw;
            }
        }
    }

    public static (string Text, JsonArray Blocks) HeadsUp(MatchRound round, ProgrammeSettings s)
    {
        var text = $"You'll be matched tomorrow: the {Mrkdwn.Escape(s.ProgrammeName)} matching round is on {MatchProposalView.Day(round.Date)}.";
        return (text, new JsonArray(
            Blocks.Section($"👋 {text} An admin looks over the proposed pairs first; I'll introduce you when yours is approved.",
                Blocks.Button("Skip this round", MatchActions.Skip, round.Id.ToString())),
            Blocks.Context("Skipping leaves you out of this round only; you stay signed up.")));
    }
}
