using MentorBot.Programme;

namespace MentorBot.Matching;

/// <summary>One side of a possible match, as the matcher sees a sign-up: nothing here is ever shown to anyone else.</summary>
public sealed record MatchPerson
{
    public string UserId { get; init; } = "";

    /// <summary>What a mentee wants to learn, or what a mentor can help with (free text).</summary>
    public string Topics { get; init; } = "";
    public IReadOnlyList<string> TopicPicks { get; init; } = [];
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
    public string? Department { get; init; }
    public string? ManagerId { get; init; }

    /// <summary>Never been in a pair of this programme.</summary>
    public bool IsFirstTimer { get; init; }

    /// <summary>Mentors: how many more mentees they can take now.</summary>
    public int Room { get; init; }

    /// <summary>Confidential: people this person asked not to be matched with.</summary>
    public IReadOnlyList<string> NotWith { get; init; } = [];
}

/// <summary>Pairs that must not be proposed again: every pair that ever existed, and every proposal an admin declined.</summary>
public sealed record MatchHistory(IReadOnlySet<string> PastPairs, IReadOnlySet<string> Declined)
{
    public static readonly MatchHistory None = new(new HashSet<string>(), new HashSet<string>());

    /// <summary>Order-free: a past pair counts whoever was the mentor.</summary>
    public static string PairKey(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";

    public static string DeclineKey(string menteeId, string mentorId) => $"{menteeId}>{mentorId}";
}

/// <summary>A score and the parts it is made of, kept with each proposal so an admin can read why.</summary>
public sealed record MatchScore
{
    public int Total { get; init; }
    public int TopicPoints { get; init; }
    public string[] SharedTopics { get; init; } = [];
    public string[] RelatedWords { get; init; } = [];
    public double SharedHours { get; init; }
    public int HoursPoints { get; init; }
    public int DepartmentPoints { get; init; }
    public int FirstTimerPoints { get; init; }

    /// <summary>The top reasons, biggest part first: "both: public speaking, Kubernetes · 5 h of shared working hours".</summary>
    public IReadOnlyList<string> Reasons(int max = 3)
    {
        var parts = new List<(int Points, string Text)>();
        if (SharedTopics.Length > 0) parts.Add((TopicPoints, "both: " + string.Join(", ", SharedTopics.Take(3))));
        else if (RelatedWords.Length > 0) parts.Add((TopicPoints, "related: " + string.Join(", ", RelatedWords.Take(3))));
        if (HoursPoints != 0 || SharedHours > 0)
            parts.Add((HoursPoints, HoursPoints < 0 ? $"only {Hours(SharedHours)} of shared working hours" : $"{Hours(SharedHours)} of shared working hours"));
        if (DepartmentPoints > 0) parts.Add((DepartmentPoints, "different departments"));
        if (FirstTimerPoints > 0) parts.Add((FirstTimerPoints, "both new to mentoring"));
        if (parts.Count == 0) parts.Add((0, "no topics in common"));
        return parts.OrderByDescending(p => Math.Abs(p.Points)).Take(max).Select(p => p.Text).ToList();
    }

    /// <summary>What the two people are told when introduced: the positive parts only, nothing confidential, no score.</summary>
    public string Introduction()
    {
        var parts = new List<string>();
        if (SharedTopics.Length > 0) parts.Add("you both named " + string.Join(", ", SharedTopics.Take(3)));
        if (HoursPoints > 0) parts.Add($"you share about {Hours(SharedHours)} of working hours a day");
        if (DepartmentPoints > 0) parts.Add("you work in different departments");
        if (FirstTimerPoints > 0) parts.Add("you're both new to mentoring");
        return parts.Count == 0 ? "" : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..] + ".";
    }

    public static string Hours(double hours) => hours % 1 == 0 ? $"{hours:0} h" : $"{hours:0.#} h";
}

/// <summary>
/// Pure: whether two sign-ups may be matched, and how well they fit. Topics dominate (up to 60 of 100 points), then
/// shared working hours (up to 25; under 2 h costs 10), then the optional bonuses an admin switches on (10 and 5).
/// </summary>
public static class MatchRules
{
    public const int PointsPerSharedTopic = 20;
    public const int PointsPerRelatedWord = 5;
    public const int MaxTopicPoints = 60;
    public const int MaxHoursPoints = 25;
    public const int ShortHoursPenalty = -10;
    public const int NoHoursPenalty = -20;
    public const int DepartmentBonus = 10;
    public const int FirstTimersBonus = 5;
    public static readonly TimeSpan ShortOverlap = TimeSpan.FromHours(2);

    /// <summary>Why these two may not be matched, or null when they may. Reasons are for admins; "not with" is not named.</summary>
    public static string? WhyNot(MatchPerson mentee, MatchPerson mentor, MatchHistory history, MatchSettings settings, TimeSpan sharedPerDay)
    {
        if (mentee.UserId == mentor.UserId) return "the same person";
        if (history.PastPairs.Contains(MatchHistory.PairKey(mentee.UserId, mentor.UserId))) return "paired before";
        if (history.Declined.Contains(MatchHistory.DeclineKey(mentee.UserId, mentor.UserId))) return "declined by an admin before";
        // Confidential: the reason does not say that someone asked, or who.
        if (mentee.NotWith.Contains(mentor.UserId) || mentor.NotWith.Contains(mentee.UserId)) return "not eligible";
        if (settings.AvoidManagers && (mentee.ManagerId == mentor.UserId || mentor.ManagerId == mentee.UserId)) return "manager and report";
        if (sharedPerDay <= TimeSpan.Zero && !settings.AllowNoSharedHours) return "no shared working hours";
        return null;
    }

    public static MatchScore Score(MatchPerson mentee, MatchPerson mentor, MatchSettings settings, TimeSpan sharedPerDay) =>
        Score(mentee, TopicTerms.Profile.Of(mentee.Topics, mentee.TopicPicks), mentor, TopicTerms.Profile.Of(mentor.Topics, mentor.TopicPicks), settings, sharedPerDay);

    /// <summary>The same, with both people's topics parsed once (a round scores every mentee against every mentor).</summary>
    public static MatchScore Score(MatchPerson mentee, TopicTerms.Profile wants, MatchPerson mentor, TopicTerms.Profile offers,
        MatchSettings settings, TimeSpan sharedPerDay)
    {
        List<TopicTerms.Topic>? shared = null;
        foreach (var topic in wants.Topics)
            if (offers.Keys.Contains(topic.Key)) (shared ??= []).Add(topic);
        List<string>? related = null;
        foreach (var word in wants.Words)
            if (offers.Words.Contains(word) && (shared is null || !shared.Any(t => t.Words.Contains(word)))) (related ??= []).Add(word);
        var topicPoints = Math.Min(MaxTopicPoints, PointsPerSharedTopic * (shared?.Count ?? 0) + PointsPerRelatedWord * (related?.Count ?? 0));

        var hours = Math.Round(sharedPerDay.TotalHours * 2, MidpointRounding.AwayFromZero) / 2; // to the half hour
        var hoursPoints = sharedPerDay <= TimeSpan.Zero ? NoHoursPenalty
            : sharedPerDay < ShortOverlap ? ShortHoursPenalty
            : Math.Min(MaxHoursPoints, (int)Math.Round(5 * hours));
        var department = settings.DifferentDepartmentBonus && mentee.Department is { Length: > 0 } a && mentor.Department is { Length: > 0 } b
            && !string.Equals(TopicTerms.Fold(a), TopicTerms.Fold(b), StringComparison.Ordinal) ? DepartmentBonus : 0;
        var firstTimers = settings.FirstTimersBonus && mentee.IsFirstTimer && mentor.IsFirstTimer ? FirstTimersBonus : 0;
        return new MatchScore
        {
            Total = Math.Clamp(topicPoints + hoursPoints + department + firstTimers, 0, 100),
            TopicPoints = topicPoints, SharedTopics = shared?.Select(t => t.Text).ToArray() ?? [], RelatedWords = related?.ToArray() ?? [],
            SharedHours = hours, HoursPoints = hoursPoints, DepartmentPoints = department, FirstTimerPoints = firstTimers,
        };
    }
}
