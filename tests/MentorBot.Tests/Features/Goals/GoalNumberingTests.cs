using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.Storage;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Tests.Features.Goals;

/// <summary>Goal numbers come from a per-owner counter (no scan of the owner's goals), are never reused, and survive a restart.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class GoalNumberingTests
{
    private static (MentorDb Db, GoalStore Goals) Open(TempDatabase file)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = file.Path }).Build();
        var services = new ServiceCollection().AddLogging().AddMentorDb(config).AddSingleton<PairStore>().AddSingleton<GoalStore>().BuildServiceProvider();
        return (services.GetRequiredService<MentorDb>(), services.GetRequiredService<GoalStore>());
    }

    [Fact]
    public void Numbers_CountOnAfterADrop_AndAfterAReopen_PerOwner()
    {
        using var file = new TempDatabase();
        var now = DateTimeOffset.UnixEpoch;
        var (db, goals) = Open(file);
        using (db)
        {
            Assert.Equal(1, goals.Add("U1", "one", now).Number);
            Assert.Equal(2, goals.Add("U1", "two", now).Number);
            Assert.Equal(1, goals.Add("U2", "theirs", now).Number);
            goals.Change("U1", 2, g => g with { Status = GoalStatus.Dropped });
            Assert.Equal(3, goals.Add("U1", "three", now).Number); // 2 is not handed out again
        }
        var (reopened, again) = Open(file);
        using (reopened) Assert.Equal(4, again.Add("U1", "four", now).Number);
    }

    [Fact]
    public void GoalsFromBeforeTheCounter_AreCountedOnce_TheFirstTime()
    {
        using var file = new TempDatabase();
        var (db, goals) = Open(file);
        using (db)
        {
            // Written the way the store wrote goals before it kept a counter.
            db.Collection<Goal>("goals").Insert(new Goal { Id = Goal.IdOf("U1", 7), OwnerId = "U1", Number = 7, Title = "old" });
            Assert.Equal(8, goals.Add("U1", "new", DateTimeOffset.UnixEpoch).Number);
            Assert.Equal(9, goals.Add("U1", "newer", DateTimeOffset.UnixEpoch).Number);
        }
    }

    [Fact]
    public void ForgettingSomeone_ForgetsTheirCounterToo()
    {
        using var file = new TempDatabase();
        var (db, goals) = Open(file);
        using (db)
        {
            goals.Add("U1", "one", DateTimeOffset.UnixEpoch);
            goals.DeleteAllOf("U1");
            Assert.Null(db.Collection<GoalCounter>("goal_counters").FindById("U1"));
            Assert.Equal(1, goals.Add("U1", "fresh start", DateTimeOffset.UnixEpoch).Number);
        }
    }

    [Fact]
    public async Task TheCounters_ExistFromStartUp_WithoutAnIndexThatEveryAddWouldRewrite_AndAddsAwaitedTogetherNeverShareANumber()
    {
        using var file = new TempDatabase();
        using (var old = new LiteDB.LiteDatabase(file.Path)) // a database from before: an index on Last, kept only to create the collection
            old.GetCollection("goal_counters").EnsureIndex("Last");
        var (db, goals) = Open(file);
        using (db)
        {
            var indexes = db.Collection<LiteDB.BsonDocument>("$indexes").Find("$.collection = 'goal_counters'").Select(i => i["name"].AsString);
            Assert.Equal(["_id"], indexes);
            Assert.Equal(0, db.Collection<GoalCounter>("goal_counters").Count()); // created, and empty

            var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => goals.AddAsync("U1", $"goal {i}", DateTimeOffset.UnixEpoch)));
            Assert.Equal(Enumerable.Range(1, 40), numbers.Select(g => g.Number).Order());
        }
    }
}
