using System.Collections.Concurrent;

namespace MentorBot.Slack.Routing;

/// <summary>Delivery log kept in memory for an hour (Slack's retries arrive within minutes). Apps may persist instead.</summary>
public sealed class InMemoryDeliveryLog(TimeProvider time) : ISlackDeliveryLog
{
    private static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new();

    public bool TryClaim(string key)
    {
        var now = time.GetUtcNow();
        if (_seen.Count > 10_000)
            foreach (var old in _seen.Where(s => now - s.Value > Keep)) _seen.TryRemove(old.Key, out _);
        return _seen.TryAdd(key, now);
    }
}
