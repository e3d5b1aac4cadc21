using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Pairs;

/// <summary>The DMs and ephemeral messages of the pairs feature (Block Kit, always with fallback text).</summary>
public static class PairMessages
{
    public static (string Text, JsonArray Blocks) Invitation(Invitation invitation)
    {
        var from = PairText.Who(invitation.FromId);
        var ask = invitation.Type switch
        {
            PairType.Peer => $"{from} would like to be peer mentors with you: you'd guide each other.",
            PairType.Reverse => $"{from} would like you to be their reverse mentor: you'd share your perspective and skills with a more senior colleague.",
            _ => $"{from} would like you to be their mentor.",
        };
        var blocks = new List<JsonObject> { Blocks.Section($"*A mentoring invitation*\n{ask}") };
        if (invitation.Note is { Length: > 0 } note)
            blocks.Add(Blocks.Section($"_Their note:_\n>{Mrkdwn.Escape(Mrkdwn.Truncate(note, 1500)).Replace("\n", "\n>")}"));
        blocks.Add(Blocks.Actions("pair.invitation",
            Blocks.Button("Accept", PairActions.Accept, invitation.Id.ToString(), "primary"),
            Blocks.Button("Decline", PairActions.Decline, invitation.Id.ToString())));
        blocks.Add(Blocks.Context($"No pressure: declining is fine and I'll tell {from} kindly. This invitation expires {Mrkdwn.Date(invitation.ExpiresAt, "{date_long_pretty}")}."));
        return ($"{Plain(invitation.FromId)} invited you to {PairText.TypeName(invitation.Type)}", Array(blocks));
    }

    /// <summary>What the invitation message becomes once answered or expired (no buttons left to press).</summary>
    public static (string Text, JsonArray Blocks) InvitationClosed(string text) => (text, Array([Blocks.Section(text)]));

    public static (string Text, JsonArray Blocks) Kickoff(Pair pair, string viewerId, DateTimeOffset? firstCheckIn, string? introduction = null)
    {
        var other = PairText.Who(pair.OtherThan(viewerId));
        var first = firstCheckIn is { } at ? $"Until you both agree, the programme default applies: your first check-in is {Mrkdwn.Date(at)}." : "";
        var blocks = new List<JsonObject>
        {
            Blocks.Header("Meet your mentoring partner"),
            Blocks.Section($"You're now in a *{PairText.TypeName(pair.Type)}* pair with {other}: {PairText.Role(pair, viewerId)}." +
                (introduction is { Length: > 0 } why ? $"\n_Why you two:_ {Mrkdwn.Escape(Mrkdwn.Truncate(why, 500))}" : "")),
            Blocks.Section($"A good start is agreeing on what you both want, how you'll talk and how often. Press *Set expectations*; when you've both answered I'll show you both answers side by side and set your check-in cadence. {first}",
                Blocks.Button("Set expectations", PairActions.KickoffOpen, pair.Id.ToString(), "primary")),
            Blocks.Context("Manage this pair any time: `/mentor pairs`, `/mentor cadence`, `/mentor pause`, `/mentor end`."),
        };
        return ($"You're now paired with {Plain(pair.OtherThan(viewerId))} ({PairText.TypeName(pair.Type)})", Array(blocks));
    }

    public static (string Text, JsonArray Blocks) SideBySide(Pair pair, KickoffAnswer mentor, KickoffAnswer mentee, Cadence agreed, bool disagreed, DateTimeOffset? next,
        TimeZoneInfo? meetingZone = null)
    {
        string Col(KickoffAnswer a, string value) => $"*{PairText.Who(a.UserId)}*\n{value}";
        var blocks = new List<JsonObject>
        {
            Blocks.Header("Your expectations, side by side"),
            Blocks.Section("*What I want from this relationship*"),
            Blocks.Fields(Col(mentor, Mrkdwn.Escape(Mrkdwn.Truncate(mentor.Want ?? "—", 1500))), Col(mentee, Mrkdwn.Escape(Mrkdwn.Truncate(mentee.Want ?? "—", 1500)))),
            Blocks.Section("*How we talk, and for how long*"),
            Blocks.Fields(Col(mentor, $"{Ways(mentor)}, {mentor.SessionMinutes} min"), Col(mentee, $"{Ways(mentee)}, {mentee.SessionMinutes} min")),
            Blocks.Section("*How often*"),
            Blocks.Fields(Col(mentor, mentor.Cadence.Describe() + ZoneOf(mentor)), Col(mentee, mentee.Cadence.Describe() + ZoneOf(mentee))),
        };
        var where = meetingZone is null ? "" : $" ({MeetingFit.Short(meetingZone)} time)";
        var chosen = disagreed
            ? $"You chose different rhythms, so {PairText.Who(mentee.UserId)}'s choice stands: *{agreed.Describe()}{where}*. Either of you can change it with `/mentor cadence`."
            : $"You agree: *{agreed.Describe()}{where}*.";
        if (next is { } at) chosen += $" Next check-in: {Mrkdwn.Date(at)}.";
        blocks.Add(Blocks.Section(chosen));
        return ($"Your expectations with {Plain(mentor.UserId)} and {Plain(mentee.UserId)} are set: {agreed.Describe()}", Array(blocks));
    }

    private static string ZoneOf(KickoffAnswer a) => a.ZoneId is { } id && People.UserDirectory.TryNamedZone(id, out var zone) ? $" ({MeetingFit.Short(zone)} time)" : "";

    public static (string Text, JsonArray Blocks) EndConfirm(Pair pair, string viewerId)
    {
        var other = PairText.Who(pair.OtherThan(viewerId));
        var blocks = new List<JsonObject>
        {
            Blocks.Section($"End your {PairText.TypeName(pair.Type)} pair with {other}? Check-ins stop, I'll tell {other} respectfully, and you both keep your history."),
            Blocks.Actions("pair.end",
                Blocks.Button("End the pair…", PairActions.EndOpen, pair.Id.ToString(), "danger"),
                Blocks.Button("Keep it", PairActions.EndKeep, pair.Id.ToString())),
        };
        return ($"End your pair with {Plain(pair.OtherThan(viewerId))}?", Array(blocks));
    }

    public static string Ways(KickoffAnswer a) => a.Ways.Count == 0 ? "any way" : string.Join(", ", a.Ways.Select(WayName));

    public static string WayName(string value) => value switch
    {
        "dm" => "Slack DM",
        "huddle" => "Slack huddle",
        "video" => "video call",
        "in_person" => "in person",
        _ => value,
    };

    /// <summary>A user id for notification text (no mrkdwn there, so a readable mention instead).</summary>
    public static string Plain(string userId) => userId == PairText.ForgottenId ? "a former member" : $"<@{userId}>";

    public static JsonArray Array(IEnumerable<JsonObject> blocks) => new(blocks.Select(b => (JsonNode)b).ToArray());
}
