using MentorBot.Features.Admin;
using MentorBot.Features.Home;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>What the Goals feature adds to MentorBot: its Slack routes, its /mentor verbs and its services.</summary>
public static class GoalsFeature
{
    public static void Routes(SlackRouteTable slack)
    {
        slack.Command<GoalCommand>("/goal");
        slack.Action<GoalActions>("goal.");
        slack.View<GoalModal>(GoalModal.CreateId);
        slack.View<GoalModal>(GoalModal.EditId);
        slack.View<ProgressModal>(ProgressModal.CallbackId);
    }

    public static void Mentor(MentorSubcommands mentor)
    {
    }

    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<GoalChanges>();
        services.AddSingleton<IPersonalData, GoalsPersonalData>();
        services.AddSingleton<IProgrammeFigures, GoalFigures>();
        services.AddSingleton<IAppHomeSection, GoalsHomeSection>();
    }
}
