using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>
/// An admin pairs a waiting mentee in one step: pick a signed-up mentor (those at capacity are marked). The pair then
/// starts through the pairs feature's kickoff (<see cref="PairStarter"/>).
/// </summary>
public sealed class PairingModal(
    Admins admins, SignUpStore signUps, UserDirectory people, SlackApiClient slack, SlackReplies replies, AppHome home, PairStarter starter,
    TimeProvider time, ILogger<PairingModal> logger) : IBlockActionHandler, IViewSubmissionHandler
{
    public const string OpenAction = "admin.pair.open";
    public const string CallbackId = "admin.pair";

    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        var adminId = actions.User.Id;
        if (!await admins.IsAdminAsync(adminId, ct)) return Tell(actions, Admins.Refusal);
        var menteeId = actions.Action.Value ?? "";
        if (signUps.Get(menteeId, SignUpRole.Mentee) is not { Status: SignUpStatus.Waiting } mentee)
            return Tell(actions, "That sign-up isn't waiting any more (someone may have paired them already). Run `/mentor signups` for the current list.");
        return await replies.OpenModalAsync(ReplyTarget.Of(actions), actions.TriggerId, Build(mentee, signUps.Mentors(), Name),
            "I couldn't open the pairing form just now. Please press Pair… again in a moment.");
    }

    private string Name(string userId) => people.Cached(userId)?.DisplayName is { Length: > 0 } name ? name : userId;

    public static JsonObject Build(SignUp mentee, IReadOnlyList<MentorAvailability> mentors, Func<string, string> name)
    {
        var blocks = new List<JsonObject>
        {
            Blocks.Section($"*Mentee:* {Mrkdwn.User(mentee.UserId)}\n*Wants to learn:* {Mrkdwn.Escape(Mrkdwn.Truncate(mentee.Topics, 1000))}"),
        };
        if (mentors.Count == 0)
        {
            blocks.Add(Blocks.Section("No mentors have signed up yet. Run `/mentor announce` to invite some, then try again."));
            return Views.Modal(CallbackId, "Pair a mentee", new JsonArray(blocks.ToArray<JsonNode>()), submit: null, close: "Close");
        }
        var options = mentors.Select(m => Blocks.Option(
            $"{(m.IsFull ? "(full) " : "")}{name(m.SignUp.UserId)} · {m.Load}",
            m.SignUp.UserId,
            Mrkdwn.Truncate(m.SignUp.Topics, 70)));
        blocks.Add(Blocks.Input("mentor", "Mentor", Blocks.StaticSelect("value", options, placeholder: "Choose a mentor"),
            hint: "Mentors marked (full) already have as many mentees as they offered to take."));
        blocks.AddRange(mentors.Take(10).Select(m => Blocks.Context(
            $"{Mrkdwn.User(m.SignUp.UserId)} {(m.IsFull ? "is full" : "has room")} ({m.Load}) · can teach: {Mrkdwn.Escape(Mrkdwn.Truncate(m.SignUp.Topics, 300))}")));
        return Views.Modal(CallbackId, "Pair a mentee", new JsonArray(blocks.ToArray<JsonNode>()), submit: "Pair them", privateMetadata: mentee.UserId);
    }

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var adminId = submission.User.Id;
        if (!await admins.IsAdminAsync(adminId, ct)) return SlackAck.ViewError("mentor", Admins.Refusal);
        var menteeId = submission.View.PrivateMetadata ?? "";
        var mentorId = submission.View.State["mentor"]?.SelectedOption?.Value;
        if (mentorId is null) return SlackAck.ViewError("mentor", "Choose a mentor.");
        if (signUps.Get(menteeId, SignUpRole.Mentee) is not { Status: SignUpStatus.Waiting })
            return SlackAck.ViewError("mentor", "This mentee isn't waiting any more; close this and run `/mentor signups`.");
        if (signUps.Mentors().FirstOrDefault(m => m.SignUp.UserId == mentorId) is not { } mentor)
            return SlackAck.ViewError("mentor", "That mentor's sign-up is gone; choose another.");
        if (mentor.IsFull)
            return SlackAck.ViewError("mentor", $"{Name(mentorId)} is full ({mentor.Load}); choose another mentor.");
        if (mentorId == menteeId)
            return SlackAck.ViewError("mentor", "Someone can't mentor themselves; choose another mentor.");

        return SlackAck.ViewUpdate(Result($"Pairing {Mrkdwn.User(mentorId)} with {Mrkdwn.User(menteeId)}… I'll message you when the kickoff is sent."))
            .Then(async c =>
            {
                var result = await starter.StartAsync(mentorId, menteeId, PairType.Mentoring, adminId, c);
                if (result.Outcome is PairStartOutcome.Started or PairStartOutcome.AlreadyPaired) signUps.MarkPaired(menteeId, time.GetUtcNow());
                logger.LogInformation("Admin {AdminId} paired {MentorId} with {MenteeId}: {Outcome}", adminId, mentorId, menteeId, result.Outcome);
                var text = result.Outcome == PairStartOutcome.Started
                    ? $"✅ Paired {Mrkdwn.User(mentorId)} (mentor) with {Mrkdwn.User(menteeId)} (mentee). The kickoff is on its way to both."
                    : $"I couldn't pair {Mrkdwn.User(mentorId)} with {Mrkdwn.User(menteeId)}: {Mrkdwn.Escape(result.Message)}";
                await slack.SendDmAsync(adminId, text, null, c);
                foreach (var user in new[] { adminId, mentorId, menteeId }.Distinct()) await home.RefreshAsync(user, c);
            });
    }

    private static JsonObject Result(string text) =>
        Views.Modal(CallbackId, "Pair a mentee", new JsonArray(Blocks.Section(text)), submit: null, close: "Done");

    private SlackAck Tell(BlockActions actions, string text) => replies.Tell(ReplyTarget.Of(actions), text);
}
