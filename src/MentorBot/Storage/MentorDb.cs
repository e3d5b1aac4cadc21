using LiteDB;
using Microsoft.Extensions.Options;

namespace MentorBot.Storage;

/// <summary>
/// The one LiteDB database of the process (direct mode, one file). Uses its own mapper: strings are kept exactly
/// as given, dates are UTC. A lock file next to the database keeps a second process out.
/// </summary>
public sealed class MentorDb : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly FileStream _lock;

    /// <summary>The file whose exclusive lock keeps a second process off the database; released when this closes.</summary>
    public static string LockFileOf(string databasePath) => databasePath + ".lock";

    // Set when a transaction could not be written (a full disk): the instance may still read, but nothing it is asked to
    // keep would be kept, so it reports itself unhealthy and the watchdog has the process restarted.
    private volatile bool _failedToWrite;

    private readonly GroupCommit _writer;
    private readonly bool _guardScans;

    private const string ProbeCollection = "health_probe"; // never written: querying it only runs the engine's checks

    public MentorDb(IOptions<StorageOptions> options)
    {
        Path = System.IO.Path.GetFullPath(options.Value.DatabasePath);
        _guardScans = options.Value.GuardScans;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        try
        {
            // FileShare.None takes an exclusive lock on Linux and Windows alike.
            _lock = new FileStream(LockFileOf(Path), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new DatabaseLockedException(Path, ex);
        }

        try
        {
            _db = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct }, CreateMapper())
            {
                UtcDate = true,
            };
        }
        catch (IOException ex)
        {
            // E.g. a full disk while replaying the log: say so in one line and let a supervisor try again later.
            _lock.Dispose();
            throw new DatabaseUnavailableException(Path, ex);
        }
        _writer = new GroupCommit(this);
    }

    public string Path { get; }

    /// <summary>How many transactions the writer committed, and how many writes they held (for the benchmark and tests).</summary>
    public (long Commits, long Writes) CommitCounts => _writer.Counts;

    internal int WaitingWrites => _writer.Waiting;

    public ILiteCollection<T> Collection<T>(string name) =>
        _guardScans ? ScanGuard.Wrap(_db.GetCollection<T>(name), name) : _db.GetCollection<T>(name);

    /// <summary>
    /// Creates the collection now, at start-up, when it does not exist yet: LiteDB adds a new collection to its header
    /// without a lock, so two first writes racing each other can corrupt it. For a collection that needs no index of its
    /// own: an index kept only to create it is rewritten on every write. <paramref name="formerIndexes"/> are such
    /// indexes in databases from before, dropped here.
    /// </summary>
    public void EnsureCollection(string name, params string[] formerIndexes)
    {
        var collection = _db.GetCollection(name);
        foreach (var index in formerIndexes) collection.DropIndex(index);
        if (_db.CollectionExists(name)) return;
        collection.Insert(new BsonDocument { ["_id"] = "created" });
        collection.Delete("created");
    }

    /// <summary>
    /// True while the engine answers queries (used by /healthz and <see cref="StorageWatchdog"/>). After an I/O error
    /// such as a full disk, LiteDB refuses every later read and write of this instance (LiteDB#2821); only reopening helps.
    /// </summary>
    public bool IsOpen
    {
        get
        {
            if (_failedToWrite) return false;
            try
            {
                _ = _db.GetCollection(ProbeCollection).FindById(0);
                return true;
            }
            catch (Exception ex) when (ex is LiteException or ObjectDisposedException or IOException)
            {
                return false;
            }
        }
    }

    /// <summary>Merges the log into the data file and drops free pages, so deleted text is really gone from disk.</summary>
    public void Compact()
    {
        _db.Checkpoint();
        _db.Rebuild();
    }

    public void Checkpoint() => _db.Checkpoint();

    /// <summary>Empties every collection but keeps their indexes (the playground's reset button).</summary>
    public void DeleteEverything()
    {
        foreach (var name in _db.GetCollectionNames().ToList()) _db.GetCollection(name).DeleteAll();
        _db.Checkpoint();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a committed LiteDB transaction and returns once it is on disk: the group commit
    /// (<see cref="GroupCommit"/>). Concurrent callers' work is committed together, one transaction and one flush for all
    /// that is waiting, so writes become throughput instead of a queue behind each other's commit. Synchronous on purpose:
    /// LiteDB transactions belong to a thread (RELIABILITY.md rule 2). <paramref name="work"/> runs on the writer thread
    /// and may only touch the database: no locks, no awaits, no Slack; it may run twice if another write in its batch
    /// fails (the batch is rolled back and each runs alone).
    /// </summary>
    public T InTransaction<T>(Func<T> work) => _writer.Run(work);

    /// <summary>
    /// <see cref="InTransaction{T}"/> for a request path: the same commit, the same rules for <paramref name="work"/> (it still
    /// runs synchronously, on the writer), but the caller's thread is given back while it waits.
    /// </summary>
    public Task<T> InTransactionAsync<T>(Func<T> work) => _writer.RunAsync(work);

    /// <summary>One transaction on the calling thread (the writer's own, or the fallback once it has stopped).</summary>
    internal T CommitAlone<T>(Func<T> work)
    {
        var mine = _db.BeginTrans();
        try
        {
            var result = work();
            if (mine) _db.Commit();
            return result;
        }
        catch (Exception ex)
        {
            Rollback(ex, mine);
            throw;
        }
    }

    internal void Begin() => _db.BeginTrans();

    internal void Commit() => _db.Commit();

    internal void Rollback(Exception ex, bool mine = true)
    {
        if (ex is IOException || ex.InnerException is IOException) _failedToWrite = true;
        if (!mine) return;
        try
        {
            _db.Rollback();
        }
        catch (Exception) when (_failedToWrite)
        {
            // The engine is past saving; the original error is the one to report.
        }
    }

    public void Dispose()
    {
        _writer.Dispose(); // commits what is waiting first: a graceful stop loses no acknowledged write
        _db.Dispose();
        _lock.Dispose();
    }

    /// <summary>LiteDB's defaults trim strings, turn "" into null and read dates back as local time: turn all three off.</summary>
    internal static BsonMapper CreateMapper()
    {
        var mapper = new BsonMapper
        {
            TrimWhitespace = false,
            EmptyStringToNull = false,
            SerializeNullValues = false,
            EnumAsInteger = false,
        };
        mapper.RegisterType<DateTimeOffset>(
            value => new BsonValue(value.UtcDateTime),
            bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        mapper.RegisterType<DateOnly>(
            value => new BsonValue(value.ToString("yyyy-MM-dd")),
            bson => DateOnly.ParseExact(bson.AsString, "yyyy-MM-dd"));
        mapper.RegisterType<TimeOnly>(
            value => new BsonValue(value.ToString("HH:mm")),
            bson => TimeOnly.ParseExact(bson.AsString, "HH:mm"));
        return mapper;
    }
}
