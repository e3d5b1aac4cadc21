using System.Text.Json.Nodes;
using System.Text.Json;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;
using MentorBot.Slack;

namespace MentorBot.Features.Admin;

/// <summary>/mentor channel #channel: where the programme lives. The bot must be a member to post and to see newcomers.</summary>
public sealed class ChannelCommand(ProgrammeSettingsStore settings, SlackApiClient slack, SlackReplies replies, ILogger<ChannelCommand> logger) : IMentorSubcommand
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var channelId = args.Words.Select(Mentions.Channel).FirstOrDefault(c => c is not null);
        if (channelId is null)
        {
            var current = settings.Get().ChannelId;
            return Task.FromResult(SlackAck.Ephemeral(
                (current is null ? "No programme channel yet. " : $"The programme lives in {Mrkdwn.Channel(current)}. ") +
                "To pick one, type `/mentor channel #channel-name` (choose the channel from Slack's suggestions)."));
        }
        return Task.FromResult(SlackAck.Ephemeral($"Checking that I can post in {Mrkdwn.Channel(channelId)}…").Then(async c =>
        {
            string answer;
            try
            {
                var channel = await slack.GetConversationAsync(channelId, c);
                if (channel.IsArchived) answer = $"{Mrkdwn.Channel(channelId)} is archived. Pick a channel people still use.";
                else if (!channel.IsMember) answer = NotIn(channelId);
                else
                {
                    settings.Save(settings.Get() with { ChannelId = channelId });
                    logger.LogInformation("Admin {UserId} set the programme channel to {ChannelId}", command.UserId, channelId);
                    answer = $"✅ The programme now lives in {Mrkdwn.Channel(channelId)}. Newcomers there get one welcome message; " +
                             "run `/mentor announce` to post the sign-up message.";
                }
            }
            catch (SlackApiException ex) when (ex.Error is "channel_not_found" or "not_in_channel" or "missing_scope")
            {
                answer = NotIn(channelId);
            }
            await replies.TellAsync(ReplyTarget.Of(command), answer, c);
        }));
    }

    public static string NotIn(string channelId) =>
        $"I'm not in {Mrkdwn.Channel(channelId)}, so I can't post there. Type `/invite @MentorBot` in that channel first, then run `/mentor channel` again.";
}

/// <summary>/mentor announce: posts the sign-up message with Join buttons in the programme channel.</summary>
public sealed class AnnounceCommand(ProgrammeSettingsStore settings, SlackApiClient slack, SlackReplies replies) : IMentorSubcommand
{
    public const string NoChannel = "Pick the programme channel first: `/mentor channel #channel-name`.";

    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var s = settings.Get();
        if (s.ChannelId is not { } channelId) return Task.FromResult(SlackAck.Ephemeral(NoChannel));
        return Task.FromResult(SlackAck.Ephemeral($"Posting the sign-up message in {Mrkdwn.Channel(channelId)}…").Then(async c =>
        {
            string answer;
            try
            {
                var (text, blocks) = SignUpMessages.Announcement(s);
                await slack.PostMessageAsync(channelId, text, blocks, c);
                answer = $"✅ Posted the sign-up message in {Mrkdwn.Channel(channelId)}. Waiting sign-ups appear in `/mentor signups` and your App Home.";
            }
            catch (SlackApiException ex) when (ex.Error is "not_in_channel" or "channel_not_found" or "is_archived")
            {
                answer = ChannelCommand.NotIn(channelId);
            }
            await replies.TellAsync(ReplyTarget.Of(command), answer, c);
        }));
    }
}

/// <summary>/mentor signups: waiting mentees with a Pair button each, and the mentors' room.</summary>
public sealed class SignUpsCommand(SignUpStore signUps) : IMentorSubcommand
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var blocks = SignUpBlocks(signUps, max: 30); // well inside 50 blocks and the ~12k characters a message can carry
        return Task.FromResult(SlackAck.Ephemeral(
            $"Waiting mentees: {signUps.WaitingMentees().Count}. Mentors with room: {signUps.Mentors().Count(m => !m.IsFull)}.",
            new JsonArray(blocks.ToArray<JsonNode>())));
    }

    /// <summary>Waiting mentees (with Pair buttons) and mentors' capacity; shared with the admin App Home section.</summary>
    public static List<JsonObject> SignUpBlocks(SignUpStore signUps, int max)
    {
        var mentees = signUps.WaitingMentees();
        var mentors = signUps.Mentors();
        var blocks = new List<JsonObject> { Blocks.Section($"*Waiting sign-ups* · {mentees.Count} {(mentees.Count == 1 ? "mentee" : "mentees")}") };
        if (mentees.Count == 0) blocks.Add(Blocks.Context("Nobody is waiting to be paired."));
        var room = max - 4;
        foreach (var m in mentees.Take(room))
            blocks.Add(Blocks.Section($"{Mrkdwn.User(m.UserId)} wants to learn: {Mrkdwn.Escape(Mrkdwn.Truncate(m.Topics, 150))}",
                Blocks.Button("Pair…", PairingModal.OpenAction, m.UserId, "primary"), blockId: "admin.signup." + m.UserId));
        if (mentees.Count > room) blocks.Add(Blocks.Context($"…and {mentees.Count - room} more; pair these first."));
        var mentorLine = mentors.Count == 0 ? "No mentors signed up yet — `/mentor announce` invites them."
            : string.Join(" · ", mentors.Take(20).Select(m => $"{Mrkdwn.User(m.SignUp.UserId)} {m.Load}{(m.IsFull ? " (full)" : "")}"));
        blocks.Add(Blocks.Context("*Mentors:* " + mentorLine));
        return blocks;
    }
}

/// <summary>/mentor stats: every feature's aggregate figures, non-zero ones grouped; <c>/mentor stats all</c> adds the zeros. Never content.</summary>
public sealed class StatsCommand(ProgrammeFiguresReport report, TimeProvider time) : IMentorSubcommand
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var all = args.Rest.Trim().Equals("all", StringComparison.OrdinalIgnoreCase);
        var figures = report.Collect(time.GetUtcNow());
        var blocks = new List<JsonObject> { Blocks.Header("Programme figures") };
        blocks.AddRange(FiguresView.Render(figures, withZeros: all));
        var zeros = figures.Count(f => f.Amount == 0);
        blocks.Add(Blocks.Context("Aggregates only: nobody's goals, notes or feedback are ever shown here."
            + (all || zeros == 0 ? "" : $" {zeros} figures at zero are left out: `/mentor stats all` shows them.")));
        var text = FiguresView.AsText(figures, all) is { Length: > 0 } line ? "Programme figures: " + line : "Programme figures: nothing to count yet.";
        return Task.FromResult(SlackAck.Ephemeral(text, new JsonArray(blocks.ToArray<JsonNode>())));
    }
}

/// <summary>/mentor admins: who runs the programme (configured admins, plus workspace admins and owners).</summary>
public sealed class AdminsCommand(Admins admins, SlackApiClient slack, SlackReplies replies) : IMentorSubcommand
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct) =>
        Task.FromResult(SlackAck.Ephemeral("Looking up the programme admins…").Then(async c =>
        {
            var ids = new List<string>(admins.ConfiguredAdmins);
            var partial = false;
            try
            {
                ids.AddRange(await WorkspaceAdminsAsync(c));
            }
            catch (SlackApiException)
            {
                // Slack's member list is out of reach: the configured admins are still worth showing.
                partial = true;
            }

            var list = ids.Distinct().ToList();
            var text = list.Count == 0
                ? "No programme admins are set up yet. A workspace admin or owner can run the programme, or add ids to Slack:AdminUserIds."
                : "*Programme admins:* " + string.Join(", ", list.Select(Mrkdwn.User));
            if (partial) text += "\n_I couldn't read Slack's member list just now, so workspace admins may be missing._";
            await replies.TellAsync(ReplyTarget.Of(command), text, c);
        }));

    private async Task<List<string>> WorkspaceAdminsAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var form = new Dictionary<string, string> { ["limit"] = "200" };
            if (cursor is not null) form["cursor"] = cursor;
            var page = await slack.CallFormAsync("users.list", form, ct);
            if (page.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array)
                foreach (var user in members.EnumerateArray().Select(m => SlackJson.Deserialize<SlackUser>(m)))
                    if ((user.IsAdmin || user.IsOwner || user.IsPrimaryOwner) && !user.Deleted && !user.IsBot) ids.Add(user.Id);
            cursor = page.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("next_cursor", out var next)
                ? next.GetString() : null;
        } while (!string.IsNullOrEmpty(cursor));
        return ids;
    }
}
