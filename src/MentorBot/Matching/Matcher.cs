using MentorBot.Programme;

namespace MentorBot.Matching;

public enum MatchRole { Mentee, Mentor }

/// <summary>Someone the matcher could not place, and why (for admins only).</summary>
public sealed record LeftOut(string UserId, MatchRole Role, string Reason);

/// <summary>Everyone a round may match, who was left out before matching, and the pairs never to propose again.</summary>
public sealed record MatchPool(IReadOnlyList<MatchPerson> Mentees, IReadOnlyList<MatchPerson> Mentors, IReadOnlyList<LeftOut> LeftOut, MatchHistory History);

public sealed record Proposal(string MenteeId, string MentorId, MatchScore Score);

/// <summary>How good a round is, before anyone approves it. Repeats and violations are re-counted, and must be 0.</summary>
public sealed record MatchReport
{
    public const double LowShare = 0.7;
    public int Mentees { get; init; }
    public int Matched { get; init; }
    public double ShareMatched() => Mentees == 0 ? 0 : (double)Matched / Mentees;
    public double MeanScore { get; init; }
    public int LowestScore { get; init; }
    public int BelowThreshold { get; init; }
    public int Mentors { get; init; }
    public int Places { get; init; }
    public int MinLoad { get; init; }
    public int MaxLoad { get; init; }
    public int IdleMentors { get; init; }
    public int Repeats { get; init; }
    public int Violations { get; init; }
}

public sealed record MatchOutcome(IReadOnlyList<Proposal> Proposals, IReadOnlyList<LeftOut> Unmatched, MatchReport Report);

/// <summary>
/// Pure: a whole round. Eligibility first (<see cref="MatchRules.WhyNot"/>), then the score, then the exact assignment
/// (<see cref="AssignmentSolver"/>), then the quality report. People are taken in user-id order, so the same pool gives
/// the same proposal.
/// </summary>
public sealed class Matcher(ProgrammeSettings settings, DateOnly monday)
{
    private readonly Dictionary<(string, string), TimeSpan> _shared = new();
    private readonly Dictionary<MatchPerson, TopicTerms.Profile> _topics = new(ReferenceEqualityComparer.Instance);

    public MatchSettings Rules => settings.Matching;

    public MatchOutcome Run(MatchPool pool)
    {
        var mentees = pool.Mentees.OrderBy(p => p.UserId, StringComparer.Ordinal).ToList();
        var mentors = pool.Mentors.Where(m => m.Room > 0).OrderBy(p => p.UserId, StringComparer.Ordinal).ToList();
        var edges = new List<AssignmentSolver.Edge>();
        var scores = new Dictionary<(int, int), MatchScore>();
        var why = new Dictionary<int, List<string>>();
        var best = new Dictionary<int, int>();
        for (var i = 0; i < mentees.Count; i++)
        for (var j = 0; j < mentors.Count; j++)
        {
            var shared = SharedPerDay(mentees[i], mentors[j]);
            if (MatchRules.WhyNot(mentees[i], mentors[j], pool.History, Rules, shared) is { } reason)
            {
                (why.TryGetValue(i, out var list) ? list : why[i] = []).Add(reason);
                continue;
            }
            var score = Score(mentees[i], mentors[j], shared);
            best[i] = Math.Max(best.GetValueOrDefault(i, -1), score.Total);
            if (Rules.Mode == MatchMode.BestMatches && score.Total < Rules.MinScore) continue;
            scores[(i, j)] = score;
            edges.Add(new(i, j, score.Total));
        }

        var assignment = AssignmentSolver.Solve(mentees.Count, mentors.Select(m => m.Room).ToList(), edges, Rules.Mode == MatchMode.MostMatched);
        var proposals = new List<Proposal>();
        var unmatched = new List<LeftOut>(pool.LeftOut);
        for (var i = 0; i < mentees.Count; i++)
        {
            if (assignment[i] >= 0) { proposals.Add(new(mentees[i].UserId, mentors[assignment[i]].UserId, scores[(i, assignment[i])])); continue; }
            string reason;
            if (!best.ContainsKey(i))
                reason = mentors.Count == 0 ? "no mentor has room" : "no eligible mentor: " + Summary(why.GetValueOrDefault(i) ?? []);
            else if (Rules.Mode == MatchMode.BestMatches && best[i] < Rules.MinScore)
                reason = $"no mentor scores at least {Rules.MinScore} (best {best[i]})";
            else
                reason = "the mentors who fit are full with better matches";
            unmatched.Add(new(mentees[i].UserId, MatchRole.Mentee, reason));
        }
        var load = mentors.Select((m, j) => assignment.Count(a => a == j)).ToList();
        for (var j = 0; j < mentors.Count; j++)
            if (load[j] == 0)
                unmatched.Add(new(mentors[j].UserId, MatchRole.Mentor,
                    edges.Any(e => e.Mentor == j) ? "their fitting mentees went to better matches" : "no waiting mentee fits"));

        var waiting = unmatched.Count(u => u.Role == MatchRole.Mentee);
        var report = new MatchReport
        {
            Mentees = mentees.Count + pool.LeftOut.Count(l => l.Role == MatchRole.Mentee),
            Matched = proposals.Count,
            MeanScore = proposals.Count == 0 ? 0 : Math.Round(proposals.Average(p => p.Score.Total), 1),
            LowestScore = proposals.Count == 0 ? 0 : proposals.Min(p => p.Score.Total),
            BelowThreshold = proposals.Count(p => p.Score.Total < Rules.MinScore),
            Mentors = mentors.Count,
            Places = mentors.Sum(m => m.Room),
            MinLoad = load.Count == 0 ? 0 : load.Min(),
            MaxLoad = load.Count == 0 ? 0 : load.Max(),
            IdleMentors = waiting == 0 ? 0 : load.Count(l => l == 0),
            Repeats = proposals.Count(p => pool.History.PastPairs.Contains(MatchHistory.PairKey(p.MenteeId, p.MentorId))),
            Violations = Violations(pool, proposals),
        };
        return new(proposals, unmatched, report);
    }

    /// <summary>Eligible mentors for one mentee with room left, best first (for "Swap mentor").</summary>
    public IReadOnlyList<(MatchPerson Mentor, MatchScore Score)> Alternatives(MatchPool pool, string menteeId, Func<string, int> roomLeft)
    {
        if (pool.Mentees.FirstOrDefault(m => m.UserId == menteeId) is not { } mentee) return [];
        return pool.Mentors
            .Where(m => roomLeft(m.UserId) > 0 && WhyNot(pool, mentee, m) is null)
            .Select(m => (Mentor: m, Score: Score(mentee, m, SharedPerDay(mentee, m))))
            .OrderByDescending(x => x.Score.Total).ThenBy(x => x.Mentor.UserId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Why this pair can't be made now, and whose change it is (null: the pair itself), or null when it still can.</summary>
    public (string? UserId, string Reason)? Recheck(MatchPool pool, string menteeId, string mentorId)
    {
        if (pool.Mentees.FirstOrDefault(m => m.UserId == menteeId) is not { } mentee)
            return (menteeId, pool.LeftOut.FirstOrDefault(l => l.UserId == menteeId)?.Reason ?? "is no longer waiting for a mentor");
        if (pool.Mentors.FirstOrDefault(m => m.UserId == mentorId) is not { } mentor)
            return (mentorId, pool.LeftOut.FirstOrDefault(l => l.UserId == mentorId)?.Reason ?? "is no longer signed up to mentor, or is full");
        return WhyNot(pool, mentee, mentor) is { } reason ? (null, reason) : null;
    }

    private string? WhyNot(MatchPool pool, MatchPerson mentee, MatchPerson mentor) =>
        MatchRules.WhyNot(mentee, mentor, pool.History, Rules, SharedPerDay(mentee, mentor));

    private int Violations(MatchPool pool, IReadOnlyList<Proposal> proposals)
    {
        var mentees = pool.Mentees.ToDictionary(m => m.UserId);
        var mentors = pool.Mentors.ToDictionary(m => m.UserId);
        var bad = proposals.Count(p => !mentees.TryGetValue(p.MenteeId, out var a) || !mentors.TryGetValue(p.MentorId, out var b) || WhyNot(pool, a, b) is not null);
        bad += proposals.GroupBy(p => p.MenteeId).Count(g => g.Count() > 1);
        bad += proposals.GroupBy(p => p.MentorId).Count(g => g.Count() > (mentors.TryGetValue(g.Key, out var m) ? m.Room : 0));
        return bad;
    }

    private MatchScore Score(MatchPerson mentee, MatchPerson mentor, TimeSpan shared) =>
        MatchRules.Score(mentee, TopicsOf(mentee), mentor, TopicsOf(mentor), Rules, shared);

    private TopicTerms.Profile TopicsOf(MatchPerson person) =>
        _topics.TryGetValue(person, out var topics) ? topics : _topics[person] = TopicTerms.Profile.Of(person.Topics, person.TopicPicks);

    private TimeSpan SharedPerDay(MatchPerson a, MatchPerson b)
    {
        var key = (a.Zone.Id, b.Zone.Id);
        if (!_shared.TryGetValue(key, out var shared)) _shared[key] = shared = WorkingHours.SharedPerDay(a.Zone, b.Zone, settings, monday);
        return shared;
    }

    private static string Summary(IReadOnlyList<string> reasons) =>
        reasons.Count == 0 ? "none signed up"
            : string.Join(", ", reasons.GroupBy(r => r).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} ({g.Count()})"));
}
