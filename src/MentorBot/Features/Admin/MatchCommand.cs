using MentorBot.Cadences;
using MentorBot.Features.Home;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>
/// /mentor match (admins): propose pairs for everyone waiting and stage them on the admin's App Home; nobody is messaged
/// before approval. <c>on 2027-01-11</c> schedules a round (with a heads-up the working day before), <c>cancel</c>
/// cancels it, <c>settings</c> opens the matching settings.
/// </summary>
public sealed class MatchCommand(SignUpStore signUps, MatchStore matches, MatchRunner runner, ProgrammeSettingsStore settings, UserDirectory people,
    SlackReplies replies, AppHome home, TimeProvider time) : IMentorSubcommand
{
    public const string Usage = "/mentor match [on YYYY-MM-DD | cancel | settings]";

    public async Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var words = args.Words;
        var first = words.FirstOrDefault()?.ToLowerInvariant();
        switch (first)
        {
            case null: return Run(command);
            case "settings":
                return await replies.OpenModalAsync(ReplyTarget.Of(command), command.TriggerId, MatchSettingsModal.Build(settings.Get().Matching),
                    "I couldn't open the matching settings just now; please try `/mentor match settings` again.");
            case "cancel":
                return matches.CancelRound() is { } cancelled
                    ? SlackAck.Ephemeral($"Cancelled the matching round of {MatchProposalView.Day(cancelled.Date)}. Nobody else is told.").Then(c => home.RefreshAsync(command.UserId, c))
                    : SlackAck.Ephemeral("No matching round is scheduled. To schedule one: `/mentor match on YYYY-MM-DD`.");
            case "on": return Schedule(command, string.Join(' ', words.Skip(1)));
            default:
                return SlackAck.Ephemeral($"I didn't understand `{Mrkdwn.Escape(Mrkdwn.Truncate(args.Rest, 60))}`. Try `/mentor match` to propose pairs now, " +
                                          $"`/mentor match on {ExampleDay(command.UserId)}` to schedule a round, or `/mentor match settings`.");
        }
    }

    /// <summary>An example date that is valid today: the Monday two weeks ahead, in the reader's zone.</summary>
    private string ExampleDay(string userId)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), people.ZoneOf(userId)).DateTime).AddDays(14);
        while (day.DayOfWeek != DayOfWeek.Monday) day = day.AddDays(1);
        return day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    private SlackAck Run(SlashCommand command)
    {
        if (Unready() is { } why) return SlackAck.Ephemeral(why);
        var mentees = signUps.WaitingMentees().Count;
        var replaced = matches.Staged() is not null ? " It replaces the proposal that was waiting." : "";
        return SlackAck.Ephemeral($"Matching {mentees} waiting {(mentees == 1 ? "mentee" : "mentees")}… the proposal will be on your MentorBot Home tab in a moment. " +
                                  $"Nobody is messaged until you approve.{replaced}")
            .Then(async c =>
            {
                var run = await runner.RunAsync(command.UserId, [], c);
                await home.RefreshAsync(command.UserId, c);
                await replies.TellAsync(ReplyTarget.Of(command),
                    $"Your proposal is ready on MentorBot's *Home* tab: approve pairs one by one or all at once.\n{MatchProposalView.ReportText(run)}", c);
            });
    }

    /// <summary>Why a round can't run now (nobody signed up, no waiting mentees, no mentors), or null.</summary>
    public string? Unready()
    {
        if (signUps.All().Count == 0) return "Nobody has signed up yet, so there is nobody to match. `/mentor announce` posts the sign-up message in the programme channel.";
        var mentees = signUps.WaitingMentees().Count;
        var mentors = signUps.Mentors();
        if (mentees == 0) return "No mentee is waiting to be matched right now. New sign-ups appear in `/mentor signups`.";
        if (mentors.Count == 0)
            return $"Only mentees have signed up so far ({mentees} waiting), and matching needs mentors. `/mentor announce` invites people to mentor.";
        if (mentors.All(m => m.SignUp.Capacity - m.Mentees <= 0))
            return $"Every signed-up mentor is full, so I can't match the {mentees} waiting {(mentees == 1 ? "mentee" : "mentees")}. `/mentor announce` invites more mentors.";
        return null;
    }

    private SlackAck Schedule(SlashCommand command, string text)
    {
        var zone = people.ZoneOf(command.UserId);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        if (!DateText.TryParse(text, today, out var date))
            return SlackAck.Ephemeral($"I couldn't read `{Mrkdwn.Escape(Mrkdwn.Truncate(text, 40))}` as a date. Write it like `/mentor match on {today.AddDays(14):yyyy-MM-dd}`.");
        if (date <= today)
            return SlackAck.Ephemeral($"{MatchProposalView.Day(date)} {(date == today ? "is today" : "has passed")}. Pick a day after today, so people get their heads-up the working day before: " +
                                      $"`/mentor match on {today.AddDays(14):yyyy-MM-dd}`. To match right now, run `/mentor match`.");
        var replaced = matches.Schedule(date, command.UserId);
        var headsUp = MatchRoundJob.HeadsUpDay(date, settings.Get());
        var when = headsUp > today ? $"on {MatchProposalView.Day(headsUp)}" : "today, in their working hours";
        return SlackAck.Ephemeral(
            $"✅ Matching round set for *{MatchProposalView.Day(date)}*" + (replaced is not null ? $" (instead of {MatchProposalView.Day(replaced.Date)})" : "") +
            $". Everyone waiting gets one heads-up {when}, with a way to skip this round. On the day the proposal lands on your Home tab for approval.")
            .Then(c => home.RefreshAsync(command.UserId, c));
    }

}
