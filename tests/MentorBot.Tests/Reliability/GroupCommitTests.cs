using LiteDB;
using MentorBot.Storage;
using Microsoft.Extensions.Options;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// The group commit on a real LiteDB file: concurrent writers share commits, each caller returns only once its write is
/// committed, one failing write fails nobody else, and a stop commits what is waiting.
/// </summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class GroupCommitTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorbot-groupcommit-").FullName;

    private string DbPath => Path.Combine(_folder, "mentorbot.db");

    private MentorDb Open() => new(Options.Create(new StorageOptions { DatabasePath = DbPath }));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Counter
    {
        public string Id { get; set; } = "";
        public int Value { get; set; }
    }

    private sealed class Note
    {
        public int Id { get; set; }
        public string Text { get; set; } = "";
    }

    [Fact]
    public async Task ConcurrentReadModifyWrites_LoseNothing_AndShareCommits()
    {
        using var db = Open();
        var counters = db.Collection<Counter>("counters");
        const int Threads = 16, Each = 40;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(_ => OnItsOwnThread(() =>
        {
            for (var i = 0; i < Each; i++)
                db.InTransaction(() =>
                {
                    var c = counters.FindById("one") ?? new Counter { Id = "one" };
                    Thread.Sleep(1); // a write that takes a moment, so others queue behind it as under load
                    return counters.Upsert(new Counter { Id = "one", Value = c.Value + 1 });
                });
            return true;
        })));

        Assert.Equal(Threads * Each, counters.FindById("one").Value);
        var (commits, writes) = db.CommitCounts;
        Assert.Equal(Threads * Each, writes);
        Assert.True(commits < writes / 2, $"{writes} writes took {commits} commits: the writes queued instead of sharing commits");
    }

    [Fact]
    public async Task AWriteThatFails_FailsOnlyItsOwnCaller_AndLeavesNothingBehind()
    {
        using var db = Open();
        var notes = db.Collection<Note>("notes");
        using var busy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = OnItsOwnThread(() => db.InTransaction(() =>
        {
            busy.Set();
            release.Wait(); // the writer is busy: the next ten writes wait, and go in one batch together
            return notes.Insert(new Note { Id = 100, Text = "first" });
        }));
        busy.Wait();
        var others = Enumerable.Range(1, 10).Select(i => OnItsOwnThread(() => db.InTransaction(() =>
        {
            notes.Insert(new Note { Id = i, Text = $"note {i}" });
            if (i == 5) throw new InvalidOperationException("note 5 is refused");
            return i;
        }))).ToList();
        await WaitUntil(() => db.WaitingWrites == 10);
        release.Set();

        await first;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => others[4]);
        Assert.Equal("note 5 is refused", error.Message);
        foreach (var (task, i) in others.Select((t, i) => (t, i + 1)).Where(x => x.Item2 != 5)) Assert.Equal(i, await task);
        Assert.Null(notes.FindById(5)); // its insert went with its transaction
        Assert.Equal(Enumerable.Range(1, 10).Where(i => i != 5).Append(100), notes.FindAll().Select(n => n.Id).Order());
    }

    [Fact]
    public async Task AnAwaitedWrite_CompletesOnlyWithItsCommit_AndAFailureReachesOnlyItsCaller()
    {
        using var db = Open();
        var notes = db.Collection<Note>("notes");
        using var busy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = OnItsOwnThread(() => db.InTransaction(() =>
        {
            busy.Set();
            release.Wait();
            return notes.Insert(new Note { Id = 100, Text = "first" });
        }));
        busy.Wait();
        // Fifty awaited writes while the writer is busy: none may hold a thread, and none may be done before its commit.
        var awaited = Enumerable.Range(1, 50).Select(i => db.InTransactionAsync(() =>
        {
            notes.Insert(new Note { Id = i, Text = $"note {i}" });
            return i == 7 ? throw new InvalidOperationException("note 7 is refused") : i;
        })).ToList();
        await WaitUntil(() => db.WaitingWrites == 50);
        Assert.All(awaited, t => Assert.False(t.IsCompleted));

        release.Set();
        await first;
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => awaited[6]);
        Assert.Equal("note 7 is refused", error.Message);
        foreach (var (task, i) in awaited.Select((t, i) => (t, i + 1)).Where(x => x.Item2 != 7)) Assert.Equal(i, await task);
        Assert.Equal(50, notes.Count()); // 49 notes and the first
        Assert.Null(notes.FindById(7));
    }

    [Fact]
    public async Task AStop_CommitsWhatIsWaiting_AndEveryCallerReturnsCommitted()
    {
        var db = Open();
        var notes = db.Collection<Note>("notes");
        using var busy = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = OnItsOwnThread(() => db.InTransaction(() =>
        {
            busy.Set();
            release.Wait();
            return notes.Insert(new Note { Id = 1, Text = "in flight" });
        }));
        busy.Wait();
        var waiting = Enumerable.Range(2, 20).Select(i => OnItsOwnThread(() => db.InTransaction(() => notes.Insert(new Note { Id = i, Text = "waiting" })))).ToList();
        await WaitUntil(() => db.WaitingWrites == 20); // all queued behind the first

        var stopping = Task.Run(db.Dispose);
        release.Set();
        await stopping;
        await first;
        await Task.WhenAll(waiting);

        using var reopened = new LiteDatabase(new ConnectionString { Filename = DbPath, Connection = ConnectionType.Direct, ReadOnly = true });
        Assert.Equal(21, reopened.GetCollection("notes").Count());
    }

    /// <summary>A caller blocked on its write, on a thread of its own (the thread pool would start 20 of them only slowly).</summary>
    private static Task<T> OnItsOwnThread<T>(Func<T> call)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        new Thread(() =>
        {
            try
            {
                done.SetResult(call());
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        }) { IsBackground = true }.Start();
        return done.Task;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the writes never queued");
            await Task.Delay(5);
        }
    }

    [Fact]
    public void AWriteInsideAWrite_JoinsItsTransaction()
    {
        using var db = Open();
        var notes = db.Collection<Note>("notes");

        var error = Assert.Throws<InvalidOperationException>(() => db.InTransaction<int>(() =>
        {
            db.InTransaction(() => notes.Insert(new Note { Id = 1, Text = "inner" }));
            throw new InvalidOperationException("the outer write fails");
        }));

        Assert.Equal("the outer write fails", error.Message);
        Assert.Equal(0, notes.Count()); // the inner write was part of the outer transaction, and went with it
    }
}
