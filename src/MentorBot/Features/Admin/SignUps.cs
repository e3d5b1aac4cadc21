using LiteDB;
using MentorBot.Features.Pairs;
using MentorBot.Storage;

namespace MentorBot.Features.Admin;

public enum SignUpRole { Mentee, Mentor }

public enum SignUpStatus { Waiting, Paired, Withdrawn }

/// <summary>
/// Someone who joined the programme and waits for an admin to pair them. A mentor's sign-up stays Waiting (available)
/// while they have room; a mentee's becomes Paired once an admin pairs them.
/// </summary>
public sealed record SignUp
{
    /// <summary>"{UserId}:{Role}": one sign-up per person and role, so signing up again updates it.</summary>
    [BsonId] public string Id { get; init; } = "";
    public string UserId { get; init; } = "";
    public SignUpRole Role { get; init; }
    /// <summary>Mentees: what they want to learn; mentors: what they can help with (older sign-ups: either).</summary>
    public string Topics { get; init; } = "";

    /// <summary>Picks from the programme's topic list, besides the free text.</summary>
    public string[] TopicPicks { get; init; } = [];

    /// <summary>Confidential: people not to be matched with. Only the matcher reads it; nobody is ever shown it.</summary>
    public string[] NotWith { get; init; } = [];

    /// <summary>Mentors only: how many mentees they can take at once.</summary>
    public int Capacity { get; init; }
    public SignUpStatus Status { get; init; }
    public DateTimeOffset SignedUpAt { get; init; }
    public DateTimeOffset? PairedAt { get; init; }

    public static string IdOf(string userId, SignUpRole role) => $"{userId}:{role}";
}

/// <summary>A signed-up mentor with how many mentees they currently have, and how many a staged match proposal holds for them.</summary>
public sealed record MentorAvailability(SignUp SignUp, int Mentees, int Reserved = 0)
{
    public int Room => Math.Max(0, SignUp.Capacity - Mentees - Reserved);
    public bool IsFull => Room == 0;

    /// <summary>"1/2", or "1/2 +1 proposed" while a staged proposal holds a place.</summary>
    public string Load => $"{Mentees}/{SignUp.Capacity}" + (Reserved > 0 ? $" +{Reserved} proposed" : "");
}

public sealed class SignUpStore
{
    private readonly ILiteCollection<SignUp> _signUps;
    private readonly PairStore _pairs;
    private readonly MatchStore _matches;

    public SignUpStore(MentorDb db, PairStore pairs, MatchStore matches)
    {
        _signUps = db.Collection<SignUp>("signups");
        _signUps.EnsureIndex(s => s.UserId);
        _signUps.EnsureIndex(s => s.Role); // mentors and waiting mentees are read on every admin Home and mentee Home
        _pairs = pairs;
        _matches = matches;
    }

    /// <summary>Saves (or replaces) this person's sign-up for the role; it waits again even if they were paired before.</summary>
    public SignUp Save(string userId, SignUpRole role, string topics, int capacity, DateTimeOffset now,
        IReadOnlyList<string>? picks = null, IReadOnlyList<string>? notWith = null)
    {
        var signUp = new SignUp
        {
            Id = SignUp.IdOf(userId, role), UserId = userId, Role = role, Topics = topics,
            TopicPicks = picks?.ToArray() ?? [], NotWith = notWith?.Where(u => u != userId).Distinct().ToArray() ?? [],
            Capacity = role == SignUpRole.Mentor ? Math.Max(1, capacity) : 0, Status = SignUpStatus.Waiting, SignedUpAt = now,
        };
        _signUps.Upsert(signUp);
        return signUp;
    }

    public SignUp? Get(string userId, SignUpRole role) => _signUps.FindById(SignUp.IdOf(userId, role));

    public IReadOnlyList<SignUp> Of(string userId) => _signUps.Find(s => s.UserId == userId).ToList();

    public IReadOnlyList<SignUp> All() => _signUps.FindAll().ToList();

    /// <summary>Mentees still waiting to be paired, oldest first.</summary>
    public IReadOnlyList<SignUp> WaitingMentees() =>
        _signUps.Find(s => s.Role == SignUpRole.Mentee && s.Status == SignUpStatus.Waiting).OrderBy(s => s.SignedUpAt).ToList();

    /// <summary>Signed-up mentors with their current load (staged match proposals hold places too), those with room first.</summary>
    public IReadOnlyList<MentorAvailability> Mentors()
    {
        var reserved = _matches.Reserved();
        return _signUps.Find(s => s.Role == SignUpRole.Mentor && s.Status == SignUpStatus.Waiting)
            .Select(s => new MentorAvailability(s, _pairs.CurrentFor(s.UserId).Count(p => p.MentorId == s.UserId), reserved.GetValueOrDefault(s.UserId)))
            .OrderBy(m => m.IsFull).ThenBy(m => m.SignUp.SignedUpAt)
            .ToList();
    }

    public void MarkPaired(string menteeId, DateTimeOffset now)
    {
        if (Get(menteeId, SignUpRole.Mentee) is { } signUp)
            _signUps.Update(signUp with { Status = SignUpStatus.Paired, PairedAt = now });
    }

    public int DeleteAllOf(string userId) => _signUps.DeleteMany(s => s.UserId == userId);
}
