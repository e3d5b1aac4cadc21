using MentorBot.Features.Admin;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Feedback;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;

namespace MentorBot;

public static class FeatureServices
{
    /// <summary>Stores, directories and the /mentor verbs. Slack handlers themselves are registered by AddSlack from SlackRoutes.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulerOptions>().Bind(configuration.GetSection(SchedulerOptions.Section));
        services.AddSingleton<PeriodicJobs>();
        services.AddHostedService(sp => sp.GetRequiredService<PeriodicJobs>());
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection("Slack"));
        services.AddOptions<ZoneOptions>().Bind(configuration.GetSection(ZoneOptions.Section));
        services.AddOptions<ProfileFieldOptions>().Bind(configuration.GetSection(ProfileFieldOptions.Section));
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<Admins>();
        services.AddSingleton<PairStore>();
        services.AddSingleton<GoalStore>();
        services.AddSingleton<ProgrammeSettingsStore>();
        services.AddSingleton<ProactiveDms>();

        GoalsFeature.Services(services, configuration);
        PairsFeature.Services(services, configuration);
        CheckInsFeature.Services(services, configuration);
        FeedbackFeature.Services(services, configuration);
        AdminFeature.Services(services, configuration);

        ScheduledJobs.Add(services);

        var mentor = new MentorSubcommands();
        SlackRoutes.Mentor(mentor);
        services.AddSingleton(mentor);
        foreach (var sub in mentor.All) services.AddSingleton(sub.Handler);
        return services;
    }
}
