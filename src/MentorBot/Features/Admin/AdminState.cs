using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Features.Admin;

/// <summary>One-off facts the admin feature must remember across restarts: who was welcomed, which digest went out.</summary>
public sealed class AdminState
{
    private readonly ILiteCollection<Marker> _markers;

    public AdminState(MentorDb db)
    {
        db.EnsureCollection("admin_markers", formerIndexes: "At"); // read by id only
        _markers = db.Collection<Marker>("admin_markers");
    }

    /// <summary>True the first time a key is claimed, false ever after (so a welcome DM or a digest goes out once).</summary>
    public bool TryClaim(string key, DateTimeOffset now)
    {
        if (_markers.FindById(key) is not null) return false;
        try
        {
            _markers.Insert(new Marker { Id = key, At = now });
            return true;
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            return false;
        }
    }

    public void Release(string key) => _markers.Delete(key);

    public bool Has(string key) => _markers.FindById(key) is not null;

    public static string Welcomed(string userId) => "welcomed:" + userId;

    public int ForgetUser(string userId) => _markers.Delete(Welcomed(userId)) ? 1 : 0;

    public sealed record Marker
    {
        [BsonId] public string Id { get; init; } = "";
        public DateTimeOffset At { get; init; }
    }
}
