using LiteDB;
using MentorBot.Slack.Routing;
using MentorBot.Storage;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Reliability;

/// <summary>Reads a database file the way a fresh process would, after the app that wrote it is gone.</summary>
public static class Storage
{
    public static MentorDb Open(string path) => new(Options.Create(new StorageOptions { DatabasePath = path }));

    /// <summary>Every goal title in the file, as stored (duplicates kept).</summary>
    public static List<string> GoalTitles(string path)
    {
        using var db = Open(path);
        return db.Collection<BsonDocument>("goals").FindAll().Select(d => d["Title"].AsString).ToList();
    }

    /// <summary>A reply that says the goal was saved: 200, and neither "unknown command" nor the generic apology.</summary>
    public static bool IsGoalSaved(CommandReply reply) =>
        reply.Status == System.Net.HttpStatusCode.OK && reply.AllText.Contains('#')
        && !reply.AllText.Contains("I don't know the command") && !reply.AllText.Contains(SlackRouter.SorryText);
}
