namespace MentorBot.Tests.Support;

/// <summary>A fresh folder for one test's LiteDB file; deleted after the app using it is disposed.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("mentorbot-").FullName;
        Path = System.IO.Path.Combine(Folder, "mentorbot.db");
    }

    public string Folder { get; }
    public string Path { get; }

    /// <summary>Every byte of the database files (data, log, backups), for "is this text really gone" checks.</summary>
    public byte[] AllBytes() => Directory.GetFiles(Folder, "*.db").SelectMany(File.ReadAllBytes).ToArray();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
