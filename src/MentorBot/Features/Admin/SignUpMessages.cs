using System.Text.Json.Nodes;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>The sign-up invitation (announced in the programme channel, and sent once to each newcomer there).</summary>
public static class SignUpMessages
{
    public static JsonObject JoinButtons(string blockId) => Blocks.Actions(blockId,
        Blocks.Button("Join as mentee", SignUpModal.JoinMentee, "mentee", "primary"),
        Blocks.Button("Join as mentor", SignUpModal.JoinMentor, "mentor"));

    public static (string Text, JsonArray Blocks) Announcement(ProgrammeSettings settings)
    {
        var text = $"{Mrkdwn.Escape(settings.ProgrammeName)} is open: join as a mentee or a mentor.";
        return (text, new JsonArray(
            Blocks.Header(settings.ProgrammeName),
            Blocks.Section("Want to grow with a mentor, or help someone else grow? MentorBot pairs you up, keeps your goals in one place " +
                           "and nudges you both to meet regularly."),
            JoinButtons("admin.announce.join"),
            Blocks.Context("An admin pairs people by topic. Only you and your pair ever see your goals and notes.")));
    }

    public static (string Text, JsonArray Blocks) Welcome(ProgrammeSettings settings, string channelId)
    {
        var text = $"Welcome to {Mrkdwn.Escape(settings.ProgrammeName)}! Join as a mentee or a mentor whenever you like.";
        return (text, new JsonArray(
            Blocks.Section($"👋 Welcome to *{Mrkdwn.Escape(settings.ProgrammeName)}* — you just joined {Mrkdwn.Channel(channelId)}.\n" +
                           "If you'd like a mentor, or would like to mentor someone, sign up here. An admin will pair you."),
            JoinButtons("admin.welcome.join"),
            Blocks.Context("This is the only message you'll get unless you sign up.")));
    }
}
