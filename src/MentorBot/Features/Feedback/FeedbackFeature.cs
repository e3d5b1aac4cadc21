using MentorBot.Features.Pairs;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>What the Feedback feature adds to MentorBot: its services (its Slack routes are listed in SlackRoutes.cs).</summary>
public static class FeedbackFeature
{
    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<IPairCardFacts, FeedbackCardFacts>();
        services.AddSingleton<FeedbackAsking>();
        services.AddSingleton<FeedbackNotifier>();
        services.AddSingleton<IPersonalData, FeedbackPersonalData>();
        services.AddSingleton<IProgrammeFigures, FeedbackFigures>();
        services.AddSingleton<IAppHomeSection, FeedbackHomeSection>();
    }
}
