using MentorBot.Features.Pairs;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>What the Goals feature adds to MentorBot: its services (its Slack routes are listed in SlackRoutes.cs).</summary>
public static class GoalsFeature
{
    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GoalChanges>();
        services.AddSingleton<IPairCardFacts, GoalCardFacts>();
        services.AddSingleton<IPersonalData, GoalsPersonalData>();
        services.AddSingleton<IProgrammeFigures, GoalFigures>();
        services.AddSingleton<IAppHomeSection, GoalsHomeSection>();
    }
}
