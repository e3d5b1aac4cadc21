using MentorBot.Features.Home;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.CheckIns;

/// <summary>What the CheckIns feature adds to MentorBot: its Slack routes, its /mentor verbs and its services.</summary>
public static class CheckInsFeature
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
