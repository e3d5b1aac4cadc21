using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.CheckIns;

/// <summary>What the CheckIns feature adds to MentorBot: its services (its Slack routes are listed in SlackRoutes.cs).</summary>
public static class CheckInsFeature
{
    public static void Services(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInFlows>();
        services.AddSingleton<CheckInScheduler>();
        services.AddSingleton<NudgeSender>();
        // Order matters: occurrences are claimed before the outbox is sent in the same tick.
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<CheckInScheduler>());
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<NudgeSender>());
        services.AddSingleton<IPersonalData, CheckInPersonalData>();
        services.AddSingleton<IProgrammeFigures, CheckInFigures>();
        services.AddSingleton<IAppHomeSection, CheckInHomeSection>();
    }
}
