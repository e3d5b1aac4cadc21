using MentorBot.Features.Admin;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Feedback;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MentorBot;

/// <summary>
/// Every periodic job MentorBot runs, in the order each scheduler tick runs them (Scheduling/PeriodicJobs). Read this
/// file to know what happens on its own; each job lives in its feature's folder.
/// </summary>
public static class ScheduledJobs
{
    public static void Add(IServiceCollection services)
    {
        // Pairs: invitations expire, pauses end, pairs on the default follow a changed default, people are refreshed.
        Job<InvitationExpiryJob>(services);
        Job<KickoffReminderJob>(services);
        Job<PauseResumeJob>(services);
        Job<PairScheduleKeeperJob>(services);
        Job<PeopleRefreshJob>(services);
        Job<PulseJob>(services); // the private "how is it going?" at one month, then every three months

        // Check-ins: due occurrences are claimed into the outbox before the outbox is sent, in the same tick.
        Job<CheckInScheduler>(services);
        Job<NudgeSender>(services);

        // Feedback reminders and expiries; the programme's Monday digest.
        Job<FeedbackJob>(services);
        Job<WeeklyDigest>(services);

        // Admin: a scheduled matching round (heads-ups the working day before, the run on the day).
        Job<MatchRoundJob>(services);
    }

    private static void Job<T>(IServiceCollection services) where T : class, IPeriodicJob
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<T>());
    }
}
