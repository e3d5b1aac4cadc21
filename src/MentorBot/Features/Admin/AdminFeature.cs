using MentorBot.Features.Home;
using MentorBot.Nudges;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>What the Admin feature adds to MentorBot: its Slack routes, its /mentor verbs and its services.</summary>
public static class AdminFeature
{
    public static void Routes(SlackRouteTable slack)
    {
        slack.Action<SignUpModal>(SignUpModal.JoinPrefix);
        slack.View<SignUpModal>(SignUpModal.CallbackId);
        slack.Action<PairingModal>(PairingModal.OpenAction);
        slack.View<PairingModal>(PairingModal.CallbackId);
        slack.View<SettingsModal>(SettingsModal.CallbackId);
        slack.Action<ForgetMeCommand>(ForgetMeCommand.ConfirmAction);
        slack.Event<ProgrammeChannelJoins>("member_joined_channel");
        slack.Event<AppHomeOpened>("app_home_opened");
        slack.Event<AppStopped>("app_uninstalled");
        slack.Event<AppStopped>("tokens_revoked");
    }

    public static void Mentor(MentorSubcommands mentor)
    {
        mentor.Add<ExportCommand>("export", "/mentor export", "get everything MentorBot stores about you, as a file in your DM");
        mentor.Add<ForgetMeCommand>("forget-me", "/mentor forget-me", "delete what you wrote and end your pairs (asks first)");
        mentor.Add<AdminsCommand>("admins", "/mentor admins", "who runs the programme");
        mentor.Admin<ChannelCommand>("channel", "/mentor channel #mentoring", "pick the channel the programme lives in");
        mentor.Admin<AnnounceCommand>("announce", "/mentor announce", "post the sign-up message in the programme channel");
        mentor.Admin<SettingsCommand>("settings", "/mentor settings", "programme name, default cadence, working hours, reminders");
        mentor.Admin<SignUpsCommand>("signups", "/mentor signups", "see waiting sign-ups and pair them");
        mentor.Admin<StatsCommand>("stats", "/mentor stats", "programme health figures (aggregates only)");
    }

    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<AdminState>();
        services.AddSingleton<ProgrammeFiguresReport>();
        services.AddSingleton<AppHome>();
        services.AddSingleton<IPersonalData, AdminPersonalData>();
        services.AddSingleton<IProgrammeFigures, SignUpFigures>();
        services.AddSingleton<IAppHomeSection, WelcomeHomeSection>();
        services.AddSingleton<IAppHomeSection, ProgrammeHomeSection>();
        services.AddSingleton<IPeriodicJob, WeeklyDigest>();
    }
}
