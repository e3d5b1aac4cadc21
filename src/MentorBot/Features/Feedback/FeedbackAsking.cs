using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>Who may be asked, and the making of requests (shared by /askfeedback and its form).</summary>
public sealed class FeedbackAsking(
    FeedbackStore store, UserDirectory people, SlackIdentity identity, ProgrammeSettingsStore settings, TimeProvider time)
{
    public const int MaxPeople = 5;
    public const int MaxTopic = 300;
    public const int MaxContext = 2000;

    /// <summary>
    /// Why <paramref name="userId"/> can't be asked by <paramref name="askerId"/>, or null when they can, from what
    /// MentorBot already knows (the ack never waits on Slack). Someone it has not met yet is asked; a DM Slack refuses
    /// (a bot, a deactivated or unknown account) comes back to the asker as "could not be delivered".
    /// </summary>
    /// <param name="unknownToSlack">People a lookup after the ack found Slack does not know.</param>
    public string? ProblemWith(string askerId, string userId, IReadOnlySet<string>? unknownToSlack = null)
    {
        if (userId == askerId) return "You can't ask yourself for feedback — pick someone who saw your work.";
        if (userId == identity.BotUserId) return "I'm flattered, but I can't give feedback. Pick a person who saw your work.";
        if (unknownToSlack?.Contains(userId) == true) return $"I can't find {Mrkdwn(userId)} in this workspace.";
        return people.Cached(userId) switch
        {
            { IsBot: true } => $"{Mrkdwn(userId)} is a bot, and bots can't give feedback. Pick a person.",
            { IsDeactivated: true } => $"{Mrkdwn(userId)}'s account is deactivated, so they can't be asked.",
            _ => null,
        };
    }

    public IReadOnlyList<string> ProblemsWith(string askerId, IReadOnlyList<string> userIds, IReadOnlySet<string>? unknownToSlack = null) =>
        userIds.Select(u => ProblemWith(askerId, u, unknownToSlack)).OfType<string>().ToList();

    /// <summary>Named people MentorBot has never looked up (so the checks above cannot know them yet).</summary>
    public IReadOnlyList<string> NotYetKnown(IReadOnlyList<string> userIds) =>
        userIds.Where(u => u != identity.BotUserId && people.Cached(u) is null).ToList();

    /// <summary>
    /// After the ack: looks the people up in Slack, and returns those Slack does not know. When Slack is unreachable
    /// they are asked anyway; a DM that can't be delivered comes back to the asker.
    /// </summary>
    public async Task<IReadOnlySet<string>> LookUpAsync(IReadOnlyList<string> userIds, CancellationToken ct)
    {
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var userId in userIds)
        {
            try
            {
                if (await people.GetAsync(userId, ct) is null) unknown.Add(userId);
            }
            catch (SlackApiException)
            {
            }
        }
        return unknown;
    }

    /// <summary>
    /// After the ack: looks up the givers (cached for a day, so usually no call) and moves each reminder into the
    /// giver's own working day, which the ask could only guess for someone MentorBot had not met yet.
    /// </summary>
    public async Task PlaceRemindersAsync(IReadOnlyList<FeedbackRequest> requests, CancellationToken ct)
    {
        var programme = settings.Get();
        foreach (var request in requests)
        {
            try
            {
                await people.GetAsync(request.GiverId, ct);
            }
            catch (SlackApiException)
            {
                continue; // Slack is unreachable: the guess stands
            }
            var at = FeedbackSchedule.ReminderAt(request.CreatedAt, request.By, people.ZoneOf(request.GiverId), programme);
            if (at != request.ReminderDueAt) store.Change(request.Id, r => r.IsPending ? r with { ReminderDueAt = at } : null);
        }
    }

    /// <summary>Saves one request per person, each owing them a DM; the caller sends them after its ack.</summary>
    public IReadOnlyList<FeedbackRequest> Ask(string askerId, IReadOnlyList<string> giverIds, string topic, string? context,
        (int Number, string Title)? goal, DateOnly? by)
    {
        var now = time.GetUtcNow();
        var programme = settings.Get();
        var askId = Guid.NewGuid().ToString("N");
        return store.Add(giverIds.Select(giver =>
        {
            var zone = people.ZoneOf(giver);
            return new FeedbackRequest
            {
                AskId = askId, AskerId = askerId, GiverId = giver, Topic = topic, Context = context,
                GoalNumber = goal?.Number, GoalTitle = goal?.Title, By = by, Status = FeedbackStatus.Pending, CreatedAt = now,
                ReminderDueAt = FeedbackSchedule.ReminderAt(now, by, zone, programme),
                ExpiresAt = now + FeedbackSchedule.ExpiresAfter,
            }.WithNotice(NoticeKind.Request, giver, now);
        }));
    }

    /// <summary>A mentor's unprompted feedback: settled at once, owing the mentee one DM.</summary>
    public FeedbackRequest GiveUnprompted(string mentorId, string menteeId, string topic, FeedbackAnswer answer)
    {
        var now = time.GetUtcNow();
        var request = new FeedbackRequest
        {
            AskId = Guid.NewGuid().ToString("N"), AskerId = menteeId, GiverId = mentorId, Topic = topic, Unprompted = true,
            Status = FeedbackStatus.Answered, CreatedAt = now, ClosedAt = now, Answer = answer, ReminderSent = true,
            ExpiresAt = now,
        }.WithNotice(NoticeKind.Answer, menteeId, now);
        return store.Add([request])[0];
    }

    public DateOnly TodayFor(string userId)
    {
        var zone = people.ZoneOf(userId);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
    }

    private static string Mrkdwn(string userId) => MentorBot.Slack.BlockKit.Mrkdwn.User(userId);
}
