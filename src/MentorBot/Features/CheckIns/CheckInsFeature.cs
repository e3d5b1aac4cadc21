using MentorBot.Features.Pairs;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.CheckIns;

/// <summary>What the CheckIns feature adds to MentorBot: its services (its Slack routes are listed in SlackRoutes.cs).</summary>
public static class CheckInsFeature
{
    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<IPairCardFacts, CheckInCardFacts>();
        services.AddSingleton<CheckInFlows>();
        services.AddSingleton<IPairStopped, CheckInStops>();
        services.AddSingleton<IPersonalData, CheckInPersonalData>();
        services.AddSingleton<IProgrammeFigures, CheckInFigures>();
        services.AddSingleton<IAppHomeSection, CheckInHomeSection>();
    }
}
