using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Home;

/// <summary>A <c>/mentor &lt;verb&gt;</c> handler; <paramref name="args"/> is the text after the verb.</summary>
public interface IMentorSubcommand
{
    Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct);
}

public sealed record MentorSubcommand(string Verb, Type Handler, string Usage, string Summary, bool AdminOnly);

/// <summary>The verbs of /mentor, with the help line each shows.</summary>
public sealed class MentorSubcommands
{
    private readonly List<MentorSubcommand> _all = [];

    public IReadOnlyList<MentorSubcommand> All => _all;

    public MentorSubcommands Add<T>(string verb, string usage, string summary) where T : class, IMentorSubcommand
    {
        _all.Add(new MentorSubcommand(verb, typeof(T), usage, summary, AdminOnly: false));
        return this;
    }

    public MentorSubcommands Admin<T>(string verb, string usage, string summary) where T : class, IMentorSubcommand
    {
        _all.Add(new MentorSubcommand(verb, typeof(T), usage, summary, AdminOnly: true));
        return this;
    }

    public MentorSubcommand? Find(string verb) => _all.FirstOrDefault(s => s.Verb == verb);
}
