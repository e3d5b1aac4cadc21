using System.Text.Json.Nodes;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Feedback;

/// <summary>One DM: fallback text (never the feedback itself) and its blocks.</summary>
public sealed record FeedbackMessage(string Text, JsonArray Blocks);

/// <summary>Pure Block Kit for every DM of the feedback loop. People's words always go through <see cref="FeedbackText"/>.</summary>
public static class FeedbackMessages
{
    public const string Give = "feedback.give";
    public const string NotNow = "feedback.notnow";
    public const string Decline = "feedback.decline";
    public const string Thank = "feedback.thank";
    public const string Share = "feedback.share";
    public const string Read = "feedback.read";
    public const string Menu = "feedback.menu";
    public const string AskMore = "feedback.ask";

    // Slack refuses messages whose blocks carry much more than ~12,000 characters in all; stay well under it.
    private const int MessageBudget = 10_000;
    private const int PieceSize = 2_900;

    public static string Who(string userId) => userId.Length == 0 ? "someone who has since left" : Mrkdwn.User(userId);

    public static FeedbackMessage RequestToGiver(FeedbackRequest r, NoticeKind kind)
    {
        var intro = kind switch
        {
            NoticeKind.Reminder => $"*A gentle reminder:* {Who(r.AskerId)} is still hoping for your feedback.",
            NoticeKind.SnoozeReturn => $"*Back as you asked:* {Who(r.AskerId)}'s request for feedback.",
            _ => $"*{Who(r.AskerId)} would value your honest feedback.*",
        };
        var blocks = new List<JsonObject> { Blocks.Section(intro + "\n" + FeedbackText.Quote(FeedbackText.Safe(r.Topic))) };
        foreach (var piece in FeedbackText.SafePieces(r.Context, PieceSize)) blocks.Add(Blocks.Section(piece));
        var details = new List<string>();
        if (r.GoalTitle is not null) details.Add($"Related goal: #{r.GoalNumber} {FeedbackText.Short(r.GoalTitle)}");
        if (r.By is { } by) details.Add($"They'd like it by {by:dddd d MMMM}");
        if (details.Count > 0) blocks.Add(Blocks.Context(details.ToArray()));
        blocks.Add(Blocks.Actions("feedback.request",
            Blocks.Button("Give feedback", Give, Value(r), "primary"),
            Blocks.Button("Not now", NotNow, Value(r)),
            Blocks.Button("Decline", Decline, Value(r), confirm: Blocks.Confirm("Decline this request?",
                "They'll be told kindly that you can't help this time. No reason needed.", "Decline", "Keep it"))));
        blocks.Add(Blocks.Context($"Only you and {Who(r.AskerId)} will see what you write. \"Not now\" brings this back in 2 days."));
        var prefix = kind == NoticeKind.Reminder ? "Reminder: " : "";
        return new($"{prefix}feedback request: {FeedbackText.Short(r.Topic)}", Array(blocks));
    }

    /// <summary>The giver's request DM once it is settled: the buttons go, so nobody answers twice.</summary>
    public static FeedbackMessage SettledForGiver(FeedbackRequest r)
    {
        var what = r.Status switch
        {
            FeedbackStatus.Answered => "✅ You gave feedback",
            FeedbackStatus.Declined => "You declined",
            FeedbackStatus.Expired => "This request expired",
            _ => "This request is closed",
        };
        var line = $"{what} — {Who(r.AskerId)}'s request about “{FeedbackText.Short(r.Topic)}”.";
        return new(line, Array([Blocks.Section(line)]));
    }

    /// <summary>The answer for the asker (split over several messages when very long; buttons on the last).</summary>
    /// <param name="canShare">Whether the asker has a mentor besides the one who wrote it (only then is "Share with my mentor" offered).</param>
    public static IReadOnlyList<FeedbackMessage> AnswerToAsker(FeedbackRequest r, bool canShare)
    {
        var intro = r.Unprompted
            ? $"*{Who(r.GiverId)} gave you feedback* on “{FeedbackText.Short(r.Topic, 200)}”"
            : $"*{Who(r.GiverId)} answered your request for feedback* on “{FeedbackText.Short(r.Topic, 200)}”";
        var thank = Blocks.Button("Thank " + (r.GiverId.Length == 0 ? "them" : "them 🙏"), Thank, Value(r), "primary");
        // Without another mentor there is no one to share with (a mentor's own feedback would only go back to them).
        var footer = !canShare
            ? new List<JsonObject> { Blocks.Actions("feedback.answer", thank), Blocks.Context($"Private to you and {Who(r.GiverId)}.") }
            : new List<JsonObject>
            {
                Blocks.Actions("feedback.answer", thank, Blocks.Button("Share with my mentor", Share, Value(r))),
                Blocks.Context($"Private to you and {Who(r.GiverId)} unless you share it with your mentor."),
            };
        return Split($"Feedback from a colleague on “{FeedbackText.Short(r.Topic, 60)}”", intro, r.Answer, footer);
    }

    /// <summary>What a mentor receives when their mentee shares a piece of feedback.</summary>
    public static IReadOnlyList<FeedbackMessage> SharedWithMentor(FeedbackRequest r)
    {
        var intro = $"*{Who(r.AskerId)} shared feedback they received* from {Who(r.GiverId)} on “{FeedbackText.Short(r.Topic, 200)}”";
        var footer = new List<JsonObject> { Blocks.Context($"Shared with you by {Who(r.AskerId)}; please keep it between you.") };
        return Split("Your mentee shared some feedback with you", intro, r.Answer, footer);
    }

    public static FeedbackMessage Declined(FeedbackRequest r) => Line(
        $"{Who(r.GiverId)} can't give feedback on “{FeedbackText.Short(r.Topic)}” this time — no reason needed, and no hard feelings. " +
        "Maybe someone else saw your work? `/askfeedback @person topic`");

    /// <summary>One DM for everyone of an ask who did not answer in time (<paramref name="givers"/>, the request's own giver among them).</summary>
    public static FeedbackMessage Expired(FeedbackRequest r, IReadOnlyList<string> givers)
    {
        var names = (givers.Count == 0 ? [r.GiverId] : givers).Select(Who).ToList();
        var who = names.Count == 1 ? names[0] : string.Join(", ", names.SkipLast(1)) + " and " + names[^1];
        var had = names.Count == 1 ? "had no answer" : "had no answers";
        return Line($"Your request to {who} about “{FeedbackText.Short(r.Topic)}” {had} in 14 days, so I've closed it. " +
                    "You could ask again, or ask someone else: `/askfeedback @person topic`");
    }

    public static FeedbackMessage Undeliverable(FeedbackRequest r) => Line(
        $"I couldn't reach {Who(r.GiverId)} in Slack, so your request about “{FeedbackText.Short(r.Topic)}” was not delivered. " +
        "Perhaps ask someone else?");

    public static FeedbackMessage Thanked(FeedbackRequest r) => Line(
        $"🙏 {Who(r.AskerId)} thanked you for your feedback on “{FeedbackText.Short(r.Topic)}”.");

    public static FeedbackMessage Line(string mrkdwn) => new(mrkdwn, Array([Blocks.Section(mrkdwn)]));

    /// <summary>The three parts of an answer as sections, each long part in pieces Slack accepts.</summary>
    public static IEnumerable<JsonObject> AnswerBlocks(FeedbackAnswer? answer)
    {
        foreach (var (title, text) in Parts(answer))
        {
            var pieces = FeedbackText.SafePieces(text, PieceSize);
            for (var i = 0; i < pieces.Count; i++)
                yield return Blocks.Section(i == 0 ? $"*{title}*\n{pieces[i]}" : pieces[i]);
        }
    }

    public static IEnumerable<(string Title, string Text)> Parts(FeedbackAnswer? answer)
    {
        if (answer?.WentWell is { Length: > 0 } well) yield return ("What went well", well);
        if (answer?.CouldBeBetter is { Length: > 0 } better) yield return ("What could be better", better);
        if (answer?.Suggestion is { Length: > 0 } suggestion) yield return ("One concrete suggestion", suggestion);
    }

    public static string Value(FeedbackRequest r) => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IReadOnlyList<FeedbackMessage> Split(string fallback, string intro, FeedbackAnswer? answer, List<JsonObject> footer)
    {
        var messages = new List<FeedbackMessage>();
        var current = new List<JsonObject> { Blocks.Section(intro) };
        var size = intro.Length;
        foreach (var block in AnswerBlocks(answer))
        {
            var length = block["text"]!["text"]!.GetValue<string>().Length;
            if (size + length > MessageBudget || current.Count >= Limits.MessageBlocks - footer.Count - 1)
            {
                messages.Add(new(fallback, Array(current)));
                current = [];
                size = 0;
            }
            current.Add(block);
            size += length;
        }
        current.AddRange(footer);
        messages.Add(new(messages.Count == 0 ? fallback : fallback + " (continued)", Array(current)));
        return messages;
    }

    private static JsonArray Array(IEnumerable<JsonObject> blocks) => new(blocks.Select(b => (JsonNode)b).ToArray());
}
