namespace MentorBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DatabasePath { get; set; } = "./data/mentorbot.db";

    /// <summary>Tests only: record full collection scans on request paths and scheduler ticks (<see cref="ScanGuard"/>).</summary>
    public bool GuardScans { get; set; }
}
