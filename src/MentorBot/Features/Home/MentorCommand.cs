using MentorBot.Programme;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>
/// /mentor: help, and the verbs listed in SlackRoutes.Mentor. The one place the admin-only rule of a verb is checked:
/// verbs registered with <see cref="MentorSubcommands.Admin{T}"/> never run for anyone else.
/// </summary>
public sealed class MentorCommand(MentorSubcommands subcommands, Admins admins, IServiceProvider services) : ISlashCommandHandler
{
    public async Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        var text = CommandText.Parse(command.Text);
        if (text.Verb is "" or "help" or "?")
            return MentorHelp.Full(subcommands);
        if (subcommands.Find(text.Verb) is not { } sub)
            return MentorHelp.Unknown(command.Command, text.Verb);
        if (sub.AdminOnly && !await admins.IsAdminAsync(command.UserId, ct))
            return SlackAck.Ephemeral(Admins.Refusal);
        var handler = (IMentorSubcommand)services.GetRequiredService(sub.Handler);
        return await handler.HandleAsync(command, text, ct);
    }
}
