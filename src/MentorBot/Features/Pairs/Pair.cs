using LiteDB;
using MentorBot.Cadences;

namespace MentorBot.Features.Pairs;

public enum PairType { Mentoring, Peer, Reverse }

public enum PairStatus { Active, Paused, Ended }

/// <summary>Why a pair ended, as the person ending it chose (optional). Only counted, never shown per pair.</summary>
public enum EndReason { GoalsReached, NoTime, NotAGoodFit, RoleChange, Other }

/// <summary>
/// Two people in a mentoring relationship. In a peer pair both guide each other; in a reverse pair the
/// <see cref="MentorId"/> is the more junior colleague.
/// </summary>
public sealed record Pair
{
    [BsonId] public int Id { get; init; }
    public string MentorId { get; init; } = "";
    public string MenteeId { get; init; } = "";
    public PairType Type { get; init; }
    public PairStatus Status { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>The pair's cadence; <see cref="CadenceIsDefault"/> while the programme default applies.</summary>
    public Cadence Cadence { get; init; } = Cadence.Default;
    public bool CadenceIsDefault { get; init; } = true;

    /// <summary>The next check-in instant (UTC), persisted and only ever moved forward by the scheduler.</summary>
    public DateTimeOffset? NextCheckInUtc { get; init; }

    /// <summary>
    /// The check-in instant as last set by anything but the check-in scheduler (a new pair, a cadence change, a resume),
    /// until the scheduler has checked whether a "come prepared" DM is due before it. Indexed; kept by <see cref="PairStore"/>.
    /// </summary>
    public DateTimeOffset? RescheduledUtc { get; init; }

    /// <summary>While set and in the future the pair gets no prompts; it resumes by itself afterwards.</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>The named zone the meeting's wall time is read in, chosen at kickoff (null: the mentee's zone).</summary>
    public string? MeetingZoneId { get; init; }

    /// <summary>How long a session lasts, as agreed at kickoff (0 until then: 30 minutes).</summary>
    public int SessionMinutes { get; init; }

    /// <summary>How long a session lasts (30 minutes until agreed): when it ends, "did you meet?" makes sense.</summary>
    [BsonIgnore] public TimeSpan SessionLength => TimeSpan.FromMinutes(SessionMinutes > 0 ? SessionMinutes : 30);

    /// <summary>Who started the pair: an admin, or the person who accepted an invitation.</summary>
    public string? StartedBy { get; init; }

    /// <summary>Who ended it. The reason is private: admins only ever see counts per reason.</summary>
    public string? EndedBy { get; init; }
    public EndReason? EndReason { get; init; }

    public bool Includes(string userId) => MentorId == userId || MenteeId == userId;

    public string OtherThan(string userId) => MentorId == userId ? MenteeId : MentorId;

    /// <summary>Does <paramref name="userId"/> guide the other person (mentors, and both people in a peer pair)?</summary>
    public bool IsMentorFor(string userId) => MentorId == userId || (Type == PairType.Peer && MenteeId == userId);

    /// <summary>Is <paramref name="userId"/> the one being guided (mentees, and both people in a peer pair)?</summary>
    public bool IsMenteeFor(string userId) => MenteeId == userId || (Type == PairType.Peer && MentorId == userId);
}
