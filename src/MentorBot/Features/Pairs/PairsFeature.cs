using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>What the Pairs feature adds to MentorBot: its services (its Slack routes are listed in SlackRoutes.cs).</summary>
public static class PairsFeature
{
    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InvitationStore>();
        services.AddSingleton<KickoffStore>();
        services.AddSingleton<KickoffAgreements>();
        services.AddSingleton<PairSchedule>();
        services.AddSingleton<PairDms>();
        services.AddSingleton<PairCalendar>();
        services.AddSingleton<PairCards>();
        services.AddSingleton<PairClashes>();
        services.AddSingleton<PulseStore>();
        services.AddSingleton<IProgrammeFigures, PairHealthFigures>();
        services.AddSingleton<PairPauses>();
        services.AddSingleton<PairSummaries>();
        services.AddSingleton<PairStarter>();
        services.AddSingleton<IPersonalData, PairsPersonalData>();
        services.AddSingleton<IProgrammeFigures, PairsFigures>();
        services.AddSingleton<IAppHomeSection, PairsHomeSection>();
    }
}
