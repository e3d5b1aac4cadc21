using MentorBot.Features.Admin;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Feedback;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Routing;

namespace MentorBot;

/// <summary>
/// Everything MentorBot answers in Slack, in one place: every command, button, modal, event and /mentor verb, and the
/// handler that answers it. Read this file to know what the bot does; each handler lives in its feature's folder.
/// </summary>
public static class SlackRoutes
{
    public static void Slack(SlackRouteTable slack)
    {
        slack.Command<MentorCommand>("/mentor");

        // Goals
        slack.Command<GoalCommand>("/goal");
        slack.Action<GoalActions>("goal.");
        slack.View<GoalModal>(GoalModal.CreateId);
        slack.View<GoalModal>(GoalModal.EditId);
        slack.View<ProgressModal>(ProgressModal.CallbackId);

        // Pairs: invitations, kickoff expectations, ending
        slack.Action<PairActions>(PairActions.Prefix);
        slack.View<KickoffModal>(KickoffModal.CallbackId);
        slack.View<EndPairModal>(EndPairModal.CallbackId);
        slack.Action<PulseActions>(PulseActions.Prefix);
        slack.View<PulseActions>(PulseActions.CommentModal);

        // Check-ins: the prompt's buttons and its modals
        slack.Action<CheckInActions>("checkin.");
        slack.View<CheckInModals>(CheckInMessages.NotesModal);
        slack.View<CheckInModals>(CheckInMessages.AsyncModal);
        slack.View<CheckInModals>(CheckInMessages.AgendaModal);
        slack.View<CheckInModals>(CheckInMessages.GoalModal);
        slack.View<CheckInModals>(CheckInMessages.PauseModal);

        // Feedback
        slack.Command<AskFeedbackCommand>("/askfeedback");
        slack.Action<FeedbackActions>("feedback.");
        slack.View<AskFeedbackModal>(AskFeedbackModal.CallbackId);
        slack.View<GiveFeedbackModal>(GiveFeedbackModal.CallbackId);

        // Admin: sign-ups, pairing, settings, data rights
        slack.Action<SignUpModal>(SignUpModal.JoinPrefix);
        slack.View<SignUpModal>(SignUpModal.CallbackId);
        slack.Action<PairingModal>(PairingModal.OpenAction);
        slack.View<PairingModal>(PairingModal.CallbackId);
        slack.View<SettingsModal>(SettingsModal.CallbackId);
        slack.Action<MatchActions>(MatchActions.Prefix);
        slack.View<MatchSwapModal>(MatchSwapModal.CallbackId);
        slack.View<MatchSettingsModal>(MatchSettingsModal.CallbackId);
        slack.Action<ForgetMeCommand>(ForgetMeCommand.ConfirmAction);

        // Events
        slack.Event<AppHomeOpened>("app_home_opened");
        slack.Event<ProgrammeChannelJoins>("member_joined_channel");
        slack.Event<AppStopped>("app_uninstalled");
        slack.Event<AppStopped>("tokens_revoked");
    }

    /// <summary>The verbs of /mentor, in the order /mentor help lists them.</summary>
    public static void Mentor(MentorSubcommands mentor)
    {
        // Pairs
        mentor.Add<AskCommand>("ask", AskCommand.Usage, "invite someone to mentor you (or to peer or reverse mentoring, with an optional note)")
            .Add<PairsCommand>("pairs", "/mentor pairs", "your pairs, their cadence in your local time and the next check-in")
            .Add<CadenceCommand>("cadence", "/mentor cadence @person weekly|2w|4w|monthly [on <weekday>] [at HH:MM]", "change how often you meet (or `cron <expression>`, or `default`)")
            .Add<PauseCommand>("pause", "/mentor pause @person 3w", "pause check-ins for a while (or `until YYYY-MM-DD`); they resume by themselves")
            .Add<ResumeCommand>("resume", ResumeCommand.Usage, "resume a paused pair now")
            .Add<EndCommand>("end", EndCommand.Usage, "end a pair respectfully (asks to confirm first)")
            .Admin<PairUpCommand>("pair", PairUpCommand.Usage, "pair two people at once");

        // Feedback
        mentor.Add<MentorFeedbackCommand>("feedback", "/mentor feedback @mentee",
            "give one of your mentees feedback unprompted (alone: feedback mentees shared with you)");

        // Your data, and the programme (admins)
        mentor.Add<ExportCommand>("export", "/mentor export", "get everything MentorBot stores about you, as a file in your DM");
        mentor.Add<ForgetMeCommand>("forget-me", "/mentor forget-me", "delete what you wrote and end your pairs (asks first)");
        mentor.Add<AdminsCommand>("admins", "/mentor admins", "who runs the programme");
        mentor.Admin<ChannelCommand>("channel", "/mentor channel #mentoring", "pick the channel the programme lives in");
        mentor.Admin<AnnounceCommand>("announce", "/mentor announce", "post the sign-up message in the programme channel");
        mentor.Admin<SettingsCommand>("settings", "/mentor settings", "programme name, default cadence, working hours, reminders");
        mentor.Admin<SignUpsCommand>("signups", "/mentor signups", "see waiting sign-ups and pair them");
        mentor.Admin<MatchCommand>("match", MatchCommand.Usage, "propose pairs for everyone waiting, to approve on your Home tab (or schedule a round)");
        mentor.Admin<StatsCommand>("stats", "/mentor stats", "programme health figures (aggregates only)");
        mentor.Admin<DigestCommand>("digest", "/mentor digest", "see the next weekly digest privately, exactly as it will be posted");
    }
}
