using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Pairs;

/// <summary>Words for pairs and people, shared by messages, the pair list and the App Home.</summary>
public static class PairText
{
    /// <summary>Stands in for a person who asked to be forgotten, in the history the other person keeps.</summary>
    public const string ForgottenId = "forgotten";

    public static string Who(string userId) => userId == ForgottenId ? "a former member" : Mrkdwn.User(userId);

    public static string TypeName(PairType type) => type switch
    {
        PairType.Peer => "peer mentoring",
        PairType.Reverse => "reverse mentoring",
        _ => "mentoring",
    };

    public static bool TryParseType(string word, out PairType type)
    {
        PairType? parsed = word.ToLowerInvariant() switch
        {
            "mentoring" or "mentor" => PairType.Mentoring,
            "peer" or "peers" => PairType.Peer,
            "reverse" => PairType.Reverse,
            _ => null,
        };
        type = parsed ?? PairType.Mentoring;
        return parsed is not null;
    }

    /// <summary>
    /// A word that is almost a pair type ("peeer", "revers", "mentorng"): a typo, not the first word of a note, so it is
    /// answered with the valid choices instead of silently becoming part of the note.
    /// </summary>
    public static bool LooksLikeAMistypedType(string word)
    {
        var w = word.ToLowerInvariant().Trim(',', '.', ':');
        return w.Length >= 3 && !TryParseType(w, out _) && new[] { "mentoring", "mentor", "peer", "reverse" }.Any(t => Distance(w, t) <= 2);
    }

    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                previous = current;
            }
        }
        return row[b.Length];
    }

    /// <summary>"you mentor @alex", "@sam mentors you (reverse mentoring)", "you and @kim guide each other".</summary>
    public static string Role(Pair pair, string viewerId)
    {
        var other = Who(pair.OtherThan(viewerId));
        return pair.Type switch
        {
            PairType.Peer => $"you and {other} guide each other",
            PairType.Reverse when pair.MentorId == viewerId => $"you reverse-mentor {other}: you share your perspective with a more senior colleague",
            PairType.Reverse => $"{other} reverse-mentors you: a more junior colleague shares their perspective",
            _ when pair.MentorId == viewerId => $"you mentor {other}",
            _ => $"{other} mentors you",
        };
    }

    public static string ReasonName(EndReason reason) => reason switch
    {
        EndReason.GoalsReached => "Goals reached",
        EndReason.NoTime => "No time right now",
        EndReason.NotAGoodFit => "Not a good fit",
        EndReason.RoleChange => "Role or team change",
        _ => "Other",
    };
}
