using MentorBot.Features.Home;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>What the Goals feature adds to MentorBot: its Slack routes, its /mentor verbs and its services.</summary>
public static class GoalsFeature
{
    public static void Routes(SlackRouteTable slack)
    {
    }

    public static void Mentor(MentorSubcommands mentor)
    {
    }

    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
    }
}
