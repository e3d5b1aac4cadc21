using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Goals;

/// <summary>Block Kit for goals. Every piece of user text goes through <see cref="Mrkdwn.Escape"/>, so a title can never ping anyone.</summary>
public static class GoalMessages
{
    /// <summary>Goals per page of /goal list: two blocks each keeps a page far under the 50-block message limit.</summary>
    public const int PageSize = 15;

    public const string HelpText =
        "*Goals* — what you want to get out of mentoring. Your mentor sees the goals you share with them; nobody else sees any.\n" +
        "• `/goal` — open the form for a new goal\n" +
        "• `/goal add Learn to give a conference talk` — save a goal at once\n" +
        "• `/goal list` — your goals with progress  (`/goal list @person` — goals a mentee shares with you)\n" +
        "• `/goal show 2` — one goal with its history\n" +
        "• `/goal progress 2 40 drafted the outline` — set progress (0–100 %) with an optional note\n" +
        "• `/goal note 2 talked it through with my mentor` — add a note\n" +
        "• `/goal edit 2 New title` — rename a goal\n" +
        "• `/goal done 2` — mark it done  •  `/goal drop 2` — drop it (its history is kept)  •  `/goal reopen 2` — open it again";

    public static string Title(Goal goal) => $"*#{goal.Number}* {Mrkdwn.Escape(goal.Title)}";

    public static string Bar(int progress)
    {
        var filled = Math.Clamp(progress, 0, 100) / 10;
        return new string('▰', filled) + new string('▱', 10 - filled) + $" {progress}%";
    }

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>Status, progress, target date and last update on one line.</summary>
    public static string Facts(Goal goal)
    {
        var facts = new List<string>();
        facts.Add(goal.Status switch
        {
            GoalStatus.Done => "✅ done" + (goal.CompletedAt is { } at ? " " + Mrkdwn.Date(at, "{date_short}") : ""),
            GoalStatus.Dropped => "dropped",
            _ => Bar(goal.Progress),
        });
        if (goal.TargetDate is { } target) facts.Add("🎯 " + Date(target));
        facts.Add("updated " + Mrkdwn.Date(goal.UpdatedAt, "{date_short}"));
        if (!goal.IsShared) facts.Add("🔒 only you");
        return string.Join("  ·  ", facts);
    }

    public static JsonObject Buttons(Goal goal, bool withShow = false)
    {
        var n = goal.Number.ToString(CultureInfo.InvariantCulture);
        var buttons = new List<JsonObject>();
        if (goal.Status == GoalStatus.Open)
        {
            buttons.Add(Blocks.Button("Update progress", GoalActions.Progress, n));
            // Green only once it's at 100 %; always asked first, so a slip on a goal at 0 % changes nothing.
            buttons.Add(Blocks.Button("Mark done", GoalActions.Done, n, style: goal.Progress >= 100 ? "primary" : null,
                confirm: Blocks.Confirm($"Mark #{goal.Number} done?", $"Goal #{goal.Number} is at {goal.Progress} %. You can reopen it later with /goal reopen {goal.Number}.", "Mark done", "Not yet")));
        }
        buttons.Add(Blocks.Button("Details", GoalActions.Details, n));
        if (withShow) buttons.Add(Blocks.Button("History", GoalActions.Show, n));
        return Blocks.Actions($"goal-{n}-actions", [.. buttons]);
    }

    /// <summary>What the buttons of one goal do, as a menu for the list.</summary>
    private static JsonObject Menu(Goal goal)
    {
        var n = goal.Number.ToString(CultureInfo.InvariantCulture);
        var options = new List<JsonObject>();
        if (goal.Status == GoalStatus.Open)
        {
            options.Add(Blocks.Option("Update progress", $"{GoalActions.Progress}|{n}"));
            options.Add(Blocks.Option("Mark done", $"{GoalActions.Done}|{n}"));
        }
        options.Add(Blocks.Option("Details", $"{GoalActions.Details}|{n}"));
        options.Add(Blocks.Option("History", $"{GoalActions.Show}|{n}"));
        return Blocks.Overflow(GoalActions.Menu, [.. options]);
    }

    /// <summary>The answer to /goal add and to a saved form: the goal and what to do next.</summary>
    public static (string Text, JsonArray Blocks) Saved(Goal goal, string verb = "Saved")
    {
        var text = $"{verb} goal #{goal.Number}: {Mrkdwn.Escape(goal.Title)}";
        var blocks = new JsonArray(
            Blocks.Section($"{verb} {Title(goal)}\n{Facts(goal)}"),
            Buttons(goal),
            Blocks.Context(goal.IsShared
                ? "Your mentor can see this goal. `/goal list` shows all your goals."
                : "Only you can see this goal. `/goal list` shows all your goals."));
        return (text, blocks);
    }

    /// <summary>One page of the owner's own list (open first, then done), with buttons.</summary>
    public static (string Text, JsonArray Blocks) OwnList(IReadOnlyList<Goal> goals, int page)
    {
        if (goals.Count == 0)
            return ("You have no goals yet. Add one with `/goal add <title>` or type `/goal` for the form.",
                new JsonArray(Blocks.Section("You have no goals yet. Add one with `/goal add Learn to give a conference talk`, or type `/goal` for the form.")));

        var pages = (goals.Count + PageSize - 1) / PageSize;
        page = Math.Clamp(page, 1, pages);
        var open = goals.Count(g => g.Status == GoalStatus.Open);
        var blocks = new List<JsonObject> { Blocks.Section($"*Your goals* — {open} open, {goals.Count - open} done") };
        // One "⋯" menu per goal: a list of goals stays a list, not a wall of buttons.
        foreach (var goal in goals.Skip((page - 1) * PageSize).Take(PageSize))
            blocks.Add(Blocks.Section($"{Title(goal)}\n{Facts(goal)}", Menu(goal)));
        if (pages > 1)
        {
            blocks.Add(Blocks.Context($"Page {page} of {pages} ({goals.Count} goals)."));
            var nav = new List<JsonObject>();
            if (page > 1) nav.Add(Blocks.Button("◀ Previous", GoalActions.Page, (page - 1).ToString(CultureInfo.InvariantCulture)));
            if (page < pages) nav.Add(Blocks.Button("Next ▶", GoalActions.Page, (page + 1).ToString(CultureInfo.InvariantCulture)));
            blocks.Add(Blocks.Actions("goal-list-pages", [.. nav]));
        }
        return ($"Your goals: {open} open, {goals.Count - open} done", new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()));
    }

    /// <summary>A mentee's shared goals as their mentor sees them: read-only, no buttons.</summary>
    public static (string Text, JsonArray Blocks) SharedList(string ownerId, IReadOnlyList<Goal> goals)
    {
        var header = $"*Goals {Mrkdwn.User(ownerId)} shares with you*";
        var blocks = new List<JsonObject> { Blocks.Section(header) };
        var shown = goals.Take(GoalMessages.PageSize * 2).ToList();
        foreach (var goal in shown)
        {
            var why = string.IsNullOrEmpty(goal.Why) ? "" : "\n_" + Mrkdwn.Escape(Mrkdwn.Truncate(goal.Why, 300)) + "_";
            blocks.Add(Blocks.Section($"{Title(goal)}\n{Facts(goal)}{why}"));
        }
        if (goals.Count > shown.Count) blocks.Add(Blocks.Context($"{goals.Count - shown.Count} older goals not shown."));
        blocks.Add(Blocks.Context("Only you can see this. Only goals they chose to share with their mentors are listed."));
        return ($"Goals <@{ownerId}> shares with you: {goals.Count}", new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()));
    }

    /// <summary>One goal with its why and its history (latest first).</summary>
    public static (string Text, JsonArray Blocks) Detail(Goal goal)
    {
        var blocks = new List<JsonObject> { Blocks.Section($"{Title(goal)}\n{Facts(goal)}") };
        if (!string.IsNullOrEmpty(goal.Why)) blocks.Add(Blocks.Section("*Why it matters*\n" + Mrkdwn.Escape(goal.Why)));
        var history = goal.History.OrderByDescending(h => h.At).Take(10)
            .Select(h => $"• {Mrkdwn.Date(h.At, "{date_short}")} — " +
                         (h.Progress is { } p ? $"{p}%" : "") + (h.Progress is not null && h.Text is not null ? " · " : "") +
                         Mrkdwn.Escape(Mrkdwn.Truncate(h.Text ?? "", 280)))
            .ToList();
        blocks.Add(Blocks.Section(history.Count == 0 ? "_No updates yet._" : "*History*\n" + string.Join("\n", history)));
        if (goal.History.Count > history.Count) blocks.Add(Blocks.Context($"{goal.History.Count - history.Count} older updates not shown; `/mentor export` has them all."));
        if (goal.Status != GoalStatus.Dropped) blocks.Add(Buttons(goal));
        return ($"Goal #{goal.Number}: {Mrkdwn.Escape(goal.Title)}", new JsonArray(blocks.Select(b => (JsonNode)b).ToArray()));
    }

    /// <summary>The confirmation /goal drop asks for before dropping.</summary>
    public static (string Text, JsonArray Blocks) ConfirmDrop(Goal goal)
    {
        var n = goal.Number.ToString(CultureInfo.InvariantCulture);
        var blocks = new JsonArray(
            Blocks.Section($"Drop {Title(goal)}? It leaves your list; its history is kept."),
            Blocks.Actions($"goal-{n}-drop",
                Blocks.Button($"Drop #{n}", GoalActions.Drop, n, style: "danger",
                    confirm: Blocks.Confirm("Drop this goal?", $"Goal #{n} will leave your list. Its history is kept.", "Drop it", "Keep it")),
                Blocks.Button("Keep it", GoalActions.KeepIt, n)));
        return ($"Drop goal #{n}: {Mrkdwn.Escape(goal.Title)}? Use the button to confirm.", blocks);
    }

    /// <summary>The DM a mentor gets when a mentee completes a shared goal.</summary>
    public static (string Text, JsonArray Blocks) CompletedForMentor(Goal goal)
    {
        var text = $"🎉 {Mrkdwn.User(goal.OwnerId)} completed a goal: {Mrkdwn.Escape(goal.Title)}";
        var blocks = new JsonArray(
            Blocks.Section(text),
            Blocks.Context($"They shared this goal with you. `/goal list {Mrkdwn.User(goal.OwnerId)}` shows all their shared goals."));
        return (text, blocks);
    }

    public static JsonArray Help(string? lead = null)
    {
        var blocks = new List<JsonObject>();
        if (lead is not null) blocks.Add(Blocks.Section(lead));
        blocks.Add(Blocks.Section(HelpText));
        return new JsonArray(blocks.Select(b => (JsonNode)b).ToArray());
    }
}
