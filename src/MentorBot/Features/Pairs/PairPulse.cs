using System.Globalization;
using System.Text.Json.Nodes;
using LiteDB;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;
using MentorBot.Storage;

namespace MentorBot.Features.Pairs;

/// <summary>
/// One person's private answer to "How is this going for you?". Never shown to the partner; admins see only counts
/// and re-match requests (who asked, never the rating or the comment).
/// </summary>
public sealed record PulseAnswer
{
    /// <summary>"{PairId}:{UserId}:{Round}": one per person per round (round 0 at one month, then every three months).</summary>
    [BsonId] public string Id { get; init; } = "";
    public int PairId { get; init; }
    public string UserId { get; init; } = "";
    public int Round { get; init; }

    /// <summary>Due since; null once asked. While set, the question waits for the person's working hours. Indexed.</summary>
    public DateTimeOffset? PendingSince { get; init; }
    public DateTimeOffset? AskedAt { get; init; }
    public int Attempts { get; init; }
    public int? Rating { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset? RematchRequestedAt { get; init; }

    public static string IdOf(int pairId, string userId, int round) => $"{pairId}:{userId}:{round}";
}

public sealed class PulseStore
{
    private readonly ILiteCollection<PulseAnswer> _answers;

    public PulseStore(MentorDb db)
    {
        _answers = db.Collection<PulseAnswer>("pair_pulses");
        _answers.EnsureIndex(a => a.UserId);
        _answers.EnsureIndex(a => a.PairId);
        _answers.EnsureIndex(a => a.PendingSince);
        _scan = db.Collection<ScanMark>("pair_pulse_scan");
        // Created here, at start-up, not by the first tick's write: LiteDB adds new collections to its header without a
        // lock, so a first write racing another new collection's first write can fail ("Collection was modified").
        _scan.EnsureIndex(m => m.Until);
    }

    private readonly ILiteCollection<ScanMark> _scan;

    /// <summary>Questions due and not asked yet (a handful: each waits at most until the person's next working hours).</summary>
    public IReadOnlyList<PulseAnswer> Pending() =>
        _answers.Find(Storage.DateRange.Between(nameof(PulseAnswer.PendingSince), Storage.DateRange.Earliest, DateTimeOffset.MaxValue)).ToList();

    /// <summary>Up to when pair ages have been scanned for due rounds.</summary>
    public DateTimeOffset? ScannedUntil
    {
        get => _scan.FindById(1)?.Until;
        set => _scan.Upsert(new ScanMark { Id = 1, Until = value });
    }

    public sealed record ScanMark
    {
        [BsonId] public int Id { get; init; }
        public DateTimeOffset? Until { get; init; }
    }

    /// <summary>True the first time a round is claimed for a person (so it is asked once, across restarts).</summary>
    public bool TryClaim(PulseAnswer asked)
    {
        try { _answers.Insert(asked); return true; }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INDEX_DUPLICATE_KEY) { return false; }
    }

    public void Release(string id) => _answers.Delete(id);

    public PulseAnswer? Get(string id) => _answers.FindById(id);

    public void Save(PulseAnswer answer) => _answers.Upsert(answer);

    public IReadOnlyList<PulseAnswer> By(string userId) => _answers.Find(a => a.UserId == userId).ToList();

    public int CountRematchRequests() => _answers.Count(a => a.RematchRequestedAt != null);

    public int DeleteBy(string userId) => _answers.DeleteMany(a => a.UserId == userId);
}

/// <summary>The private pulse: 30 days after a pair starts, then every three months, at the first moment inside each person's working hours.</summary>
public sealed class PulseJob(PairStore pairs, PulseStore pulses, UserDirectory people, ProgrammeSettingsStore settings, PairDms dms, ILogger<PulseJob> logger)
    : IPeriodicJob
{
    public static readonly TimeSpan First = TimeSpan.FromDays(30);
    public static readonly TimeSpan Every = TimeSpan.FromDays(91);

    /// <summary>The latest round due by <paramref name="now"/> (a round missed while MentorBot was down is caught up; older ones are not repeated), or null.</summary>
    public static int? RoundDue(DateTimeOffset startedAt, DateTimeOffset now) =>
        now - startedAt < First ? null : (int)((now - startedAt - First).Ticks / Every.Ticks);

    /// <summary>How many rounds back a scan looks (about five years of three-monthly rounds).</summary>
    private const int MaxRounds = 20;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        // 1. Pairs whose round fell due since the last scan: one index range on StartedAt per round, never every pair.
        var from = pulses.ScannedUntil ?? Storage.DateRange.Earliest;
        if (now > from)
        {
            var due = new Dictionary<int, Pair>();
            for (var k = 0; k <= MaxRounds; k++)
            {
                var age = First + Every * k;
                var (lo, hi) = (from == Storage.DateRange.Earliest ? from : from - age, now - age);
                foreach (var pair in pairs.ActiveStartedBetween(lo, hi)) due[pair.Id] = pair;
                if (from == Storage.DateRange.Earliest) break; // the first scan: every pair old enough, once, at its latest round
            }
            foreach (var pair in due.Values)
            {
                var round = RoundDue(pair.StartedAt, now)!.Value;
                foreach (var person in new[] { pair.MentorId, pair.MenteeId }.Distinct())
                    pulses.TryClaim(new PulseAnswer { Id = PulseAnswer.IdOf(pair.Id, person, round), PairId = pair.Id, UserId = person, Round = round, PendingSince = now });
            }
            pulses.ScannedUntil = now;
        }

        // 2. Ask what is pending, at the first moment inside each person's working hours.
        var s = settings.Get();
        foreach (var pending in pulses.Pending())
        {
            if (pairs.Get(pending.PairId) is not { Status: PairStatus.Active } pair || RoundDue(pair.StartedAt, now) != pending.Round)
            {
                pulses.Release(pending.Id); // ended, paused, or overtaken by a later round during downtime
                continue;
            }
            if (!WorkingHours.IsAllowed(now, people.ZoneOf(pending.UserId), s)) continue;
            var (text, blocks) = Question(pair, pending.UserId, pending.Round);
            if (await dms.TrySendAsync(pending.UserId, text, blocks, ct) is null)
            {
                if (pending.Attempts >= 2) pulses.Release(pending.Id); // unreachable: not worth a DM a tick
                else pulses.Save(pending with { Attempts = pending.Attempts + 1 });
                continue;
            }
            pulses.Save(pending with { PendingSince = null, AskedAt = now });
            logger.LogInformation("Asked {UserId} the pulse of pair {PairId} (round {Round})", pending.UserId, pair.Id, pending.Round);
        }
    }

    public static (string Text, JsonArray Blocks) Question(Pair pair, string person, int round)
    {
        var id = PulseAnswer.IdOf(pair.Id, person, round);
        var other = Mrkdwn.User(pair.OtherThan(person));
        var options = Enumerable.Range(1, 5).Reverse().Select(n => Blocks.Option(PulseActions.Label(n), n.ToString(CultureInfo.InvariantCulture)));
        return ($"How is your mentoring with {PairMessages.Plain(pair.OtherThan(person))} going for you?", new JsonArray(
            Blocks.Section($"*How is your mentoring with {other} going for you?* {(round == 0 ? "You've been paired for a month." : "A quick check, as every three months.")}",
                Blocks.StaticSelect(PulseActions.Rate, options, placeholder: "Choose 1–5"), blockId: "pulse." + id),
            Blocks.Actions("pulse.more." + id, Blocks.Button("Add a comment…", PulseActions.Comment, id)),
            Blocks.Context($"🔒 Only you see your answer: not {other}, not the programme admins.")));
    }
}
