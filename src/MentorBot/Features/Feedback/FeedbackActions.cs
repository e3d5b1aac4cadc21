using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>
/// Every feedback button: Give feedback, Not now, Decline (the giver only), Thank and Share with my mentor (the
/// asker only), Read (asker, giver, mentors it was shared with) and Ask for feedback (anyone, from the App Home).
/// </summary>
public sealed class FeedbackActions(
    FeedbackStore store, FeedbackNotifier notifier, PairStore pairs, GoalStore goals, UserDirectory people,
    ProgrammeSettingsStore settings, SlackReplies replies, TimeProvider time) : IBlockActionHandler
{
    public const string NotYours = "That feedback request isn't addressed to you, so I can't let you act on it.";
    public const string NotReadable = "Only the person who asked and the person who answered can read that feedback.";

    public static string Settled(FeedbackRequest r) => r.Status switch
    {
        FeedbackStatus.Answered => "You've already answered this request — thank you!",
        FeedbackStatus.Declined => "You declined this request, so it's closed.",
        FeedbackStatus.Expired => "This request expired after 14 days, so it's closed.",
        _ => "This request is closed.",
    };

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var user = actions.User.Id;
        var action = actions.Action.ActionId ?? "";
        if (action == FeedbackMessages.AskMore)
            return await OpenAsync(actions, AskFeedbackModal.View(AskFeedbackModal.OpenGoals(goals, user), []), ct);

        // Lists carry the choice in a menu: "⋯" options are "feedback.give|12", the read menu's value is the id.
        var value = actions.Action.Value ?? actions.Action.SelectedOption?.Value;
        if (action == FeedbackMessages.Menu && value?.IndexOf('|') is > 0 and var bar)
            (action, value) = (value[..bar], value[(bar + 1)..]);
        var request = int.TryParse(value, CultureInfo.InvariantCulture, out var id) ? store.Get(id) : null;
        if (request is null) return Tell(actions, "I can't find that feedback request any more.");
        return action switch
        {
            FeedbackMessages.Give => await GiveAsync(actions, request, ct),
            FeedbackMessages.NotNow => NotNow(actions, request),
            FeedbackMessages.Decline => Decline(actions, request),
            FeedbackMessages.Thank => Thank(actions, request),
            FeedbackMessages.Share => Share(actions, request),
            FeedbackMessages.Read => request.CanRead(user) && request.Answer is not null
                ? await OpenAsync(actions, ReadView(request), ct)
                : Tell(actions, NotReadable),
            _ => SlackAck.Empty,
        };
    }

    private async Task<SlackAck> GiveAsync(BlockActions actions, FeedbackRequest r, CancellationToken ct)
    {
        if (r.GiverId != actions.User.Id) return Tell(actions, NotYours);
        if (!r.IsPending) return Tell(actions, Settled(r));
        return await OpenAsync(actions, GiveFeedbackModal.ForRequest(r), ct);
    }

    private SlackAck NotNow(BlockActions actions, FeedbackRequest r)
    {
        if (r.GiverId != actions.User.Id) return Tell(actions, NotYours);
        if (!r.IsPending) return Tell(actions, Settled(r));
        var zone = people.ZoneOf(r.GiverId);
        var until = FeedbackSchedule.SnoozedUntil(time.GetUtcNow(), zone, settings.Get());
        store.Change(r.Id, x => x.IsPending ? x with { SnoozedUntil = until } : null);
        return Tell(actions, $"No problem — I'll bring this back {Mrkdwn.Date(until, "{date_long_pretty} at {time}")}.");
    }

    private SlackAck Decline(BlockActions actions, FeedbackRequest r)
    {
        if (r.GiverId != actions.User.Id) return Tell(actions, NotYours);
        if (!r.IsPending) return Tell(actions, Settled(r));
        var now = time.GetUtcNow();
        var declined = store.Change(r.Id, x => x.IsPending
            ? (x with { Status = FeedbackStatus.Declined, ClosedAt = now }).WithNotice(NoticeKind.Declined, x.AskerId, now)
            : null);
        if (declined is null) return Tell(actions, "This request was just closed.");
        return Tell(actions, $"Declined. I'll let {FeedbackMessages.Who(r.AskerId)} know kindly — no reason needed.")
            .Then(async ct =>
            {
                await notifier.SendAsync(r.Id, ct);
                await notifier.SettleGiverMessageAsync(declined, ct);
            });
    }

    private SlackAck Thank(BlockActions actions, FeedbackRequest r)
    {
        if (r.AskerId != actions.User.Id) return Tell(actions, NotYours);
        if (r.ThankedAt is not null) return Tell(actions, "You've already thanked them for this one. 🙏");
        var now = time.GetUtcNow();
        var thanked = store.Change(r.Id, x => x.Status == FeedbackStatus.Answered && x.ThankedAt is null
            ? (x.GiverId.Length > 0 ? x.WithNotice(NoticeKind.Thanked, x.GiverId, now) : x) with { ThankedAt = now }
            : null);
        if (thanked is null) return Tell(actions, "There's nothing to thank for on this request yet.");
        return Tell(actions, $"🙏 I've passed your thanks on to {FeedbackMessages.Who(r.GiverId)}.").Then(ct => notifier.SendAsync(r.Id, ct));
    }

    private SlackAck Share(BlockActions actions, FeedbackRequest r)
    {
        if (r.AskerId != actions.User.Id) return Tell(actions, NotYours);
        if (r.Status != FeedbackStatus.Answered) return Tell(actions, "Only answered feedback can be shared.");
        var mentors = pairs.MentorsOf(r.AskerId).Where(m => m != r.GiverId).ToList();
        if (mentors.Count == 0)
            return Tell(actions, "You don't have a mentor in the programme right now (other than the person who wrote this), so there's no one to share it with.");
        var now = time.GetUtcNow();
        var fresh = mentors.Where(m => !r.SharedWith.Contains(m)).ToList();
        if (fresh.Count == 0) return Tell(actions, $"Already shared with {string.Join(", ", mentors.Select(Mrkdwn.User))}.");
        store.Change(r.Id, x => fresh.Aggregate(x with { SharedWith = [.. x.SharedWith, .. fresh] }, (acc, m) => acc.WithNotice(NoticeKind.SharedWithMentor, m, now)));
        return Tell(actions, $"Shared with {string.Join(", ", fresh.Select(Mrkdwn.User))}. Only they, you and {FeedbackMessages.Who(r.GiverId)} can see it.")
            .Then(ct => notifier.SendAsync(r.Id, ct));
    }

    public static JsonObject ReadView(FeedbackRequest r)
    {
        var blocks = new List<JsonObject>
        {
            Blocks.Section($"*From {FeedbackMessages.Who(r.GiverId)} to {FeedbackMessages.Who(r.AskerId)}* on “{FeedbackText.Short(r.Topic, 200)}”"),
        };
        blocks.AddRange(FeedbackMessages.AnswerBlocks(r.Answer));
        blocks.Add(Blocks.Context("Private: only the people named here (and mentors it was shared with) can read it."));
        return Views.Modal("feedback.read", "Feedback", Blocks.Capped(blocks, Limits.ViewBlocks, n => $"…{n} more parts."), submit: null, close: "Close");
    }

    private Task<SlackAck> OpenAsync(BlockActions actions, JsonObject view, CancellationToken ct) =>
        replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, view, "I couldn't open that just now. Please try again in a moment.");

    private SlackAck Tell(BlockActions actions, string mrkdwn)
    {
        var message = FeedbackMessages.Line(mrkdwn);
        return replies.Tell(ReplyTarget.Of(actions), message.Text, message.Blocks);
    }
}
