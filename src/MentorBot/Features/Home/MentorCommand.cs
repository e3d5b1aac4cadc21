using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>/mentor: help, and the verbs listed in SlackRoutes.Mentor.</summary>
public sealed class MentorCommand(MentorSubcommands subcommands, IServiceProvider services) : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        var text = CommandText.Parse(command.Text);
        if (text.Verb is "" or "help" or "?")
            return Task.FromResult(MentorHelp.Full(subcommands));
        if (subcommands.Find(text.Verb) is not { } sub)
            return Task.FromResult(MentorHelp.Unknown(command.Command, text.Verb));
        var handler = (IMentorSubcommand)services.GetRequiredService(sub.Handler);
        return handler.HandleAsync(command, text, ct);
    }
}
