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

    /// <summary>"Pause all nudges": no proactive DM goes out while set; everything waits, and resumes on release.</summary>
    public bool NudgesPaused { get; init; }

    /// <summary>How /mentor match proposes pairs (/mentor match settings).</summary>
    public MatchSettings Matching { get; init; } = new();
}

public enum MatchMode
{
    /// <summary>Only pairs that score at least the minimum; the highest total.</summary>
    BestMatches,

    /// <summary>As many mentees matched as possible, then the highest total.</summary>
    MostMatched,
}

/// <summary>The matcher's knobs, kept with the programme settings.</summary>
public sealed record MatchSettings
{
    /// <summary>Topics sign-ups can pick from (besides typing their own); empty means free text only.</summary>
    public string[] Topics { get; init; } = [];
    public MatchMode Mode { get; init; } = MatchMode.BestMatches;

    /// <summary>Best-matches mode proposes no pair below this score (0–100); most-matched mode flags them.</summary>
    public int MinScore { get; init; } = 30;
    public bool DifferentDepartmentBonus { get; init; }
    public bool FirstTimersBonus { get; init; }

    /// <summary>Off: two people with no working hours in common are never matched.</summary>
    public bool AllowNoSharedHours { get; init; }

    /// <summary>On: never match someone with their own manager (needs People:ManagerField).</summary>
    public bool AvoidManagers { get; init; } = true;
}

/// <summary>The one <see cref="ProgrammeSettings"/> document.</summary>
public sealed class ProgrammeSettingsStore
{
    private readonly ILiteCollection<ProgrammeSettings> _settings;

    public ProgrammeSettingsStore(MentorDb db)
    {
        _settings = db.Collection<ProgrammeSettings>("programme_settings");
        // Creates the collection at start-up: LiteDB adds new collections to its header without a lock, so two first
        // writes to two new collections at once can fail ("Collection was modified").
        _settings.EnsureIndex(s => s.ChannelId);
    }

    public ProgrammeSettings Get() => _settings.FindById(1) ?? new ProgrammeSettings();

    public ProgrammeSettings Save(ProgrammeSettings settings)
    {
        var saved = settings with { Id = 1 };
        _settings.Upsert(saved);
        return saved;
    }
}
