using LiteDB;

namespace MentorBot.Features.CheckIns;

public enum CheckInStatus
{
    /// <summary>Prompted, not answered yet.</summary>
    Open,
    Met,
    Async,
    Skipped,
    /// <summary>Nobody answered before the next occurrence came round.</summary>
    NoAnswer,
    /// <summary>Fell due while MentorBot was down for longer than the catch-up grace.</summary>
    Missed,
    /// <summary>Not prompted: the pair was asked whether to keep going and has not answered yet.</summary>
    Suppressed,
    /// <summary>Open when the pair was paused or ended: nothing to log, and never counted as missed.</summary>
    Cancelled,
}

/// <summary>One person's private "how useful was this" answer (1–5).</summary>
public sealed record CheckInRating(string By, int Score);

/// <summary>Where a check-in's summary was posted to one of the two people, so a later change updates it in place.</summary>
public sealed record PostedSummary(string UserId, string Channel, string Ts);

/// <summary>One occurrence of a pair's cadence, keyed by (pair, due instant): the unit a restart must neither repeat nor skip.</summary>
public sealed record CheckIn
{
    [BsonId] public string Id { get; init; } = "";
    public int PairId { get; init; }
    public string MentorId { get; init; } = "";
    public string MenteeId { get; init; } = "";
    public DateTimeOffset DueUtc { get; init; }
    public CheckInStatus Status { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? PromptedAt { get; init; }
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }

    /// <summary>Private to the pair.</summary>
    public string? Discussed { get; init; }
    public string? NextSteps { get; init; }
    public string? NotesBy { get; init; }

    /// <summary>The quick async check-in's three answers, private to the pair.</summary>
    public string? AsyncProgress { get; init; }
    public string? AsyncBlockers { get; init; }
    public string? AsyncNeeds { get; init; }
    public string? AsyncBy { get; init; }

    /// <summary>Before both people could rate: the one (mentee's) rating. Read through <see cref="RatingOf"/>.</summary>
    public int? Rating { get; init; }
    public string? RatedBy { get; init; }

    /// <summary>Each person's own rating (mentor and mentee, or both peers); private to the one who gave it.</summary>
    public List<CheckInRating> Ratings { get; init; } = [];

    public List<PostedSummary> Summaries { get; init; } = [];

    public bool IsHeld => Status is CheckInStatus.Met or CheckInStatus.Async;

    public int? RatingOf(string userId) =>
        Ratings.FirstOrDefault(r => r.By == userId)?.Score ?? (RatedBy == userId ? Rating : null);

    /// <summary>Every rating given, for the programme's value score (never who gave it).</summary>
    public IEnumerable<int> AllRatings =>
        Ratings.Select(r => r.Score).Concat(Rating is { } legacy && Ratings.All(r => r.By != RatedBy) ? [legacy] : []);

    public static string IdOf(int pairId, DateTimeOffset dueUtc) => $"{pairId}:{dueUtc.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}";
}

public enum NudgeKind { Prompt, Reminder, Prep, KeepGoing, AsyncRequest }

public enum NudgeStatus { Pending, Sending, Sent, Failed, Skipped }

/// <summary>
/// One DM in the outbox. Its id is derived from (pair, due, kind, recipient), so creating it twice is a no-op, and it is
/// created in the same transaction that advances the pair's schedule (RELIABILITY.md "Nudge state").
/// </summary>
public sealed record Nudge
{
    [BsonId] public string Id { get; init; } = "";
    public int PairId { get; init; }
    public string CheckInId { get; init; } = "";
    public DateTimeOffset DueUtc { get; init; }
    public NudgeKind Kind { get; init; }
    public string RecipientId { get; init; } = "";
    public NudgeStatus Status { get; init; }

    /// <summary>Set while the nudge still has to go out (Pending or Sending): the earliest moment to send it. Indexed.</summary>
    public DateTimeOffset? QueueAt { get; init; }
    public int Attempts { get; init; }
    public string? Error { get; init; }
    public string? Channel { get; init; }
    public string? Ts { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>For a reminder: moved by "Not yet — remind me tomorrow".</summary>
    public bool Snoozed { get; init; }

    /// <summary>
    /// Set on a delivered prompt or reminder once its check-in closed without a click on it (superseded, paused, ended):
    /// from then on, the message is to be rewritten to one line without buttons. Indexed; cleared when done.
    /// </summary>
    public DateTimeOffset? RetireAt { get; init; }

    /// <summary>The message was rewritten to its closed state and has no buttons left.</summary>
    public bool Retired { get; init; }

    public static string IdOf(string checkInId, NudgeKind kind, string recipientId) => $"{checkInId}:{kind}:{recipientId}";
}

/// <summary>Something the mentee wants to talk about at the next check-in.</summary>
public sealed record AgendaItem
{
    [BsonId] public int Id { get; init; }
    public int PairId { get; init; }
    public string AuthorId { get; init; } = "";
    public string Text { get; init; } = "";
    public DateTimeOffset AddedAt { get; init; }
    public string? DiscussedIn { get; init; }
    public DateTimeOffset? DiscussedAt { get; init; }
}

/// <summary>Check-in bookkeeping per pair that the pairs feature does not own (no-nagging counters).</summary>
public sealed record PairCheckInState
{
    [BsonId] public int PairId { get; init; }
    public int IgnoredInARow { get; init; }

    /// <summary>Asked "keep going / pause / end?": no prompts until someone answers.</summary>
    public bool AwaitingKeepGoing { get; init; }
    public string? OpenCheckInId { get; init; }
}
