using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LiteDB;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;
using MentorBot.Storage;

namespace MentorBot.Tests.Playground;

/// <summary>
/// Test-only Slack handlers that send one of everything the playground must render (registered by the browser tests
/// next to MentorBot's own routes; never part of the product). They record what reached them, so tests can check the
/// playground sent Slack-shaped payloads.
/// </summary>
public static class BlockKitSampler
{
    public const string Command = "/sampler";

    public static void Routes(SlackRouteTable slack)
    {
        slack.Command<SamplerCommand>(Command);
        slack.Action<SamplerActions>("sampler.");
        slack.View<SamplerForm>(SamplerForm.CallbackId);
    }

    public static void Services(IServiceCollection services)
    {
        services.AddSingleton<SamplerRecorder>();
        services.AddSingleton<SamplerJob>();
        services.AddSingleton<IPeriodicJob>(sp => sp.GetRequiredService<SamplerJob>());
    }

    public static JsonArray Gallery(string userId) =>
    [
        Blocks.Header("Block Kit sampler"),
        Blocks.Section($"*Bold* and _italic_ and ~struck~ and `code`, for <@{userId}> with <https://example.com|a link> :tada:",
            Blocks.Button("Open the form", "sampler.open", "form")),
        Blocks.Fields("*Mentor*\nPriya Raman", "*Cadence*\nEvery week"),
        Blocks.Context("Only a sample: nothing is saved until you submit the form."),
        Blocks.Divider(),
        Blocks.Actions("sampler.actions",
            Blocks.Button("Say hello", "sampler.hello", "hi", style: "primary"),
            Blocks.StaticSelect("sampler.pick", [Blocks.Option("Weekly", "weekly"), Blocks.Option("Monthly", "monthly")], placeholder: "How often?")),
    ];
}

public sealed class SamplerRecorder
{
    public ConcurrentQueue<BlockActions> Actions { get; } = new();
    public ConcurrentQueue<ViewSubmission> Submissions { get; } = new();
}

public sealed class SamplerCommand(SlackApiClient slack) : ISlashCommandHandler
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CancellationToken ct) =>
        Task.FromResult(SlackAck.Ephemeral("Block Kit sampler", BlockKitSampler.Gallery(command.UserId))
            .Then(async t => await slack.SendDmAsync(command.UserId, "A DM with a button",
                [Blocks.Section("A direct message from the sampler."), Blocks.Actions("sampler.dm", Blocks.Button("Wave back", "sampler.wave", "wave"))], t)));
}

public sealed class SamplerActions(SlackApiClient slack, SamplerRecorder recorder) : IBlockActionHandler
{
    public async Task<SlackAck> HandleAsync(BlockActions actions, CancellationToken ct)
    {
        recorder.Actions.Enqueue(actions);
        switch (actions.Action.ActionId)
        {
            case "sampler.open":
                await slack.OpenViewAsync(actions.TriggerId!, SamplerForm.View(), ct); // inline: the trigger expires in 3 s
                return SlackAck.Empty;
            case "sampler.wave":
                var url = actions.ResponseUrl!;
                return SlackAck.Empty.Then(t => slack.RespondAsync(url, new JsonObject { ["replace_original"] = true, ["text"] = "You waved back :wave:" }, t));
            default:
                return SlackAck.Empty;
        }
    }
}

public sealed class SamplerForm(SamplerRecorder recorder, MentorDb db, SlackApiClient slack) : IViewSubmissionHandler
{
    public const string CallbackId = "sampler.form";

    public static JsonObject View() => Views.Modal(CallbackId, "Sampler form",
    [
        Blocks.Input("title", "Title", Blocks.TextInput("value", placeholder: "What is it?")),
        Blocks.Input("notes", "Notes", Blocks.TextInput("value", multiline: true), optional: true, hint: "Only you and your mentor see notes."),
        Blocks.Input("date", "Date", Blocks.DatePicker("value")),
        Blocks.Input("time", "Time", Blocks.TimePicker("value")),
        Blocks.Input("how", "How often", Blocks.StaticSelect("value", [Blocks.Option("Weekly", "weekly"), Blocks.Option("Monthly", "monthly")])),
        Blocks.Input("who", "Who", Blocks.UsersSelect("value")),
        Blocks.Input("where", "Where", Blocks.ChannelsSelect("value"), optional: true),
        Blocks.Input("flags", "Options", Blocks.Checkboxes("value", [Blocks.Option("Remind me", "remind"), Blocks.Option("Share with admin", "share")]), optional: true),
        Blocks.Input("mood", "Mood", Blocks.RadioButtons("value", [Blocks.Option("Great", "great"), Blocks.Option("Fine", "fine")]), optional: true),
    ], submit: "Save");

    public Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        recorder.Submissions.Enqueue(submission);
        var title = submission.View.State.Text("title");
        if (title is not { Length: >= 3 })
            return Task.FromResult(SlackAck.ViewErrors(new Dictionary<string, string> { ["title"] = "Use at least 3 characters." }));
        db.Collection<BsonDocument>("sampler").Insert(new BsonDocument { ["title"] = title });
        var user = submission.User.Id;
        var date = submission.View.State["date"]?.SelectedDate;
        return Task.FromResult(SlackAck.ViewClear().Then(t => slack.SendDmAsync(user, $"Saved *{title}* for {date}", null, t)));
    }
}

/// <summary>A periodic job that DMs Lena on every tick, so the clock control's ticking is visible.</summary>
public sealed class SamplerJob(SlackApiClient slack) : IPeriodicJob
{
    private int _ticks;

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var n = Interlocked.Increment(ref _ticks);
        await slack.SendDmAsync("ULENA", $"Scheduled prompt #{n} at {now:yyyy-MM-dd HH}:00 UTC", null, ct);
    }
}
