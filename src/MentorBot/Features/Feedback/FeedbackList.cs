using System.Text.Json.Nodes;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Feedback;

/// <summary>/askfeedback list: what I asked (with status and dates) and what is waiting for me, with buttons.</summary>
public static class FeedbackList
{
    private const int MaxShown = 10;

    public static SlackAck For(string userId, FeedbackStore store)
    {
        var asked = store.AskedBy(userId);
        var waiting = store.WaitingFor(userId);
        if (asked.Count == 0 && waiting.Count == 0)
            return SlackAck.Ephemeral("No feedback requests yet, either way. Ask someone: " + AskFeedbackCommand.Usage);

        var blocks = new List<JsonObject>();
        if (waiting.Count > 0)
        {
            blocks.Add(Blocks.Header($"Waiting for you ({waiting.Count})"));
            foreach (var r in waiting.Take(MaxShown)) blocks.Add(WaitingLine(r));
            if (waiting.Count > MaxShown) blocks.Add(Blocks.Context($"…and {waiting.Count - MaxShown} older ones."));
        }
        if (asked.Count > 0)
        {
            blocks.Add(Blocks.Header("Feedback you asked for"));
            foreach (var r in asked.Take(MaxShown)) blocks.Add(Blocks.Section(AskedText(r)));
            if (asked.Count > MaxShown) blocks.Add(Blocks.Context($"…and {asked.Count - MaxShown} older ones."));
            // One menu for every answer to read: a list stays a list, not a column of buttons.
            var answers = asked.Take(MaxShown).Where(r => r.Status == FeedbackStatus.Answered)
                .Select(r => Blocks.Option($"“{FeedbackText.Short(r.Topic, 60)}”", FeedbackMessages.Value(r))).ToList(); // plain text: no mentions
            if (answers.Count > 0) blocks.Add(Blocks.Actions("feedback.list.read", Blocks.StaticSelect(FeedbackMessages.Read, answers, placeholder: "Read an answer…")));
        }
        blocks.Add(Blocks.Context("Only you can see this list."));
        var text = $"Feedback: {waiting.Count} waiting for you, {asked.Count(r => r.IsPending)} of your requests still open.";
        return SlackAck.Ephemeral(text, Blocks.Capped(blocks, Limits.MessageBlocks, n => $"…and {n} more."));
    }

    /// <summary>A request someone addressed to me, in a list: its three choices in a "⋯" menu.</summary>
    private static JsonObject WaitingLine(FeedbackRequest r)
    {
        var value = FeedbackMessages.Value(r);
        return Blocks.Section(WaitingText(r), Blocks.Overflow(FeedbackMessages.Menu,
            Blocks.Option("Give feedback", $"{FeedbackMessages.Give}|{value}"),
            Blocks.Option("Not now", $"{FeedbackMessages.NotNow}|{value}"),
            Blocks.Option("Decline", $"{FeedbackMessages.Decline}|{value}")));
    }

    private static string WaitingText(FeedbackRequest r)
    {
        var by = r.By is { } date ? $" · by {date:ddd d MMM}" : "";
        return $"{FeedbackMessages.Who(r.AskerId)}: “{FeedbackText.Short(r.Topic, 200)}”\n_asked {Mrkdwn.Date(r.CreatedAt, "{date_short}")}{by}_";
    }

    /// <summary>A request someone addressed to me, with its three buttons (the App Home's one-per-row view).</summary>
    public static IEnumerable<JsonObject> WaitingBlocks(FeedbackRequest r)
    {
        yield return Blocks.Section(WaitingText(r));
        yield return Blocks.Actions($"feedback.waiting.{r.Id}",
            Blocks.Button("Give feedback", FeedbackMessages.Give, FeedbackMessages.Value(r), "primary"),
            Blocks.Button("Not now", FeedbackMessages.NotNow, FeedbackMessages.Value(r)),
            Blocks.Button("Decline", FeedbackMessages.Decline, FeedbackMessages.Value(r)));
    }

    /// <summary>One line per request I asked (or feedback I received unprompted): who, status, when; Read when answered.</summary>
    public static JsonObject AskedLine(FeedbackRequest r) =>
        r.Status == FeedbackStatus.Answered
            ? Blocks.Section(AskedText(r), Blocks.Button("Read", FeedbackMessages.Read, FeedbackMessages.Value(r)))
            : Blocks.Section(AskedText(r));

    private static string AskedText(FeedbackRequest r)
    {
        var status = r.Status switch
        {
            FeedbackStatus.Pending => $"⏳ pending since {Mrkdwn.Date(r.CreatedAt, "{date_short}")}",
            FeedbackStatus.Answered when r.Unprompted => $"💬 given unprompted {When(r.ClosedAt)}",
            FeedbackStatus.Answered => $"✅ answered {When(r.ClosedAt)}",
            FeedbackStatus.Declined => $"🙅 declined {When(r.ClosedAt)}",
            FeedbackStatus.Expired => $"⌛ expired {When(r.ClosedAt)}",
            _ => $"⚠️ not delivered {When(r.ClosedAt)}",
        };
        return $"“{FeedbackText.Short(r.Topic, 120)}” — {FeedbackMessages.Who(r.GiverId)}\n{status}";
    }

    private static string When(DateTimeOffset? at) => at is { } instant ? Mrkdwn.Date(instant, "{date_short}") : "";
}
