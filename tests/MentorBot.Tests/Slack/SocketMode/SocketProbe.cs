using System.Collections.Concurrent;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Tests.Slack.SocketMode;

/// <summary>
/// Test-only routes added to the real route table (/probe, app_mention, probe.view, probe.click), so a test can count how often an
/// envelope really had an effect. Everything in between (transport, router, delivery log, follow-ups) is the app's.
/// </summary>
public sealed class SocketProbe : ISlashCommandHandler, ISlackEventHandler, IViewSubmissionHandler, IBlockActionHandler
{
    private readonly ConcurrentQueue<string> _effects = new();

    /// <summary>Event handlers wait on this gate when a test closes it (to prove the ack does not wait for them).</summary>
    public TaskCompletionSource Gate { get; set; } = CompletedGate();

    public IReadOnlyList<string> Effects => [.. _effects];

    public int Count(string effect) => Effects.Count(e => e == effect);

    public Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct)
    {
        _effects.Enqueue("command:" + command.Text);
        return Task.FromResult(SlackAck.Ephemeral("probed " + command.Text));
    }

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        _effects.Enqueue("view:" + submission.View.CallbackId);
        return Task.FromResult(SlackAck.ViewErrors(new Dictionary<string, string> { ["title"] = "Please give it a title." }));
    }

    public Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        _effects.Enqueue("action:" + actions.Action.ActionId);
        return Task.FromResult(SlackAck.Ephemeral("Slack takes no answer to a click"));
    }

    public async Task HandleAsync(EventCallback callback, CancellationToken ct)
    {
        await Gate.Task.WaitAsync(ct);
        _effects.Enqueue("event:" + callback.EventId);
    }

    public Task WaitForAsync(string effect, int count = 1) =>
        FakeSocketMode.Until(() => Count(effect) >= count, TimeSpan.FromSeconds(5), effect);

    /// <summary>Registers the probe on the app's own route table.</summary>
    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<SocketProbe>();
        var table = (SlackRouteTable)services.Last(d => d.ServiceType == typeof(SlackRouteTable)).ImplementationInstance!;
        table.Command<SocketProbe>("/probe").Event<SocketProbe>("app_mention").View<SocketProbe>("probe.view").Action<SocketProbe>("probe.click");
    }

    private static TaskCompletionSource CompletedGate()
    {
        var gate = new TaskCompletionSource();
        gate.SetResult();
        return gate;
    }
}
