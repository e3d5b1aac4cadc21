using System.Globalization;
using MentorBot.Features.Pairs;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Goals;

/// <summary>
/// /goal: every answer is ephemeral and built from local work only (LiteDB), so it is back well inside Slack's 3 s.
/// The one Slack call made before answering is views.open for the form, because its trigger_id expires.
/// </summary>
public sealed class GoalCommand(GoalStore goals, GoalChanges changes, PairStore pairs, SlackReplies replies)
    : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        var (verb, rest) = Next(command.Text);
        var user = command.UserId;
        return verb.ToLowerInvariant() switch
        {
            "" => OpenFormAsync(command, ct),
            "add" or "new" => AddAsync(user, rest),
            "list" or "ls" => Task.FromResult(List(user, rest)),
            "show" or "view" => Task.FromResult(Show(user, rest)),
            "done" or "complete" or "finish" => Task.FromResult(Done(user, rest)),
            "progress" or "update" => ProgressAsync(user, rest),
            "note" => Task.FromResult(Note(user, rest)),
            "edit" or "rename" => Task.FromResult(Edit(user, rest)),
            "drop" or "delete" or "remove" => Task.FromResult(Drop(user, rest)),
            "reopen" or "undo" => Task.FromResult(Reopen(user, rest)),
            "help" or "?" => Task.FromResult(Help(null)),
            _ => Task.FromResult(Unknown(verb, command.Text)),
        };
    }

    private Task<SlackAck> OpenFormAsync(SlashCommand command, CancellationToken ct) =>
        replies.OpenModalAsync(ReplyTarget.Of(command), command.TriggerId, GoalModal.Render(null, command.ResponseUrl),
            "I couldn't open the goal form just now. You can still type `/goal add <title>`, or try `/goal` again.");

    private async Task<SlackAck> AddAsync(string user, string title)
    {
        if (GoalChanges.TitleProblem(title) is { } problem)
            return SlackAck.Ephemeral(title.Length == 0 ? "What's the goal? Type it after `add`: `/goal add Learn to give a conference talk` — or just `/goal` for the form." : problem);
        var goal = await goals.AddAsync(user, title, changes.Now);
        var (text, blocks) = GoalMessages.Saved(goal);
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck List(string user, string args)
    {
        var (first, more) = Next(args);
        if (first.Length == 0) return OwnList(user, 1);
        if (first.Equals("page", StringComparison.OrdinalIgnoreCase))
            return int.TryParse(more, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0
                ? OwnList(user, page)
                : SlackAck.Ephemeral("Pages are numbered from 1: `/goal list page 2`.");
        if (Mentions.User(first) is { } owner)
        {
            if (more.Length > 0) return SlackAck.Ephemeral("I can show one person's goals at a time: `/goal list @person`.");
            return owner == user ? OwnList(user, 1) : SharedList(owner, user);
        }
        if (Mentions.IsUnresolvedAt(first))
            return SlackAck.Ephemeral($"I couldn't tell who `{Mrkdwn.Escape(Mrkdwn.Truncate(first, 40))}` is. Type `@` and pick the person from Slack's list, so it becomes a mention.");
        return SlackAck.Ephemeral("`/goal list` shows your goals; `/goal list @person` shows the goals a mentee shares with you.");
    }

    public SlackAck OwnList(string user, int page)
    {
        var (text, blocks) = GoalMessages.OwnList(goals.ListFor(user), page);
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck SharedList(string owner, string viewer)
    {
        // Same refusal whether or not the person has goals: a non-mentor learns nothing.
        if (!pairs.IsMentorOf(viewer, owner))
            return SlackAck.Ephemeral("You can only see goals your mentees share with you.");
        var shared = goals.SharedWith(owner, viewer);
        if (shared.Count == 0) return SlackAck.Ephemeral($"{Mrkdwn.User(owner)} hasn't shared any goals with you yet.");
        var (text, blocks) = GoalMessages.SharedList(owner, shared);
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck Show(string user, string args)
    {
        var (token, _) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral("Which goal? `/goal show 2` — `/goal list` shows the numbers.");
        var found = changes.Find(user, token, "show");
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        var (text, blocks) = GoalMessages.Detail(found.Goal);
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck Done(string user, string args)
    {
        var (token, _) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral("Which goal is done? `/goal done 2` — `/goal list` shows the numbers.");
        var found = changes.Find(user, token, "done");
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        var result = changes.MarkDone(user, found.Goal.Number, out var tellMentors);
        if (result.Goal is not { } goal) return SlackAck.Ephemeral(result.Problem!);
        var (text, blocks) = GoalMessages.Saved(goal, "🎉 Done:");
        var ack = SlackAck.Ephemeral(text, blocks);
        return tellMentors is null ? ack : ack.Then(tellMentors);
    }

    private async Task<SlackAck> ProgressAsync(string user, string args)
    {
        const string usage = "Tell me the goal and how far along it is (0–100): `/goal progress 2 40 drafted the outline`.";
        var (token, rest) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral(usage);
        var found = changes.Find(user, token, "progress");
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        var (percentText, note) = Next(rest);
        if (percentText.Length == 0) return SlackAck.Ephemeral(usage);
        if (!int.TryParse(percentText.TrimEnd('%'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var percent))
            return SlackAck.Ephemeral($"`{Mrkdwn.Escape(Mrkdwn.Truncate(percentText, 30))}` isn't a percentage. Use a whole number from 0 to 100: `/goal progress {found.Goal.Number} 40`.");
        if (percent is < 0 or > 100)
            return SlackAck.Ephemeral($"Progress goes from 0 to 100%; {percent} is outside that. Try `/goal progress {found.Goal.Number} {Math.Clamp(percent, 0, 100)}`.");
        if (GoalChanges.TextProblem(note, "Notes") is { } noteProblem) return SlackAck.Ephemeral(noteProblem);
        var result = await changes.SetProgressAsync(user, found.Goal.Number, percent, note.Length == 0 ? null : note);
        if (result.Goal is not { } goal) return SlackAck.Ephemeral(result.Problem!);
        var (text, blocks) = GoalMessages.Saved(goal, "Updated");
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck Note(string user, string args)
    {
        const string usage = "Which goal, and what's the note? `/goal note 2 talked it through with my mentor`.";
        var (token, note) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral(usage);
        var found = changes.Find(user, token, "note");
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        if (note.Length == 0) return SlackAck.Ephemeral($"What's the note? `/goal note {found.Goal.Number} talked it through with my mentor`.");
        if (GoalChanges.TextProblem(note, "Notes") is { } problem) return SlackAck.Ephemeral(problem);
        var result = changes.AddNote(user, found.Goal.Number, note);
        if (result.Goal is not { } goal) return SlackAck.Ephemeral(result.Problem!);
        var (text, blocks) = GoalMessages.Saved(goal, "Noted on");
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck Edit(string user, string args)
    {
        const string usage = "Which goal, and its new title? `/goal edit 2 Give a talk at the spring meetup`.";
        var (token, title) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral(usage);
        var found = changes.Find(user, token, "edit");
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        if (title.Length == 0) return SlackAck.Ephemeral($"What's the new title? `/goal edit {found.Goal.Number} Give a talk at the spring meetup`.");
        if (GoalChanges.TitleProblem(title) is { } problem) return SlackAck.Ephemeral(problem);
        var result = changes.Edit(user, found.Goal.Number, title);
        if (result.Goal is not { } goal) return SlackAck.Ephemeral(result.Problem!);
        var (text, blocks) = GoalMessages.Saved(goal, "Renamed");
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck Reopen(string user, string args)
    {
        var (token, _) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral("Which goal should I open again? `/goal reopen 2` — a done or dropped goal keeps its number.");
        var found = changes.Find(user, token, "reopen", includeDropped: true);
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        var result = changes.Reopen(user, found.Goal.Number);
        if (result.Goal is not { } goal) return SlackAck.Ephemeral(result.Problem!);
        var (text, blocks) = GoalMessages.Saved(goal, "Reopened");
        return SlackAck.Ephemeral(text, blocks);
    }

    private SlackAck Drop(string user, string args)
    {
        var (token, _) = Next(args);
        if (token.Length == 0) return SlackAck.Ephemeral("Which goal should I drop? `/goal drop 2` — `/goal list` shows the numbers.");
        var found = changes.Find(user, token, "drop");
        if (found.Goal is null) return SlackAck.Ephemeral(found.Problem!);
        var (text, blocks) = GoalMessages.ConfirmDrop(found.Goal);
        return SlackAck.Ephemeral(text, blocks);
    }

    private static SlackAck Help(string? lead) =>
        SlackAck.Ephemeral(lead ?? "/goal help: /goal add <title>, /goal list, /goal done <n>, /goal progress <n> <percent>", GoalMessages.Help(lead));

    private static SlackAck Unknown(string verb, string text)
    {
        var lead = $"I don't know `/goal {Mrkdwn.Escape(Mrkdwn.Truncate(verb, 30))}`.";
        if (int.TryParse(verb.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            lead += $" To see that goal, type `/goal show {number}`.";
        else if (Mentions.User(verb) is not null || Mentions.IsUnresolvedAt(verb))
            lead += " To see the goals a mentee shares with you, type `/goal list @person`.";
        else // "/goal Learn Rust" is most likely a goal typed without "add".
            lead += $" To save it as a goal, type `/goal add {Mrkdwn.Escape(Mrkdwn.Truncate(text.Trim(), 60))}`.";
        return Help(lead);
    }

    /// <summary>First word and the rest as typed (outer whitespace trimmed, inner kept).</summary>
    public static (string First, string Remainder) Next(string? text)
    {
        var trimmed = (text ?? "").Trim();
        var space = trimmed.IndexOfAny([' ', '\t', '\n', '\r']);
        return space < 0 ? (trimmed, "") : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
