using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Features.Pairs;

public enum InvitationStatus { Pending, Accepted, Declined, Expired }

/// <summary>"Will you be my mentor?": <see cref="FromId"/> asks <see cref="ToId"/>, who would be the mentor (both, in a peer pair).</summary>
public sealed record Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    [BsonId] public int Id { get; init; }
    public string FromId { get; init; } = "";
    public string ToId { get; init; } = "";
    public PairType Type { get; init; }
    public string? Note { get; init; }
    public InvitationStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }

    /// <summary>The invitation DM, so expiry can take its buttons away.</summary>
    public string? MessageChannel { get; init; }
    public string? MessageTs { get; init; }
}

public sealed class InvitationStore
{
    private readonly ILiteCollection<Invitation> _invitations;

    public InvitationStore(MentorDb db)
    {
        _invitations = db.Collection<Invitation>("pair_invitations");
        _invitations.EnsureIndex(i => i.FromId);
        _invitations.EnsureIndex(i => i.ToId);
        _invitations.EnsureIndex(i => i.Status);
    }

    public Invitation Add(Invitation invitation)
    {
        var id = _invitations.Insert(invitation);
        return invitation with { Id = id.AsInt32 };
    }

    public Invitation? Get(int id) => _invitations.FindById(id);

    public void Replace(Invitation invitation) => _invitations.Update(invitation);

    /// <summary>A pending invitation between the two, asked by either.</summary>
    public Invitation? PendingBetween(string a, string b) =>
        _invitations.Find(i => i.Status == InvitationStatus.Pending && ((i.FromId == a && i.ToId == b) || (i.FromId == b && i.ToId == a))).FirstOrDefault();

    public IReadOnlyList<Invitation> PendingExpiredBy(DateTimeOffset now) =>
        _invitations.Find(i => i.Status == InvitationStatus.Pending).Where(i => i.ExpiresAt <= now).ToList();

    public int CountPending() => _invitations.Count(i => i.Status == InvitationStatus.Pending);

    public IReadOnlyList<Invitation> Involving(string userId) =>
        _invitations.Find(i => i.FromId == userId || i.ToId == userId).ToList();

    public int DeleteInvolving(string userId) => _invitations.DeleteMany(i => i.FromId == userId || i.ToId == userId);
}
