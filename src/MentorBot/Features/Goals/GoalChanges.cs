using System.Globalization;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;

namespace MentorBot.Features.Goals;

/// <summary>A change to a goal: the goal afterwards, or a friendly reason it did not happen.</summary>
public sealed record GoalResult(Goal? Goal, string? Problem)
{
    public static GoalResult Ok(Goal goal) => new(goal, null);

    public static GoalResult No(string problem) => new(null, problem);
}

/// <summary>
/// The changes /goal and the goal buttons share: finding "#n" with a specific answer when it is wrong, and marking
/// done / dropping, which the command and the buttons both do.
/// </summary>
public sealed class GoalChanges(GoalStore goals, PairStore pairs, SlackApiClient slack, TimeProvider time, ILogger<GoalChanges> logger)
{
    public const int TitleMax = 150;
    public const int TextMax = 3000;

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The caller's goal named by <paramref name="token"/> ("3" or "#3"), or why there is none.</summary>
    public GoalResult Find(string ownerId, string token, string verb, bool includeDropped = false)
    {
        token = token.Trim();
        if (Mentions.User(token) is not null || Mentions.IsUnresolvedAt(token))
            return GoalResult.No($"That looks like a person, not a goal number. Use the number from `/goal list`, e.g. `/goal {verb} 2`.");
        if (!int.TryParse(token.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return GoalResult.No($"`{Mrkdwn.Escape(Mrkdwn.Truncate(token, 30))}` isn't a goal number. Use the number from `/goal list`, e.g. `/goal {verb} 2`.");
        return Find(ownerId, number, includeDropped);
    }

    public GoalResult Find(string ownerId, int number, bool includeDropped = false)
    {
        var goal = number > 0 ? goals.Get(ownerId, number) : null;
        if (goal is not null && (includeDropped || goal.Status != GoalStatus.Dropped)) return GoalResult.Ok(goal);
        if (goal is not null) return GoalResult.No($"Goal #{number} was dropped, so it's no longer on your list. `/goal list` shows your goals.");
        var count = goals.ListFor(ownerId).Count;
        return GoalResult.No(count == 0
            ? $"You don't have any goals yet, so there's no #{number}. Add one with `/goal add <title>`."
            : $"You have {count} goal{(count == 1 ? "" : "s")}; #{number} doesn't exist. `/goal list` shows their numbers.");
    }

    /// <summary>Empty or too-long titles get a specific answer; null means the title is fine.</summary>
    public static string? TitleProblem(string? title) => title switch
    {
        null or "" => "Give your goal a title, e.g. `Learn to give a conference talk`.",
        { Length: > TitleMax } => $"Titles can be up to {TitleMax} characters; this one has {title.Length}. Put the rest under \"why it matters\".",
        _ => null,
    };

    public static string? TextProblem(string? text, string what) =>
        text is { Length: > TextMax } ? $"{what} can be up to {TextMax} characters; this one has {text.Length}." : null;

    /// <summary>Marks an open goal done. The follow-up tells the mentors, once, if the goal is shared with them.</summary>
    public GoalResult MarkDone(string ownerId, int number, out Func<CancellationToken, Task>? tellMentors)
    {
        tellMentors = null;
        var found = Find(ownerId, number);
        if (found.Goal is null) return found;
        if (found.Goal.Status == GoalStatus.Done) return GoalResult.No($"Goal #{number} is already done 🎉");

        var now = Now;
        var wasOpen = false;
        var done = goals.Change(ownerId, number, g =>
        {
            if (g.Status != GoalStatus.Open) return null;
            wasOpen = true;
            return g with
            {
                Status = GoalStatus.Done, Progress = 100, CompletedAt = now, UpdatedAt = now,
                History = [.. g.History, new GoalNote(now, 100, "Marked done")],
            };
        });
        if (done is null || !wasOpen) return GoalResult.No($"Goal #{number} is already done 🎉");
        if (done.IsShared) tellMentors = ct => TellMentorsAsync(done, ct);
        return GoalResult.Ok(done);
    }

    /// <summary>A done or dropped goal, open again (its history keeps a "Reopened" note).</summary>
    public GoalResult Reopen(string ownerId, int number)
    {
        var found = Find(ownerId, number, includeDropped: true);
        if (found.Goal is null) return found;
        if (found.Goal.Status == GoalStatus.Open) return GoalResult.No($"Goal #{number} is already open.");
        var now = Now;
        var reopened = goals.Change(ownerId, number, g => g.Status == GoalStatus.Open ? null : g with
        {
            Status = GoalStatus.Open, CompletedAt = null, UpdatedAt = now, History = [.. g.History, new GoalNote(now, null, "Reopened")],
        });
        return reopened is null ? GoalResult.No($"Goal #{number} is already open.") : GoalResult.Ok(reopened);
    }

    public GoalResult Drop(string ownerId, int number)
    {
        var found = Find(ownerId, number);
        if (found.Goal is null) return found;
        var now = Now;
        var dropped = goals.Change(ownerId, number, g => g.Status == GoalStatus.Dropped ? null : g with
        {
            Status = GoalStatus.Dropped, UpdatedAt = now, History = [.. g.History, new GoalNote(now, null, "Dropped")],
        });
        return GoalResult.Ok(dropped!);
    }

    public async Task<GoalResult> SetProgressAsync(string ownerId, int number, int percent, string? note)
    {
        var found = Find(ownerId, number);
        if (found.Goal is null) return found;
        if (found.Goal.Status == GoalStatus.Done)
            return GoalResult.No($"Goal #{number} is already done, so its progress stays at 100%. Add a note with `/goal note {number} …`.");
        var now = Now;
        return GoalResult.Ok((await goals.ChangeAsync(ownerId, number, g => g with
        {
            Progress = percent, UpdatedAt = now, History = [.. g.History, new GoalNote(now, percent, note)],
        }))!);
    }

    public GoalResult AddNote(string ownerId, int number, string note)
    {
        var found = Find(ownerId, number);
        if (found.Goal is null) return found;
        var now = Now;
        return GoalResult.Ok(goals.Change(ownerId, number, g => g with
        {
            UpdatedAt = now, History = [.. g.History, new GoalNote(now, null, note)],
        })!);
    }

    /// <summary>New title and details from the form (or just a title from /goal edit).</summary>
    public GoalResult Edit(string ownerId, int number, string title, Func<Goal, Goal>? details = null)
    {
        var found = Find(ownerId, number);
        if (found.Goal is null) return found;
        var now = Now;
        return GoalResult.Ok(goals.Change(ownerId, number, g => (details?.Invoke(g) ?? g) with { Title = title, UpdatedAt = now })!);
    }

    private async Task TellMentorsAsync(Goal goal, CancellationToken ct)
    {
        // Asked again after the ack: the pair may have ended meanwhile, and only a current mentor may hear about it.
        foreach (var mentor in pairs.MentorsOf(goal.OwnerId).Where(m => pairs.IsMentorOf(m, goal.OwnerId)))
        {
            var (text, blocks) = GoalMessages.CompletedForMentor(goal);
            await slack.SendDmAsync(mentor, text, blocks, ct);
            logger.LogInformation("Told mentor {MentorId} that {OwnerId} completed goal #{Number}", mentor, goal.OwnerId, goal.Number);
        }
    }
}
