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
            Blocks.Section($"A good start is agreeing on what you both want, how you'll talk and how often. Press *Set expectations*: the first answer proposes a time, the other person keeps it or proposes another, and I show you both answers side by side. {first}",
                Blocks.Button("Set expectations", PairActions.KickoffOpen, pair.Id.ToString(), "primary")),
            Blocks.Context("Manage this pair any time: `/mentor pairs`, `/mentor cadence`, `/mentor pause`, `/mentor end`."),
        };
        return ($"You're now paired with {Plain(pair.OtherThan(viewerId))} ({PairText.TypeName(pair.Type)})", Array(blocks));
    }

    /// <summary>
    /// Both answers side by side, to each of the two: the agreed meeting, or the proposal waiting for one tap (the
    /// copy of the person who must confirm carries the Accept button).
    /// </summary>
    public static (string Text, JsonArray Blocks) SideBySide(Pair pair, string viewerId, KickoffAnswer mentor, KickoffAnswer mentee, KickoffAgreement agreement,
        DateTimeOffset? next, Func<MeetingTerms, string> said)
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
        string text;
        if (agreement.Agreed is { } agreed)
        {
            var line = $"You agree: *{said(agreed)}*." + (next is { } at ? $" Next check-in: {Mrkdwn.Date(at)}." : "");
            blocks.Add(Blocks.Section(line));
            text = $"You and {Plain(pair.OtherThan(viewerId))} agree: {agreed.Cadence.Describe()}";
        }
        else if (agreement is { Proposal: { } proposal, ProposedBy: { } by })
        {
            var proposed = said(proposal);
            if (by == viewerId)
                blocks.Add(Blocks.Section($"You proposed *{proposed}*. {PairText.Who(pair.OtherThan(viewerId))} confirms it with one tap; until then the programme default applies."));
            else
                blocks.Add(Blocks.Section($"{PairText.Who(by)} proposes *{proposed}*. Accept it with one tap, or press *Edit agreement* in your kickoff message to propose another time.",
                    Blocks.Button("Accept", KickoffAgreements.Accept, AcceptValue(pair, agreement.Version), "primary")));
            text = by == viewerId ? $"You proposed {proposal.Cadence.Describe()} to {Plain(pair.OtherThan(viewerId))}"
                : $"{Plain(by)} proposes {proposal.Cadence.Describe()}: accept with one tap";
        }
        else
        {
            text = "Your expectations, side by side";
        }
        return (text, Array(blocks));
    }

    /// <summary>"Edit agreement" proposed a change: the other person sees before and after, and accepts with one tap.</summary>
    public static (string Text, JsonArray Blocks) ChangeProposed(Pair pair, string recipient, string proposal, string current, int version)
    {
        var by = pair.OtherThan(recipient);
        var blocks = new List<JsonObject>
        {
            Blocks.Section($":calendar: {PairText.Who(by)} proposes a new meeting time: *{proposal}* (now: {current}).",
                Blocks.Button("Accept", KickoffAgreements.Accept, AcceptValue(pair, version), "primary")),
            Blocks.Context("Nothing changes until you accept. To suggest something else, press Edit agreement in your kickoff message."),
        };
        return ($"{Plain(by)} proposes a new meeting time", Array(blocks));
    }

    private static string AcceptValue(Pair pair, int version) => $"{pair.Id}:{version}";

    /// <summary>The kickoff DM once both answered: its button is "Edit agreement".</summary>
    public static (string Text, JsonArray Blocks) KickoffAgreed(Pair pair, string viewerId) =>
        ($"Your kickoff with {Plain(pair.OtherThan(viewerId))}", Array(
        [
            Blocks.Header("Meet your mentoring partner"),
            Blocks.Section($"You and {PairText.Who(pair.OtherThan(viewerId))} have both set expectations. To change when or how long you meet, propose it here; it changes once you both agree.",
                Blocks.Button("Edit agreement", PairActions.KickoffOpen, pair.Id.ToString())),
        ]));

    /// <summary>The one reminder to someone who has not set expectations two working days after the kickoff.</summary>
    public static (string Text, JsonArray Blocks) KickoffReminder(Pair pair, string viewerId, KickoffAgreement agreement)
    {
        var other = PairText.Who(pair.OtherThan(viewerId));
        var waiting = agreement.ProposedBy == pair.OtherThan(viewerId) ? $" {other} has answered and is waiting for you." : "";
        return ($"A reminder: set expectations with {Plain(pair.OtherThan(viewerId))}", Array(
        [
            Blocks.Section($":wave: A friendly reminder: agree with {other} on what you both want and when you meet.{waiting} It takes two minutes.",
                Blocks.Button("Set expectations", PairActions.KickoffOpen, pair.Id.ToString(), "primary")),
            Blocks.Context("This is the only reminder."),
        ]));
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
