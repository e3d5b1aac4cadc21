using MentorBot.Features.Admin;
using MentorBot.Features.Home;
using MentorBot.Nudges;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>What the Pairs feature adds to MentorBot: its Slack routes, its /mentor verbs and its services.</summary>
public static class PairsFeature
{
    public static void Routes(SlackRouteTable slack)
    {
        slack.Action<PairActions>(PairActions.Prefix);
        slack.View<KickoffModal>(KickoffModal.CallbackId);
        slack.View<EndPairModal>(EndPairModal.CallbackId);
    }

    public static void Mentor(MentorSubcommands mentor)
    {
        mentor.Add<AskCommand>("ask", AskCommand.Usage, "invite someone to mentor you (or to peer or reverse mentoring, with an optional note)")
            .Add<PairsCommand>("pairs", "/mentor pairs", "your pairs, their cadence in your local time and the next check-in")
            .Add<CadenceCommand>("cadence", "/mentor cadence @person weekly|2w|4w|monthly [on <weekday>] [at HH:MM]", "change how often you meet (or `cron <expression>`, or `default`)")
            .Add<PauseCommand>("pause", "/mentor pause @person until 2026-05-01", "pause check-ins until a date (or for `3w`); they resume by themselves")
            .Add<ResumeCommand>("resume", ResumeCommand.Usage, "resume a paused pair now")
            .Add<EndCommand>("end", EndCommand.Usage, "end a pair respectfully (asks to confirm first)")
            .Admin<PairUpCommand>("pair", PairUpCommand.Usage, "pair two people at once");
    }

    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<KickoffStore>();
        services.AddSingleton<PairSchedule>();
        services.AddSingleton<PairDms>();
        services.AddSingleton<PairPauses>();
        services.AddSingleton<PairSummaries>();
        services.AddSingleton<PairStarter>();
        services.AddSingleton<IPairStarter>(sp => sp.GetRequiredService<PairStarter>());
        services.AddSingleton<IPeriodicJob, InvitationExpiryJob>();
        services.AddSingleton<IPeriodicJob, PauseResumeJob>();
        services.AddSingleton<IPeriodicJob, PairScheduleKeeperJob>();
        services.AddSingleton<IPeriodicJob, PeopleRefreshJob>();
        services.AddSingleton<IPersonalData, PairsPersonalData>();
        services.AddSingleton<IProgrammeFigures, PairsFigures>();
        services.AddSingleton<IAppHomeSection, PairsHomeSection>();
    }
}
