using System.Collections.Concurrent;

namespace MentorBot.Storage;

/// <summary>
/// The one writer of <see cref="MentorDb"/>'s transactions (group commit, as in PostgreSQL or SQLite's WAL). Callers hand
/// it their work and wait; a dedicated thread takes everything that is waiting, runs it in one transaction, commits once
/// and only then releases each caller, so an acknowledgement never goes out before the commit that holds its write.
/// If one write in a batch throws, the batch is rolled back and each write runs again on its own, so one bad write
/// never fails (or loses) another's.
/// </summary>
internal sealed class GroupCommit : IDisposable
{
    private const int MaxBatch = 256;

    private readonly MentorDb _db;
    private readonly BlockingCollection<Pending> _queue = new();
    private readonly Thread _thread;
    private long _commits;
    private long _writes;

    public GroupCommit(MentorDb db)
    {
        _db = db;
        _thread = new Thread(Loop) { IsBackground = true, Name = "MentorDb writer" };
        _thread.Start();
    }

    public (long Commits, long Writes) Counts => (Interlocked.Read(ref _commits), Interlocked.Read(ref _writes));

    /// <summary>Writes handed over and not yet taken into a batch.</summary>
    public int Waiting => _queue.Count;

    /// <summary>Runs <paramref name="work"/> in the next commit and returns once that commit is on disk.</summary>
    public T Run<T>(Func<T> work) =>
        // A caller that cannot await (a synchronous path) blocks for the commit; request paths use RunAsync.
        Handover(work) is { } pending ? (T)pending.Completion.Task.GetAwaiter().GetResult()! : _db.CommitAlone(work);

    /// <summary>
    /// As <see cref="Run{T}"/>, without holding a thread while the commit is made: a request waiting for its write gives
    /// its thread back (on a small machine, a blocked or spinning waiter takes the core the writer needs).
    /// </summary>
    public async Task<T> RunAsync<T>(Func<T> work) =>
        Handover(work) is { } pending ? (T)(await pending.Completion.Task)! : _db.CommitAlone(work);

    /// <summary>Queues the work for the writer; null when it has to run on the caller's thread.</summary>
    private Pending? Handover<T>(Func<T> work)
    {
        // Work that writes again from inside a batch joins it; after the writer stopped, a write still lands on its own.
        if (Thread.CurrentThread == _thread || _queue.IsAddingCompleted) return null;
        var pending = new Pending(() => work());
        try
        {
            _queue.Add(pending);
            return pending;
        }
        catch (InvalidOperationException) // stopped between the check and the add
        {
            return null;
        }
    }

    private void Loop()
    {
        var batch = new List<Pending>(MaxBatch);
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);
            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<Pending> batch)
    {
        try
        {
            _db.Begin();
            foreach (var write in batch) write.Result = write.Work();
            _db.Commit();
            Count(batch.Count);
            foreach (var write in batch) write.Completion.SetResult(write.Result);
            return;
        }
        catch (Exception ex)
        {
            _db.Rollback(ex);
            if (batch.Count == 1)
            {
                batch[0].Fail(ex);
                return;
            }
        }
        foreach (var write in batch) // the batch failed: each on its own, so only the write at fault fails
        {
            try
            {
                write.Result = _db.CommitAlone(write.Work);
                Count(1);
                write.Completion.SetResult(write.Result);
            }
            catch (Exception ex)
            {
                write.Fail(ex);
            }
        }
    }

    private void Count(int writes)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, writes);
    }

    /// <summary>Stops taking work, commits what is already waiting, and ends the writer thread.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
    }

    private sealed class Pending(Func<object?> work)
    {
        public Func<object?> Work { get; } = work;
        public object? Result { get; set; }

        // Continuations run on the thread pool, never on the writer's thread: the writer goes straight on to the next batch.
        public TaskCompletionSource<object?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Fail(Exception ex) => Completion.SetException(ex);
    }
}
