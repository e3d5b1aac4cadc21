using MentorBot.Programme;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>
/// /mentor: help, and the verbs listed in SlackRoutes.Mentor. The one place the admin-only rule of a verb is checked:
/// verbs registered with <see cref="MentorSubcommands.Admin{T}"/> never run for anyone else.
/// </summary>
public sealed class MentorCommand(MentorSubcommands subcommands, Admins admins, SlackReplies replies, IServiceProvider services) : ISlashCommandHandler
{
    public const string CheckingAdmin = "One moment: I'm checking with Slack that you run the programme…";

    public async Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        var text = CommandText.Parse(command.Text);
        if (text.Verb is "" or "help" or "?")
        {
            // From what MentorBot knows (the ack never waits on Slack): someone not yet known as an admin sees no admin verbs.
            var isAdmin = admins.IsAdminFromCache(command.UserId) == true;
            return text.Rest.Trim().ToLowerInvariant() switch
            {
                "all" => MentorHelp.Full(subcommands, isAdmin),
                "admin" => await AdminsOnlyAsync(command, "help admin", _ => Task.FromResult(MentorHelp.Admin(subcommands)), ct),
                _ => MentorHelp.Short(subcommands, isAdmin),
            };
        }
        if (subcommands.Find(text.Verb) is not { } sub)
            return MentorHelp.Unknown(command.Command, text.Verb);
        var handler = (IMentorSubcommand)services.GetRequiredService(sub.Handler);
        return sub.AdminOnly
            ? await AdminsOnlyAsync(command, text.Verb, c => handler.HandleAsync(command, text, c), ct)
            : await handler.HandleAsync(command, text, ct);
    }

    /// <summary>Runs <paramref name="answer"/> for programme admins only, deciding from the cache in the ack when it can.</summary>
    private async Task<SlackAck> AdminsOnlyAsync(SlashCommand command, string what, Func<CancellationToken, Task<SlackAck>> answer, CancellationToken ct)
    {
        switch (admins.IsAdminFromCache(command.UserId))
        {
            case true:
                return await answer(ct);
            case false:
                return SlackAck.Ephemeral(Admins.Refusal);
            default:
                // Someone MentorBot has never looked up: the ack never waits on Slack, so ask after it and answer then.
                return SlackAck.Ephemeral(CheckingAdmin).Then(async later =>
                {
                    if (!await admins.IsAdminAsync(command.UserId, later))
                        await replies.TellAsync(ReplyTarget.Of(command), Admins.Refusal, later);
                    else
                        await replies.AnswerLateAsync(command.ResponseUrl, await answer(later), command.Command + " " + what, later);
                });
        }
    }
}
