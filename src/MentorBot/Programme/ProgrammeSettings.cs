using LiteDB;
using MentorBot.Cadences;
using MentorBot.Storage;

namespace MentorBot.Programme;

/// <summary>Programme-wide defaults an admin sets with /mentor settings. New pairs and pairs on the default follow them.</summary>
public sealed record ProgrammeSettings
{
    [BsonId] public int Id { get; init; } = 1;
    public string ProgrammeName { get; init; } = "Mentoring programme";

    /// <summary>The channel the programme lives in; null until an admin picks one.</summary>
    public string? ChannelId { get; init; }

    public Cadence DefaultCadence { get; init; } = Cadence.Default;

    /// <summary>Nudges are only sent inside these local hours and days, in each person's own time zone.</summary>
    public TimeOnly WorkdayStart { get; init; } = new(9, 0);
    public TimeOnly WorkdayEnd { get; init; } = new(17, 30);
    public DayOfWeek[] WorkingDays { get; init; } = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    /// <summary>How long before a check-in the mentee gets the "come prepared" prompt.</summary>
    public TimeSpan PrepLead { get; init; } = TimeSpan.FromDays(1);

    /// <summary>At most this many reminders for one unanswered check-in prompt.</summary>
    public int MaxReminders { get; init; } = 1;
}

/// <summary>The one <see cref="ProgrammeSettings"/> document.</summary>
public sealed class ProgrammeSettingsStore(MentorDb db)
{
    private readonly ILiteCollection<ProgrammeSettings> _settings = db.Collection<ProgrammeSettings>("programme_settings");

    public ProgrammeSettings Get() => _settings.FindById(1) ?? new ProgrammeSettings();

    public ProgrammeSettings Save(ProgrammeSettings settings)
    {
        var saved = settings with { Id = 1 };
        _settings.Upsert(saved);
        return saved;
    }
}
