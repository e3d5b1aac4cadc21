namespace MentorBot.Playground;

/// <summary>
/// The playground's time: the real clock plus however far the person has fast-forwarded. Timers still run in
/// real time, so the scheduler loop keeps ticking; the clock control also ticks it straight away.
/// </summary>
public sealed class PlaygroundClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public void Reset() => Interlocked.Exchange(ref _offsetTicks, 0);
}
