using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>Who may be asked, and the making of requests (shared by /askfeedback and its form).</summary>
public sealed class FeedbackAsking(
    FeedbackStore store, UserDirectory people, SlackIdentity identity, ProgrammeSettingsStore settings, TimeProvider time,
    ILogger<FeedbackAsking> logger)
{
    public const int MaxPeople = 5;
    public const int MaxTopic = 300;
    public const int MaxContext = 2000;

    // users.info answers in milliseconds (and is cached for a day); the ack still has to leave inside 3 s.
    private static readonly TimeSpan LookupBudget = TimeSpan.FromSeconds(1.5);

    /// <summary>Why <paramref name="userId"/> can't be asked by <paramref name="askerId"/>, or null when they can.</summary>
    public async Task<string?> ProblemWithAsync(string askerId, string userId, CancellationToken ct)
    {
        if (userId == askerId) return "You can't ask yourself for feedback — pick someone who saw your work.";
        if (userId == identity.BotUserId) return "I'm flattered, but I can't give feedback. Pick a person who saw your work.";
        Person? person;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(LookupBudget);
        try
        {
            person = await people.GetAsync(userId, budget.Token);
        }
        catch (Exception ex) when (ex is SlackApiException || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            // Slack is slow or down: let it through; a DM that can't be delivered comes back to the asker.
            logger.LogInformation("Could not check {UserId} before asking for feedback; asking anyway", userId);
            return null;
        }
        return person switch
        {
            null => $"I can't find {Mrkdwn(userId)} in this workspace.",
            { IsBot: true } => $"{Mrkdwn(userId)} is a bot, and bots can't give feedback. Pick a person.",
            { IsDeactivated: true } => $"{Mrkdwn(userId)}'s account is deactivated, so they can't be asked.",
            _ => null,
        };
    }

    public async Task<IReadOnlyList<string>> ProblemsWithAsync(string askerId, IReadOnlyList<string> userIds, CancellationToken ct)
    {
        var problems = await Task.WhenAll(userIds.Select(u => ProblemWithAsync(askerId, u, ct)));
        return problems.OfType<string>().ToList();
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
