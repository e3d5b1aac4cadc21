namespace MentorBot.Storage;

/// <summary>
/// Stops MentorBot with a non-zero exit code once the database has stopped working (a full disk breaks the LiteDB
/// instance for good), so a supervisor (Docker's restart policy, systemd) starts a fresh process that reopens the file
/// and replays its log. Meanwhile /healthz answers 503 and users get the router's apology, never silence.
/// </summary>
public sealed class StorageWatchdog(MentorDb db, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StorageWatchdog> logger)
    : BackgroundService
{
    public const int DatabaseBrokenExitCode = 75; // EX_TEMPFAIL: try again later
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    /// <summary>What the process should exit with: 0, or <see cref="DatabaseBrokenExitCode"/> after a stop this watchdog asked for.</summary>
    public int ExitCode { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(Period, time, stoppingToken);
                if (db.IsOpen) continue;
                logger.LogCritical("The database {Path} stopped answering (disk full or failing?). Stopping so a supervisor can restart MentorBot", db.Path);
                ExitCode = DatabaseBrokenExitCode;
                lifetime.StopApplication();
                return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
