using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>What the Admin feature adds to MentorBot: its services (its Slack routes are listed in SlackRoutes.cs).</summary>
public static class AdminFeature
{
    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<SignUpStore>();
        services.AddSingleton<MatchStore>();
        services.AddSingleton<MatchPoolBuilder>();
        services.AddSingleton<MatchRunner>();
        services.AddSingleton<MatchApprovals>();
        services.AddSingleton<AdminState>();
        services.AddSingleton<ProgrammeFiguresReport>();
        services.AddSingleton<AppHome>();
        services.AddSingleton<IPersonalData, AdminPersonalData>();
        services.AddSingleton<IProgrammeFigures, SignUpFigures>();
        services.AddSingleton<IAppHomeSection, WelcomeHomeSection>();
        services.AddSingleton<IAppHomeSection, MatchHomeSection>();
        services.AddSingleton<IAppHomeSection, ProgrammeHomeSection>();
    }
}
