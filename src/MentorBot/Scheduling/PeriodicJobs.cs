using Microsoft.Extensions.Options;

namespace MentorBot.Scheduling;

/// <summary>Work that runs on every scheduler tick: due check-ins, reminders, expiries. Must be idempotent per tick.</summary>
public interface IPeriodicJob
{
    Task TickAsync(DateTimeOffset now, CancellationToken ct);
}

/// <summary>
/// One loop on <see cref="TimeProvider"/> for every <see cref="IPeriodicJob"/>. A failing job is logged and the loop
/// goes on: an exception escaping a BackgroundService would stop the host with exit code 0 (RELIABILITY.md rule 8).
/// Tests call <see cref="RunOnceAsync"/> after moving a FakeTimeProvider.
/// </summary>
public sealed class PeriodicJobs(IEnumerable<IPeriodicJob> jobs, TimeProvider time, IOptions<SchedulerOptions> options, ILogger<PeriodicJobs> logger)
    : BackgroundService
{
    private readonly SemaphoreSlim _oneTickAtATime = new(1, 1);

    /// <summary>Traces each job's tick as an activity named <see cref="TickActivity"/>.</summary>
    public static readonly System.Diagnostics.ActivitySource Activities = new("MentorBot.Scheduling");

    public const string TickActivity = "scheduler.tick";

    public async Task RunOnceAsync(CancellationToken ct = default)
    {
        await _oneTickAtATime.WaitAsync(ct);
        try
        {
            foreach (var job in jobs)
            {
                try
                {
                    using var activity = Activities.StartActivity(TickActivity);
                    activity?.SetTag("job", job.GetType().Name);
                    await job.TickAsync(time.GetUtcNow(), ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    logger.LogError(ex, "Periodic job {Job} failed; it will run again next tick", job.GetType().Name);
                }
            }
        }
        finally
        {
            _oneTickAtATime.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Nudges are switched off (Nudges:Enabled=false)");
            return;
        }
        var period = TimeSpan.FromSeconds(Math.Max(1, options.Value.TickSeconds));
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RunOnceAsync(stoppingToken);
                await Task.Delay(period, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
