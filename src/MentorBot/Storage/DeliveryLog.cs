using LiteDB;
using MentorBot.Slack.Routing;

namespace MentorBot.Storage;

/// <summary>Slack delivery ids already handled, on disk, so a retry after a restart still has one effect.</summary>
public sealed class DeliveryLog : ISlackDeliveryLog
{
    private static readonly TimeSpan Keep = TimeSpan.FromDays(2);
    private readonly ILiteCollection<Delivery> _deliveries;
    private readonly TimeProvider _time;
    private int _claims;

    public DeliveryLog(MentorDb db, TimeProvider time)
    {
        _deliveries = db.Collection<Delivery>("deliveries");
        _deliveries.EnsureIndex(d => d.At);
        _time = time;
    }

    public bool TryClaim(string key)
    {
        var now = _time.GetUtcNow();
        if (Interlocked.Increment(ref _claims) % 1000 == 0)
            _deliveries.DeleteMany(d => d.At < now - Keep);
        try
        {
            _deliveries.Insert(new Delivery { Id = key, At = now });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public sealed record Delivery
    {
        [BsonId] public string Id { get; init; } = "";
        public DateTimeOffset At { get; init; }
    }
}
