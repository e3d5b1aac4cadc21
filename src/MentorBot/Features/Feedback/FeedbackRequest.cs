using LiteDB;

namespace MentorBot.Features.Feedback;

public enum FeedbackStatus { Pending, Answered, Declined, Expired, Undeliverable }

/// <summary>What a DM from the feedback loop is about; the text is rendered from the request when it is sent.</summary>
public enum NoticeKind { Request, Reminder, SnoozeReturn, Answer, Declined, Expired, Undeliverable, Thanked, SharedWithMentor }

/// <summary>One DM the loop owes someone. Kept on the request (one document, one atomic write) until Slack took it.</summary>
public sealed record Notice
{
    public int Id { get; init; }
    public NoticeKind Kind { get; init; }
    public string To { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? NotBefore { get; init; }
    public DateTimeOffset? SentAt { get; init; }
    public int Attempts { get; init; }

    /// <summary>Slack's permanent error (e.g. account_inactive): the notice is given up.</summary>
    public string? FailedReason { get; init; }

    public bool IsOpen => SentAt is null && FailedReason is null;
}

/// <summary>The giver's answer: at least one of the three is filled in.</summary>
public sealed record FeedbackAnswer
{
    public string? WentWell { get; init; }
    public string? CouldBeBetter { get; init; }
    public string? Suggestion { get; init; }
}

/// <summary>
/// One person asked by another for feedback (a /askfeedback to three people makes three of these, sharing
/// <see cref="AskId"/>), or feedback a mentor gave unprompted. The text is private to <see cref="AskerId"/> and
/// <see cref="GiverId"/>, and to the mentors in <see cref="SharedWith"/> once the asker shares it.
/// </summary>
public sealed record FeedbackRequest
{
    [BsonId] public int Id { get; init; }
    public string AskId { get; init; } = "";

    /// <summary>Who receives the feedback (the mentee when a mentor gives it unprompted).</summary>
    public string AskerId { get; init; } = "";

    /// <summary>Who writes it; "" once the giver asked to be forgotten.</summary>
    public string GiverId { get; init; } = "";
    public string Topic { get; init; } = "";
    public string? Context { get; init; }
    public int? GoalNumber { get; init; }
    public string? GoalTitle { get; init; }
    public DateOnly? By { get; init; }
    public bool Unprompted { get; init; }

    public FeedbackStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public FeedbackAnswer? Answer { get; init; }

    public DateTimeOffset? ReminderDueAt { get; init; }
    public bool ReminderSent { get; init; }
    public DateTimeOffset? SnoozedUntil { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? ThankedAt { get; init; }
    public List<string> SharedWith { get; init; } = [];

    /// <summary>The request DM in the giver's conversation, so its buttons can be replaced once answered.</summary>
    public string? GiverChannel { get; init; }
    public string? GiverMessageTs { get; init; }

    public List<Notice> Notices { get; init; } = [];

    /// <summary>How many notices are still to send (indexed, so the sender finds work without a scan).</summary>
    public int Unsent { get; init; }

    public bool IsPending => Status == FeedbackStatus.Pending;

    /// <summary>May <paramref name="userId"/> read the answer? The asker, the giver, and mentors it was shared with.</summary>
    public bool CanRead(string userId) =>
        userId.Length > 0 && (userId == AskerId || userId == GiverId || SharedWith.Contains(userId));

    public FeedbackRequest WithNotice(NoticeKind kind, string to, DateTimeOffset now)
    {
        var notices = new List<Notice>(Notices) { new() { Id = Notices.Count + 1, Kind = kind, To = to, CreatedAt = now } };
        return this with { Notices = notices, Unsent = notices.Count(n => n.IsOpen) };
    }

    public FeedbackRequest WithNoticeChanged(int noticeId, Func<Notice, Notice> change)
    {
        var notices = Notices.Select(n => n.Id == noticeId ? change(n) : n).ToList();
        return this with { Notices = notices, Unsent = notices.Count(n => n.IsOpen) };
    }
}
