using MentorBot.Slack.Routing;

namespace MentorBot.Storage;

public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddMentorDb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton<MentorDb>();
        services.AddSingleton<StorageWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageWatchdog>());
        services.AddSingleton<ISlackDeliveryLog, DeliveryLog>();
        return services;
    }
}
