using System.Text;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>
/// /mentor help: short by default (what anyone can do now, a few lines), the rest one step away (/mentor help all;
/// /mentor help admin for programme admins). Admin verbs are never shown to anyone else.
/// </summary>
public static class MentorHelp
{
    /// <summary>The verbs the short help names, in this order; everything else is in /mentor help all.</summary>
    private static readonly string[] FirstSteps = ["ask", "pairs"];

    private static readonly (string Usage, string Summary)[] Everyday =
    [
        ("/goal add Learn to give a conference talk", "save a goal (`/goal` alone opens a form; `/goal help` for more)"),
        ("/goal list", "see your goals and their progress"),
        ("/askfeedback @alex How did my demo land?", "ask up to 5 people for honest feedback (`/askfeedback` alone opens a form)"),
    ];

    /// <summary>A few lines: goals, feedback, finding a mentor, your pairs, and where the rest is.</summary>
    public static SlackAck Short(MentorSubcommands subcommands, bool isAdmin)
    {
        var lines = new StringBuilder();
        foreach (var (usage, summary) in Everyday) lines.Append($"• `{usage}` — {summary}\n");
        foreach (var s in FirstSteps.Select(subcommands.Find).OfType<MentorSubcommand>()) lines.Append($"• `{s.Usage}` — {s.Summary}\n");
        var more = isAdmin ? "`/mentor help all` lists everything; `/mentor help admin` the programme commands." : "`/mentor help all` lists everything else.";
        var blocks = new System.Text.Json.Nodes.JsonArray(
            Blocks.Header("MentorBot help"),
            Blocks.Section(lines.ToString()),
            Blocks.Context(more + " Only you can see this."));
        return SlackAck.Ephemeral("MentorBot help: /goal add <title>, /goal list, /askfeedback @person <topic>, /mentor ask @person. /mentor help all for more.", blocks);
    }

    /// <summary>The programme's commands, for admins.</summary>
    public static SlackAck Admin(MentorSubcommands subcommands)
    {
        var admin = new StringBuilder();
        foreach (var s in subcommands.All.Where(s => s.AdminOnly)) admin.Append($"• `{s.Usage}` — {s.Summary}\n");
        return SlackAck.Ephemeral("MentorBot help for programme admins",
            new System.Text.Json.Nodes.JsonArray(Blocks.Section("*For programme admins*\n" + admin), Blocks.Context("Only you can see this.")));
    }

    /// <summary>Everything this person may use; the admin section only for admins.</summary>
    public static SlackAck Full(MentorSubcommands subcommands, bool isAdmin)
    {
        var everyday = new StringBuilder();
        foreach (var (usage, summary) in Everyday) everyday.Append($"• `{usage}` — {summary}\n");

        var mentor = new StringBuilder();
        foreach (var s in subcommands.All.Where(s => !s.AdminOnly)) mentor.Append($"• `{s.Usage}` — {s.Summary}\n");
        mentor.Append("• `/mentor help` — this list\n");

        var admin = new StringBuilder();
        foreach (var s in subcommands.All.Where(s => s.AdminOnly)) admin.Append($"• `{s.Usage}` — {s.Summary}\n");

        var blocks = new List<System.Text.Json.Nodes.JsonObject>
        {
            Blocks.Header("MentorBot help"),
            Blocks.Section("MentorBot keeps your mentoring going: goals, regular check-ins and honest feedback, right here in Slack."),
            Blocks.Section("*Goals and feedback*\n" + everyday),
            Blocks.Section("*Mentoring*\n" + mentor),
        };
        if (isAdmin && admin.Length > 0) blocks.Add(Blocks.Section("*For programme admins*\n" + admin));
        blocks.Add(Blocks.Context("Only you can see this message."));

        var text = "MentorBot help: /goal add <title>, /goal list, /askfeedback @person <topic>, /mentor help";
        return SlackAck.Ephemeral(text, new System.Text.Json.Nodes.JsonArray(blocks.Select(b => (System.Text.Json.Nodes.JsonNode)b).ToArray()));
    }

    public static SlackAck Unknown(string command, string verb) =>
        SlackAck.Ephemeral($"I don't know `{command} {Mrkdwn.Escape(Mrkdwn.Truncate(verb, 40))}`. Type `/mentor help` to see everything I can do.");
}
