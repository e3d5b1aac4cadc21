using LiteDB;
using MentorBot.People;
using MentorBot.Storage;

namespace MentorBot.Programme;

/// <summary>
/// Quiet by design, the one owner of three rules for DMs MentorBot sends on its own (prompts, reminders, prep, feedback
/// notices): at most <see cref="PerDay"/> per person per day (in their own zone; more wait for their next working day,
/// never dropped), the admin's "Pause all nudges" (nothing goes out, nothing is lost), and <c>Nudges:DryRun</c>
/// (the senders log what they would send instead of sending it).
/// </summary>
public sealed class ProactiveDms
{
    public const int PerDay = 2;

    private readonly ILiteCollection<BsonDocument> _counts;
    private readonly ProgrammeSettingsStore _settings;
    private readonly UserDirectory _people;
    private readonly Lock _oneAtATime = new();

    public ProactiveDms(MentorDb db, ProgrammeSettingsStore settings, UserDirectory people, IConfiguration configuration)
    {
        _settings = settings;
        _people = people;
        db.EnsureCollection("proactive_dm_counts", formerIndexes: "Day"); // read by id only
        _counts = db.Collection<BsonDocument>("proactive_dm_counts");
        DryRun = configuration.GetValue<bool>("Nudges:DryRun");
    }

    public bool DryRun { get; }

    /// <summary>An admin stopped every nudge (an incident, a holiday shutdown): senders keep everything queued.</summary>
    public bool Paused => _settings.Get().NudgesPaused;

    /// <summary>
    /// Counts one DM to <paramref name="userId"/> today and returns null when it may go now; otherwise the moment it may
    /// (the start of their next working day), and nothing is counted.
    /// </summary>
    public DateTimeOffset? Take(string userId, DateTimeOffset now)
    {
        var zone = _people.ZoneOf(userId);
        var settings = _settings.Get();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var id = $"{userId}:{today:yyyy-MM-dd}";
        lock (_oneAtATime)
        {
            var doc = _counts.FindById(id);
            var count = doc?["Count"].AsInt32 ?? 0;
            if (count >= PerDay)
            {
                return WorkingHours.StartOfWorkingDay(today.AddDays(1), zone, settings); // a weekend: the Monday
            }
            _counts.Upsert(new BsonDocument { ["_id"] = id, ["Day"] = today.ToString("yyyy-MM-dd"), ["Count"] = count + 1 });
            return null;
        }
    }

    /// <summary>How many proactive DMs this person got today (their zone).</summary>
    public int CountToday(string userId, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, _people.ZoneOf(userId)).DateTime);
        return _counts.FindById($"{userId}:{today:yyyy-MM-dd}")?["Count"].AsInt32 ?? 0;
    }
}
