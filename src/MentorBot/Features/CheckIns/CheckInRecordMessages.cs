using System.Text.Json.Nodes;
using MentorBot.Features.Pairs;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.CheckIns;

/// <summary>What a prompt becomes once someone acts (still open, or closed in one line), and the summary that is the record.</summary>
public static partial class CheckInMessages
{
    /// <summary>A prompt still open after "Not yet" or "ask for async": who it is with and when, what changed, and its buttons.</summary>
    public static DmContent StillOpen(CheckIn checkIn, string recipient, Pair pair, string? extra)
    {
        var with = PairText.Who(pair.OtherThan(recipient));
        var text = $"Your check-in with {with} ({Day(checkIn)}) is not logged yet.";
        var blocks = new List<JsonObject> { Blocks.Section(":hourglass_flowing_sand: " + text) };
        if (extra is not null) blocks.Add(Blocks.Context(extra));
        blocks.Add(Blocks.Actions("checkin.choices",
            Blocks.Button("We met", Met, checkIn.Id, "primary"),
            Blocks.Button("Skip this time", Skip, checkIn.Id),
            MoreMenu(checkIn)));
        return new DmContent($"Your check-in with {with} is not logged yet.", Capped(blocks));
    }

    /// <summary>
    /// A prompt once its check-in is closed (answered, superseded, paused, ended): one line of what happened and no
    /// buttons left. The record itself is the summary message.
    /// </summary>
    public static DmContent Closed(CheckIn checkIn, string recipient, Pair pair)
    {
        var with = PairText.Who(pair.OtherThan(recipient));
        var who = checkIn.DecidedBy is { } by ? (by == recipient ? "you" : PairText.Who(by)) : "one of you";
        var day = Day(checkIn);
        // The line (with the date as Slack shows it in the reader's zone), and the notification text (no date token there).
        var (line, plain) = checkIn.Status switch
        {
            CheckInStatus.Met => ($":white_check_mark: Answered by {who}: met on {day}.", $"Answered by {who}: met."),
            CheckInStatus.Async => ($":speech_balloon: Answered by {who}: quick async check-in for {day}.", $"Answered by {who}: quick async check-in."),
            CheckInStatus.Skipped => ($":fast_forward: Skipped by {who}: no check-in on {day}.", $"Skipped by {who}."),
            CheckInStatus.Cancelled when pair.Status == PairStatus.Ended =>
                ($":wave: Closed: your pairing with {with} ended before {day} was logged.", $"Closed: your pairing with {with} ended."),
            CheckInStatus.Cancelled => ($":pause_button: Closed: check-ins with {with} are paused, so {day} needs no answer.", $"Closed: check-ins with {with} are paused."),
            CheckInStatus.NoAnswer => ($":hourglass: Not logged: the check-in with {with} on {day} has made way for the next one.",
                $"Not logged: the next check-in with {with} has taken its place."),
            _ => ($":hourglass: Closed: nothing was logged for {day}.", "Closed: nothing was logged."),
        };
        return new DmContent(plain, new JsonArray(Blocks.Section(line)));
    }

    // "Mon 12 Jan" in each reader's own zone (Slack renders it).
    private static string Day(CheckIn checkIn) => Mrkdwn.Date(checkIn.DueUtc, "{date_short_pretty}");

    /// <summary>
    /// The record both people get once a check-in is logged: when, how, notes, next steps, agenda covered. It stays on
    /// its message after every later click: a rating is added to it (each person rates privately), notes edited in place.
    /// </summary>
    public static DmContent Summary(CheckIn checkIn, Pair pair, string recipient, IReadOnlyList<AgendaItem> discussed)
    {
        var other = Mrkdwn.User(pair.OtherThan(recipient));
        var how = checkIn.Status == CheckInStatus.Async ? "quick async check-in" : "check-in";
        var text = $"Summary of your {how} with {other}.";
        var blocks = new List<JsonObject> { Blocks.Section($":clipboard: *Summary of your {how} with {other}, {Day(checkIn)}*") };
        if (checkIn.Discussed is { } discussedText) blocks.Add(Blocks.Section("*What we discussed*\n" + Mrkdwn.Escape(discussedText)));
        if (checkIn.NextSteps is { } next) blocks.Add(Blocks.Section("*Next steps*\n" + Mrkdwn.Escape(next)));
        if (checkIn.AsyncProgress is { } progress) blocks.Add(Blocks.Section("*Progress*\n" + Mrkdwn.Escape(progress)));
        if (checkIn.AsyncBlockers is { } blockers) blocks.Add(Blocks.Section("*Blockers*\n" + Mrkdwn.Escape(blockers)));
        if (checkIn.AsyncNeeds is { } needs) blocks.Add(Blocks.Section("*What I need*\n" + Mrkdwn.Escape(needs)));
        if (discussed.Count > 0)
            blocks.Add(Blocks.Section("*Agenda covered*\n" + string.Join("\n", discussed.Take(15).Select(a => "• " + Mrkdwn.Escape(a.Text)))));
        var notes = Blocks.Button(checkIn.Discussed is null && checkIn.NextSteps is null ? "Add notes" : "Edit notes", Notes, checkIn.Id);
        if (checkIn.RatingOf(recipient) is { } rating)
        {
            blocks.Add(Blocks.Context($":star: You rated this check-in {rating}/5. Thanks! Only you see your rating."));
            blocks.Add(Blocks.Actions("checkin.after", notes));
        }
        else
        {
            blocks.Add(Blocks.Section("*How useful was this check-in for you?* (1 = not at all, 5 = very)"));
            var scores = new[] { "1 — not useful", "2", "3", "4", "5 — very useful" }
                .Select((label, i) => Blocks.Option(label, $"{i + 1}|{checkIn.Id}"));
            blocks.Add(Blocks.Actions("checkin.after", Blocks.StaticSelect(Rate, scores, placeholder: "Rate 1 to 5"), notes));
        }
        blocks.Add(Blocks.Context("Private to the two of you; your rating only to you."));
        return new DmContent(text, Capped(blocks));
    }
}
