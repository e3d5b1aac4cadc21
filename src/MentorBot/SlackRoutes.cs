using MentorBot.Features.Home;
using MentorBot.Slack.Routing;

namespace MentorBot;

/// <summary>Everything MentorBot answers in Slack: read this file to know what the bot does.</summary>
public static class SlackRoutes
{
    public static void Slack(SlackRouteTable slack) => slack
        .Command<MentorCommand>("/mentor");

    /// <summary>The verbs of /mentor, in the order /mentor help lists them.</summary>
    public static void Mentor(MentorSubcommands mentor)
    {
    }
}
