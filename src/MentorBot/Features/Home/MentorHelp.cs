using System.Text;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>The help every user can reach with /mentor help (and the pointer to it for anything unknown).</summary>
public static class MentorHelp
{
    private static readonly (string Usage, string Summary)[] Everyday =
    [
        ("/goal add Learn to give a conference talk", "save a goal (`/goal` alone opens a form; `/goal help` for more)"),
        ("/goal list", "see your goals and their progress"),
        ("/askfeedback @alex How did my demo land?", "ask up to 5 people for honest feedback (`/askfeedback` alone opens a form)"),
    ];

    public static SlackAck Full(MentorSubcommands subcommands)
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
        if (admin.Length > 0) blocks.Add(Blocks.Section("*For programme admins*\n" + admin));
        blocks.Add(Blocks.Context("Only you can see this message."));

        var text = "MentorBot help: /goal add <title>, /goal list, /askfeedback @person <topic>, /mentor help";
        return SlackAck.Ephemeral(text, new System.Text.Json.Nodes.JsonArray(blocks.Select(b => (System.Text.Json.Nodes.JsonNode)b).ToArray()));
    }

    public static SlackAck Unknown(string command, string verb) =>
        SlackAck.Ephemeral($"I don't know `{command} {Mrkdwn.Escape(Mrkdwn.Truncate(verb, 40))}`. Type `/mentor help` to see everything I can do.");
}
