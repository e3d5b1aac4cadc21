using LiteDB;

namespace MentorBot.Features.Goals;

public enum GoalVisibility { Mentors, OnlyMe }

public enum GoalStatus { Open, Done, Dropped }

/// <summary>One progress update or note, kept as history.</summary>
public sealed record GoalNote(DateTimeOffset At, int? Progress, string? Text);

/// <summary>A mentee's goal. <see cref="Number"/> is per owner and never reused, so "#3" stays "#3".</summary>
public sealed record Goal
{
    /// <summary>"{OwnerId}:{Number}": unique by construction.</summary>
    [BsonId] public string Id { get; init; } = "";
    public string OwnerId { get; init; } = "";
    public int Number { get; init; }
    public string Title { get; init; } = "";
    public string? Why { get; init; }
    public DateOnly? TargetDate { get; init; }
    public GoalVisibility Visibility { get; init; } = GoalVisibility.Mentors;
    public GoalStatus Status { get; init; } = GoalStatus.Open;
    public int Progress { get; init; }
    public List<GoalNote> History { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    public bool IsShared => Visibility == GoalVisibility.Mentors;

    public static string IdOf(string ownerId, int number) => $"{ownerId}:{number}";
}

/// <summary>The last number given to one owner's goals, so the next is found without reading them (numbers are never reused).</summary>
public sealed record GoalCounter
{
    [BsonId] public string OwnerId { get; init; } = "";
    public int Last { get; init; }
}
