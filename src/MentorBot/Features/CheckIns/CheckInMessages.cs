using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.CheckIns;

/// <summary>A DM's fallback text and blocks.</summary>
public sealed record DmContent(string Text, JsonArray Blocks);

/// <summary>
/// Block Kit for every check-in DM and modal. User text is always escaped; people appear as mentions. What a prompt
/// becomes after a click, and the summary (the record), are in CheckInRecordMessages.cs.
/// </summary>
public static partial class CheckInMessages
{
    public const string Met = "checkin.met";
    public const string Snooze = "checkin.snooze";
    public const string Skip = "checkin.skip";
    public const string AsyncStart = "checkin.async";
    public const string AsyncAnswer = "checkin.async.answer";
    public const string Notes = "checkin.notes";
    public const string Pause = "checkin.pause";
    public const string AddAgenda = "checkin.agenda.add";
    public const string UpdateGoal = "checkin.goal";
    public const string RatePrefix = "checkin.rate.";
    public const string Rate = "checkin.rate";
    public const string More = "checkin.more";
    public const string KeepGoing = "checkin.keep.going";
    public const string KeepPause = "checkin.keep.pause";
    public const string KeepEnd = "checkin.keep.end";

    public const string NotesModal = "checkin.notes";
    public const string AsyncModal = "checkin.async";
    public const string AgendaModal = "checkin.agenda";
    public const string GoalModal = "checkin.goal";
    public const string PauseModal = "checkin.pause.form";

    /// <param name="clashWith">The other person of a check-in at the same time, if the recipient was booked twice.</param>
    public static DmContent Prompt(Pair pair, CheckIn checkIn, string recipient, IReadOnlyList<Goal> goals, IReadOnlyList<AgendaItem> agenda, bool reminder,
        string? clashWith = null)
    {
        var other = pair.OtherThan(recipient);
        var text = reminder
            ? $"Reminder: did your check-in with {Mrkdwn.User(other)} happen?"
            : $"Time for your check-in with {Mrkdwn.User(other)}.";
        var blocks = new List<JsonObject>
        {
            Blocks.Section($"{(reminder ? ":alarm_clock:" : ":wave:")} {text}\nDue {Mrkdwn.Date(checkIn.DueUtc)}."),
        };
        if (clashWith is not null)
            blocks.Add(Blocks.Context($":warning: This overlaps your check-in with {Mrkdwn.User(clashWith)}: you were booked twice. " +
                                      $"Move one of them with `/mentor cadence @person …`."));
        blocks.AddRange(GoalBlocks(other, goals));
        blocks.AddRange(AgendaBlocks(agenda, $"On {Mrkdwn.User(other)}'s agenda"));
        // The one-tap outcomes; the rest is one step away in the "⋯" menu.
        blocks.Add(Blocks.Actions("checkin.choices",
            Blocks.Button("We met", Met, checkIn.Id, "primary"),
            Blocks.Button("Not yet — remind me tomorrow", Snooze, checkIn.Id),
            Blocks.Button("Skip this time", Skip, checkIn.Id),
            MoreMenu(checkIn)));
        blocks.Add(Blocks.Context("Notes stay private to the two of you."));
        return new DmContent(text, Capped(blocks));
    }

    /// <summary>The rest, one step away: a value carries the choice in front of the check-in id ("notes|id").</summary>
    private static JsonObject MoreMenu(CheckIn checkIn) => Blocks.Overflow(More,
        Blocks.Option("Quick async check-in", "async|" + checkIn.Id),
        Blocks.Option("Add notes", "notes|" + checkIn.Id),
        Blocks.Option("Pause these check-ins…", "pause|" + checkIn.Id));

    /// <summary>"Pause these check-ins…": how long, and what a pause means, before anything changes.</summary>
    public static JsonObject PauseModalView(string other, string privateMetadata) => Views.Modal(PauseModal, "Pause check-ins", new JsonArray(
        Blocks.Input("until", "For how long?", Blocks.StaticSelect("value",
            PairPauses.Choices.Select(c => Blocks.Option(PairPauses.ChoiceName(c), c)), initialValue: "2w")),
        Blocks.Context($"No prompts for you and {Mrkdwn.User(other)} until then; they resume by themselves, or earlier with " +
                       "`/mentor resume`. I'll let them know.")), submit: "Pause", close: "Keep them", privateMetadata: privateMetadata);

    public static DmContent Prep(Pair pair, DateTimeOffset due, string recipient, IReadOnlyList<AgendaItem> agenda)
    {
        var other = pair.OtherThan(recipient);
        var text = $"Your check-in with {Mrkdwn.User(other)} is coming up. What do you want to talk about?";
        var blocks = new List<JsonObject>
        {
            Blocks.Section($":spiral_note_pad: Your check-in with {Mrkdwn.User(other)} is {Mrkdwn.Date(due)}.\n*What do you want to talk about?*"),
        };
        blocks.AddRange(AgendaBlocks(agenda, "Your agenda so far"));
        if (agenda.Count == 0) blocks.Add(Blocks.Context("Nothing on the agenda yet."));
        blocks.Add(Blocks.Actions("checkin.prep",
            Blocks.Button("Add agenda item", AddAgenda, pair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "primary"),
            Blocks.Button("Update a goal", UpdateGoal, pair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return new DmContent(text, Capped(blocks));
    }

    public static DmContent KeepGoingQuestion(Pair pair, string recipient)
    {
        var other = Mrkdwn.User(pair.OtherThan(recipient));
        var text = $"The last three check-in prompts with {other} went unanswered. Do you want to keep going?";
        var id = pair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new DmContent(text, Capped(
        [
            Blocks.Section($":thinking_face: {text}\nI won't send more prompts until one of you answers."),
            Blocks.Actions("checkin.keep",
                Blocks.Button("Keep going", KeepGoing, id, "primary"),
                PauseMenu(KeepPause, id, "Pause for now…"),
                Blocks.Button("End the pairing…", KeepEnd, id, "danger")),
        ]));
    }

    public static DmContent KeepGoingAnswered(string text) => new(StripMrkdwn(text), Capped([Blocks.Section(text)]));

    public static DmContent AsyncRequest(CheckIn checkIn, string from)
    {
        var text = $"{Mrkdwn.User(from)} can't make a call this time. Could you answer three short questions instead?";
        return new DmContent(text, Capped(
        [
            Blocks.Section($":memo: {text}"),
            Blocks.Actions("checkin.async", Blocks.Button("Answer now", AsyncAnswer, checkIn.Id, "primary")),
        ]));
    }

    public static JsonObject NotesModalView(CheckIn checkIn, string privateMetadata) => Views.Modal(NotesModal, "Check-in notes", new JsonArray(
        Blocks.Section(checkIn.IsHeld ? "Add what you talked about." : "Saving logs this check-in as held."),
        Blocks.Input("discussed", "What we discussed", Blocks.TextInput("value", multiline: true, maxLength: 2000, initialValue: checkIn.Discussed), optional: true),
        Blocks.Input("next", "Next steps", Blocks.TextInput("value", multiline: true, maxLength: 1000, initialValue: checkIn.NextSteps), optional: true),
        Blocks.Context("Private to the two of you.")), privateMetadata: privateMetadata);

    public static JsonObject AsyncModalView(string privateMetadata) => Views.Modal(AsyncModal, "Quick async check-in", new JsonArray(
        Blocks.Section("Three short answers count as this check-in."),
        Blocks.Input("progress", "Progress since last time", Blocks.TextInput("value", multiline: true, maxLength: 1000)),
        Blocks.Input("blockers", "Blockers", Blocks.TextInput("value", multiline: true, maxLength: 1000), optional: true),
        Blocks.Input("needs", "What I need", Blocks.TextInput("value", multiline: true, maxLength: 1000), optional: true),
        Blocks.Context("Private to the two of you.")), submit: "Send", privateMetadata: privateMetadata);

    public static JsonObject AgendaModalView(int pairId, IReadOnlyList<AgendaItem> agenda)
    {
        var blocks = new List<JsonObject>
        {
            Blocks.Input("item", "What do you want to talk about?", Blocks.TextInput("value", multiline: true, maxLength: 500)),
        };
        blocks.AddRange(AgendaBlocks(agenda, "Already on the agenda"));
        return Views.Modal(AgendaModal, "Add agenda item", new JsonArray(blocks.Take(Limits.ViewBlocks).Select(b => (JsonNode)b).ToArray()),
            submit: "Add", privateMetadata: pairId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static JsonObject GoalModalView(int pairId, IReadOnlyList<Goal> goals) => goals.Count == 0
        ? Views.Modal(GoalModal, "Update a goal", new JsonArray(Blocks.Section("You have no open goals yet. Add one with `/goal add`.")), submit: null, close: "OK")
        : Views.Modal(GoalModal, "Update a goal", new JsonArray(
            Blocks.Input("goal", "Goal", Blocks.StaticSelect("value", goals.Select(g => Blocks.Option($"#{g.Number} {g.Title}", g.Number.ToString(System.Globalization.CultureInfo.InvariantCulture))))),
            Blocks.Input("progress", "Progress", Blocks.StaticSelect("value",
                Enumerable.Range(0, 11).Select(i => Blocks.Option($"{i * 10}%", (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture))))),
            Blocks.Input("note", "Note", Blocks.TextInput("value", multiline: true, maxLength: 500), optional: true)),
            privateMetadata: pairId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>
    /// The lengths /mentor pause accepts, as a menu: the chosen one travels in front of the id ("2w|id"). The pair
    /// resumes by itself afterwards, like a pause from the command.
    /// </summary>
    private static JsonObject PauseMenu(string actionId, string id, string placeholder) =>
        Blocks.StaticSelect(actionId, PairPauses.Choices.Select(c => Blocks.Option(PairPauses.ChoiceName(c), $"{c}|{id}")), placeholder: placeholder,
            confirm: Blocks.Confirm("Pause check-ins?",
                "No prompts for the two of you until then; they resume by themselves, or earlier with /mentor resume. I'll let the other person know.", "Pause", "Keep them"));

    private static IEnumerable<JsonObject> GoalBlocks(string ownerId, IReadOnlyList<Goal> goals)
    {
        if (goals.Count == 0)
        {
            yield return Blocks.Context($"{Mrkdwn.User(ownerId)} has no open shared goals.");
            yield break;
        }
        var lines = goals.Take(10).Select(g => $"• #{g.Number} {Mrkdwn.Escape(g.Title)} — {g.Progress}%");
        var more = goals.Count > 10 ? $"\n…and {goals.Count - 10} more" : "";
        yield return Blocks.Section($"*{Mrkdwn.User(ownerId)}'s open goals*\n" + string.Join("\n", lines) + more);
    }

    private static IEnumerable<JsonObject> AgendaBlocks(IReadOnlyList<AgendaItem> agenda, string title)
    {
        if (agenda.Count == 0) yield break;
        var lines = agenda.Take(15).Select(a => "• " + Mrkdwn.Escape(a.Text));
        var more = agenda.Count > 15 ? $"\n…and {agenda.Count - 15} more" : "";
        yield return Blocks.Section($"*{title}*\n" + string.Join("\n", lines) + more);
    }

    private static JsonArray Capped(IEnumerable<JsonObject> blocks) =>
        Blocks.Capped(blocks, Limits.MessageBlocks, n => $"{n} more not shown.");

    private static string StripMrkdwn(string text) => text.Replace(":white_check_mark: ", "").Replace(":fast_forward: ", "");
}
