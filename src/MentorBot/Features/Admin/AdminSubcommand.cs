using MentorBot.Features.Home;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>A /mentor verb only programme admins may run; everyone else gets <see cref="Admins.Refusal"/>.</summary>
public abstract class AdminSubcommand(Admins admins) : IMentorSubcommand
{
    public async Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct) =>
        await admins.IsAdminAsync(command.UserId, ct) ? await HandleAdminAsync(command, args, ct) : SlackAck.Ephemeral(Admins.Refusal);

    protected abstract Task<SlackAck> HandleAdminAsync(SlashCommand command, CommandText args, CancellationToken ct);
}
