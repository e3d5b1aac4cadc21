using LiteDB;
using MentorBot.Matching;
using MentorBot.Programme;
using MentorBot.Storage;

namespace MentorBot.Features.Admin;

public enum MatchRunStatus { Staged, Closed }

public enum StagedPairState { Staged, Approved, Declined, Stale }

/// <summary>One proposed pair of a run, with its score kept so an admin can read why.</summary>
public sealed record StagedPair
{
    public string MenteeId { get; init; } = "";
    public string MentorId { get; init; } = "";
    public MatchScore Score { get; init; } = new();
    public StagedPairState State { get; init; }

    /// <summary>Why an approval did not go through (someone changed meanwhile), for the admin.</summary>
    public string? Note { get; init; }
}

public sealed record UnmatchedPerson
{
    public string UserId { get; init; } = "";
    public MatchRole Role { get; init; }
    public string Reason { get; init; } = "";
}

/// <summary>A matching run: staged for admins until approved or discarded. Nobody is messaged before approval.</summary>
public sealed record MatchRun
{
    [BsonId] public int Id { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string CreatedBy { get; init; } = "";
    public MatchRunStatus Status { get; init; }
    public MatchMode Mode { get; init; }
    public int MinScore { get; init; }
    public List<StagedPair> Pairs { get; init; } = [];
    public List<UnmatchedPerson> Unmatched { get; init; } = [];
    public MatchReport Report { get; init; } = new();

    [BsonIgnore] public int StagedCount => Pairs.Count(p => p.State == StagedPairState.Staged);
}

/// <summary>A round an admin scheduled (/mentor match on 2027-01-11): a heads-up the working day before, the run on the day.</summary>
public sealed record MatchRound
{
    [BsonId] public int Id { get; init; }
    public DateOnly Date { get; init; }
    public string ScheduledBy { get; init; } = "";
    public bool Done { get; init; }
    public List<string> Skipped { get; init; } = [];
}

/// <summary>
/// Match runs, declined proposals and scheduled rounds. At most one run is staged at a time; its staged pairs hold
/// places in their mentors' capacity (<see cref="Reserved"/>) until approved or discarded. Changes to a run are
/// read-modify-write under one lock.
/// </summary>
public sealed class MatchStore
{
    private readonly ILiteCollection<MatchRun> _runs;
    private readonly ILiteCollection<Declined> _declined;
    private readonly ILiteCollection<MatchRound> _rounds;
    private readonly Lock _gate = new();

    public MatchStore(MentorDb db)
    {
        _runs = db.Collection<MatchRun>("match_runs");
        _runs.EnsureIndex(r => r.Status);
        db.EnsureCollection("match_declines", formerIndexes: "At"); // read by id or whole
        _declined = db.Collection<Declined>("match_declines");
        _rounds = db.Collection<MatchRound>("match_rounds");
        _rounds.EnsureIndex(r => r.Done);
    }

    public MatchRun? Staged() => _runs.Find(r => r.Status == MatchRunStatus.Staged).OrderByDescending(r => r.Id).FirstOrDefault();

    public MatchRun? Get(int id) => _runs.FindById(id);

    /// <summary>Stages a new run; an earlier staged run is discarded (its places freed).</summary>
    public MatchRun Stage(MatchRun run)
    {
        lock (_gate)
        {
            foreach (var old in _runs.Find(r => r.Status == MatchRunStatus.Staged).ToList()) _runs.Update(old with { Status = MatchRunStatus.Closed });
            var id = _runs.Insert(run with { Id = 0, Status = MatchRunStatus.Staged });
            return run with { Id = id.AsInt32, Status = MatchRunStatus.Staged };
        }
    }

    /// <summary>Changes one staged run under the lock; null when it is no longer staged. The run closes when nothing is left to decide.</summary>
    public MatchRun? Change(int runId, Func<MatchRun, MatchRun> change)
    {
        lock (_gate)
        {
            if (_runs.FindById(runId) is not { Status: MatchRunStatus.Staged } run) return null;
            var changed = change(run);
            if (changed.StagedCount == 0) changed = changed with { Status = MatchRunStatus.Closed };
            _runs.Update(changed);
            return changed;
        }
    }

    public bool Discard(int runId) => Change(runId, r => r with { Status = MatchRunStatus.Closed }) is not null;

    /// <summary>Mentor id → places held by staged proposals.</summary>
    public IReadOnlyDictionary<string, int> Reserved() =>
        Staged()?.Pairs.Where(p => p.State == StagedPairState.Staged).GroupBy(p => p.MentorId).ToDictionary(g => g.Key, g => g.Count())
        ?? new Dictionary<string, int>();

    public void Decline(string menteeId, string mentorId, DateTimeOffset now) =>
        _declined.Upsert(new Declined { Id = MatchHistory.DeclineKey(menteeId, mentorId), At = now });

    public IReadOnlySet<string> DeclinedKeys() => _declined.FindAll().Select(d => d.Id).ToHashSet();

    public MatchRound? GetRound(int id) => _rounds.FindById(id);

    public MatchRound? NextRound() => _rounds.Find(r => !r.Done).OrderBy(r => r.Date).FirstOrDefault();

    /// <summary>Schedules the round (replacing one not yet run); returns the one it replaced.</summary>
    public MatchRound? Schedule(DateOnly date, string adminId)
    {
        lock (_gate)
        {
            var replaced = NextRound();
            if (replaced is not null) _rounds.Update(replaced with { Done = true });
            _rounds.Insert(new MatchRound { Date = date, ScheduledBy = adminId });
            return replaced;
        }
    }

    public MatchRound? CancelRound()
    {
        lock (_gate)
        {
            var round = NextRound();
            if (round is not null) _rounds.Update(round with { Done = true });
            return round;
        }
    }

    /// <summary>Marks the round run; false when it already was (so a round runs once).</summary>
    public bool FinishRound(int roundId)
    {
        lock (_gate)
        {
            if (_rounds.FindById(roundId) is not { Done: false } round) return false;
            _rounds.Update(round with { Done = true });
            return true;
        }
    }

    /// <summary>Leaves someone out of a round; false when the round is over or gone.</summary>
    public bool Skip(int roundId, string userId)
    {
        lock (_gate)
        {
            if (_rounds.FindById(roundId) is not { Done: false } round) return false;
            if (!round.Skipped.Contains(userId)) _rounds.Update(round with { Skipped = [.. round.Skipped, userId] });
            return true;
        }
    }

    /// <summary>What forget-me removes: their declines, skips, and their places in a staged run.</summary>
    public int ForgetUser(string userId)
    {
        lock (_gate)
        {
            var removed = _declined.DeleteMany(d => d.Id.StartsWith(userId + ">") || d.Id.EndsWith(">" + userId));
            foreach (var round in _rounds.Find(r => !r.Done).ToList().Where(r => r.Skipped.Contains(userId)))
            {
                _rounds.Update(round with { Skipped = round.Skipped.Where(u => u != userId).ToList() });
                removed++;
            }
            foreach (var run in _runs.FindAll().ToList().Where(r => r.Pairs.Any(p => p.MenteeId == userId || p.MentorId == userId) || r.Unmatched.Any(u => u.UserId == userId)))
            {
                _runs.Update(run with
                {
                    Pairs = run.Pairs.Where(p => p.MenteeId != userId && p.MentorId != userId).ToList(),
                    Unmatched = run.Unmatched.Where(u => u.UserId != userId).ToList(),
                });
                removed++;
            }
            return removed;
        }
    }

    public sealed record Declined
    {
        [BsonId] public string Id { get; init; } = "";
        public DateTimeOffset At { get; init; }
    }
}
