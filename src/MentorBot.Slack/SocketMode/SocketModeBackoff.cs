namespace MentorBot.Slack.SocketMode;

/// <summary>Capped exponential backoff with jitter, so many restarting bots do not reconnect in step.</summary>
public static class SocketModeBackoff
{
    /// <summary>
    /// Delay before attempt <paramref name="failures"/> + 1: between half and all of
    /// min(max, initial × 2^failures). <paramref name="random"/> is in [0, 1).
    /// </summary>
    public static TimeSpan Delay(int failures, TimeSpan initial, TimeSpan max, double random)
    {
        var exponent = Math.Clamp(failures, 0, 30);
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * Math.Clamp(random, 0, 1));
    }
}
