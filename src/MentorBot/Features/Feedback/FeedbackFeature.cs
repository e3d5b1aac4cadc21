using MentorBot.Features.Admin;
using MentorBot.Features.Home;
using MentorBot.Nudges;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>What the Feedback feature adds to MentorBot: its Slack routes, its /mentor verbs and its services.</summary>
public static class FeedbackFeature
{
    public static void Routes(SlackRouteTable slack)
    {
        slack.Command<AskFeedbackCommand>("/askfeedback");
        slack.Action<FeedbackActions>("feedback.");
        slack.View<AskFeedbackModal>(AskFeedbackModal.CallbackId);
        slack.View<GiveFeedbackModal>(GiveFeedbackModal.CallbackId);
    }

    public static void Mentor(MentorSubcommands mentor)
    {
        mentor.Add<MentorFeedbackCommand>("feedback", "/mentor feedback @mentee",
            "give one of your mentees feedback unprompted (alone: feedback mentees shared with you)");
    }

    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FeedbackStore>();
        services.AddSingleton<FeedbackAsking>();
        services.AddSingleton<FeedbackNotifier>();
        services.AddSingleton<IPeriodicJob, FeedbackJob>();
        services.AddSingleton<IPersonalData, FeedbackPersonalData>();
        services.AddSingleton<IProgrammeFigures, FeedbackFigures>();
        services.AddSingleton<IAppHomeSection, FeedbackHomeSection>();
    }
}
