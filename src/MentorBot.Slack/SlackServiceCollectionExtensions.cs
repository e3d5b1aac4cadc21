using System.Net;
using MentorBot.Slack.Api;
using MentorBot.Slack.Routing;
using MentorBot.Slack.SocketMode;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MentorBot.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>Longest Retry-After waited for inside one call; longer ones surface as <see cref="SlackRateLimitedException"/>.</summary>
    public static readonly TimeSpan MaxInCallRetryAfter = TimeSpan.FromSeconds(3);

    /// <summary>Adds the Slack layer: options, the Web API client, the router with its routes, follow-ups, the start-up check and Socket Mode.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration, Action<SlackRouteTable> routes)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.Section))
            .PostConfigure(o => o.ApplyConventionalVariables(name => configuration[name]));

        var table = new SlackRouteTable();
        routes(table);
        services.AddSingleton(table);
        foreach (var handler in table.HandlerTypes) services.TryAddSingleton(handler);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISlackDeliveryLog, InMemoryDeliveryLog>();
        services.AddSingleton<SlackIdentity>();
        services.AddSingleton<SlackRouter>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton<SlackReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUps>());
        services.AddHostedService<SlackStartupCheck>();
        // Idle unless an app token is set; HTTP and Socket Mode may run side by side.
        services.AddOptions<SocketModeOptions>().Bind(configuration.GetSection(SocketModeOptions.Section));
        services.AddHostedService<SocketModeService>();

        services.AddHttpClient(nameof(SlackApiClient), (sp, http) =>
            {
                http.BaseAddress = new Uri(sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl);
                http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .AddResilienceHandler("slack", pipeline =>
            {
                // Network time is real time, even when the app runs on a fake clock in tests.
                pipeline.TimeProvider = TimeProvider.System;
                pipeline.AddTimeout(TimeSpan.FromSeconds(30));
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = 2,
                    BackoffType = DelayBackoffType.Constant,
                    Delay = TimeSpan.FromSeconds(1),
                    ShouldRetryAfterHeader = true,
                    // Only what is safe to repeat: a short 429, or a connection that never reached Slack.
                    // A timeout or 5xx after a POST may have posted already, so it is not retried.
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests } r && SlackApiClient.RetryAfter(r) <= MaxInCallRetryAfter
                        || args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }),
                });
                pipeline.AddTimeout(TimeSpan.FromSeconds(10));
            });
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SlackApiClient>(sp,
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SlackApiClient))));
        return services;
    }
}
