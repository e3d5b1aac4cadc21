using MentorBot.Features.Admin;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Feedback;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Routing;

namespace MentorBot;

/// <summary>
/// Everything MentorBot answers in Slack. Each feature lists its own commands, buttons, modals and events in its
/// <c>*Feature.Routes</c>; read those to know what the bot does.
/// </summary>
public static class SlackRoutes
{
    public static void Slack(SlackRouteTable slack)
    {
        slack.Command<MentorCommand>("/mentor");
        GoalsFeature.Routes(slack);
        PairsFeature.Routes(slack);
        CheckInsFeature.Routes(slack);
        FeedbackFeature.Routes(slack);
        AdminFeature.Routes(slack);
    }

    /// <summary>The verbs of /mentor, in the order /mentor help lists them.</summary>
    public static void Mentor(MentorSubcommands mentor)
    {
        GoalsFeature.Mentor(mentor);
        PairsFeature.Mentor(mentor);
        CheckInsFeature.Mentor(mentor);
        FeedbackFeature.Mentor(mentor);
        AdminFeature.Mentor(mentor);
    }
}
