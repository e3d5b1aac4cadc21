using LiteDB;
using MentorBot.Features.Pairs;
using MentorBot.Storage;

namespace MentorBot.Features.Goals;

/// <summary>Goals on disk. Reads for someone else's goals go through <see cref="SharedWith"/>, which asks the pairs.</summary>
public sealed class GoalStore
{
    private readonly MentorDb _db;
    private readonly ILiteCollection<Goal> _goals;
    private readonly ILiteCollection<GoalCounter> _counters;
    private readonly PairStore _pairs;
    public GoalStore(MentorDb db, PairStore pairs)
    {
        _db = db;
        _goals = db.Collection<Goal>("goals");
        _goals.EnsureIndex(g => g.OwnerId);
        db.EnsureCollection("goal_counters", formerIndexes: "Last"); // no index: a counter changes on every add
        _counters = db.Collection<GoalCounter>("goal_counters");
        _pairs = pairs;
    }

    /// <summary>Saves a new goal with the owner's next number (numbers are never reused, even after a drop).</summary>
    public Goal Add(string ownerId, string title, DateTimeOffset now, string? why = null, DateOnly? targetDate = null,
        GoalVisibility visibility = GoalVisibility.Mentors) =>
        _db.InTransaction(() => Insert(ownerId, title, now, why, targetDate, visibility));

    /// <summary>As <see cref="Add"/>, for a request that awaits its commit (/goal add).</summary>
    public Task<Goal> AddAsync(string ownerId, string title, DateTimeOffset now, string? why = null, DateOnly? targetDate = null,
        GoalVisibility visibility = GoalVisibility.Mentors) =>
        _db.InTransactionAsync(() => Insert(ownerId, title, now, why, targetDate, visibility));

    // O(1): the owner's counter moves in the same transaction as the insert, on the one writer, so two adds of one
    // owner never take the same number. Goals from before the counter existed are counted once, the first time.
    private Goal Insert(string ownerId, string title, DateTimeOffset now, string? why, DateOnly? targetDate, GoalVisibility visibility)
    {
        var number = (_counters.FindById(ownerId)?.Last ?? HighestNumber(ownerId)) + 1;
        var goal = new Goal
        {
            Id = Goal.IdOf(ownerId, number), OwnerId = ownerId, Number = number, Title = title, Why = why,
            TargetDate = targetDate, Visibility = visibility, CreatedAt = now, UpdatedAt = now,
        };
        _counters.Upsert(new GoalCounter { OwnerId = ownerId, Last = number });
        _goals.Insert(goal);
        return goal;
    }

    private int HighestNumber(string ownerId) =>
        _goals.Query().Where(g => g.OwnerId == ownerId).Select(g => g.Number).ToEnumerable().DefaultIfEmpty(0).Max();

    public Goal? Get(string ownerId, int number) => _goals.FindById(Goal.IdOf(ownerId, number));

    /// <summary>
    /// Read-modify-write of one goal in one transaction on the one writer, so two quick updates (a note and a progress change) never
    /// lose each other. <paramref name="change"/> returns the new goal, or null to leave it as it is.
    /// </summary>
    public Goal? Change(string ownerId, int number, Func<Goal, Goal?> change) => _db.InTransaction(() => ChangeNow(ownerId, number, change));

    /// <summary>As <see cref="Change"/>, for a request that awaits its commit (/goal progress, the progress form).</summary>
    public Task<Goal?> ChangeAsync(string ownerId, int number, Func<Goal, Goal?> change) =>
        _db.InTransactionAsync(() => ChangeNow(ownerId, number, change));

    private Goal? ChangeNow(string ownerId, int number, Func<Goal, Goal?> change)
    {
        if (Get(ownerId, number) is not { } goal) return null;
        if (change(goal) is not { } changed) return goal;
        _goals.Update(changed);
        return changed;
    }

    /// <summary>Goals and their distinct owners by status across the programme (aggregates only, for admins and the digest).</summary>
    public IReadOnlyDictionary<GoalStatus, (int Goals, int Owners)> CountByStatus() =>
        _goals.Query().Select(g => new { g.Status, g.OwnerId }).ToEnumerable()
            .GroupBy(g => g.Status).ToDictionary(g => g.Key, g => (g.Count(), g.Select(x => x.OwnerId).Distinct().Count()));

    /// <summary>
    /// When goals were set since <paramref name="from"/>, and by whom, for the figures' trend. A read of every goal, like
    /// the other programme aggregates: an index on the date would cost every /goal add, for a weekly figure.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset CreatedAt, string OwnerId)> CreatedSince(DateTimeOffset from) =>
        _goals.Query().Select(g => new { g.CreatedAt, g.OwnerId }).ToEnumerable().Where(g => g.CreatedAt >= from)
            .Select(g => (g.CreatedAt, g.OwnerId)).ToList();

    /// <summary>How many people have set a goal.</summary>
    public int CountOwners() => _goals.Query().Select(g => g.OwnerId).ToEnumerable().Distinct().Count();

    /// <summary>The owner's own goals, open first (dropped ones only when asked for).</summary>
    public IReadOnlyList<Goal> ListFor(string ownerId, bool includeDropped = false) =>
        _goals.Find(g => g.OwnerId == ownerId)
            .Where(g => includeDropped || g.Status != GoalStatus.Dropped)
            .OrderBy(g => g.Status == GoalStatus.Open ? 0 : 1)
            .ThenBy(g => g.Number)
            .ToList();

    /// <summary>How many goals the owner has numbered so far (dropped included), for "#7 doesn't exist" replies.</summary>
    public int CountFor(string ownerId) => _goals.Count(g => g.OwnerId == ownerId);

    /// <summary>What <paramref name="viewerId"/> may see of <paramref name="ownerId"/>'s goals: shared ones, and only while mentoring them.</summary>
    public IReadOnlyList<Goal> SharedWith(string ownerId, string viewerId) =>
        viewerId == ownerId ? ListFor(ownerId)
        : _pairs.IsMentorOf(viewerId, ownerId) ? ListFor(ownerId).Where(g => g.IsShared).ToList()
        : [];

    /// <summary>Open shared goals, for a mentor's check-in prompt.</summary>
    public IReadOnlyList<Goal> OpenSharedWith(string ownerId, string viewerId) =>
        SharedWith(ownerId, viewerId).Where(g => g.Status == GoalStatus.Open).ToList();

    /// <summary>Deletes everything this person wrote (data rights); returns how many goals went.</summary>
    public int DeleteAllOf(string ownerId) => _db.InTransaction(() =>
    {
        _counters.Delete(ownerId); // how many goals someone had is theirs too
        return _goals.DeleteMany(g => g.OwnerId == ownerId);
    });
}
