namespace MentorBot.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string DatabasePath { get; set; } = "./data/mentorbot.db";
}
