namespace MentorBot.Storage;

/// <summary>The database file could not be opened; the message is one readable line for the console.</summary>
public class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner)
{
    public DatabaseUnavailableException(string path, IOException inner)
        : this($"Could not open the database {path}: {inner.Message}", (Exception)inner)
    {
    }
}

/// <summary>Another MentorBot process has the database file open.</summary>
public sealed class DatabaseLockedException(string path, Exception inner)
    : DatabaseUnavailableException($"The database {path} is already in use by another MentorBot process. Stop it first, or set Storage:DatabasePath to another file.", inner);
