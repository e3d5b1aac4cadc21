namespace MentorBot.Storage;

/// <summary>Another MentorBot process has the database file open.</summary>
public sealed class DatabaseLockedException(string path, Exception inner)
    : Exception($"The database {path} is already in use by another MentorBot process. Stop it first, or set Storage:DatabasePath to another file.", inner);
