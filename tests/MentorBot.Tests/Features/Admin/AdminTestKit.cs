using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Features.Home;
using MentorBot.Programme;

namespace MentorBot.Tests.Features.AdminTests;

/// <summary>Shared moves for the admin tests: an app with one configured admin, sign-ups through the real modal.</summary>
public static class AdminTestKit
{
    public const string AdminId = "UADMIN";
    public const string ProgrammeChannel = "CPROG";

    public static Task<TestApp> StartAsync(Action<IServiceCollection>? services = null, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null) =>
        TestApp.StartFreshAsync(new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = AdminId }, time, services);

    public static async Task SignUpAsync(this TestApp app, string userId, string role, string topics, int? capacity = null)
    {
        var values = new Dictionary<string, JsonObject>
        {
            ["role"] = Interactions.SelectValue(role, type: "radio_buttons"),
            ["topics"] = Interactions.TextValue(topics),
        };
        if (capacity is { } n) values["capacity"] = Interactions.SelectValue(n.ToString());
        var response = await app.InteractAsync(Interactions.Submit(userId, SignUpModal.CallbackId, values));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"update\"", body);
    }

    /// <summary>Sets the programme channel the way an admin does, through /mentor channel and the membership check.</summary>
    public static async Task SetChannelAsync(this TestApp app, string channel = ProgrammeChannel)
    {
        await app.CommandAsync("/mentor", $"channel <#{channel}|mentoring>", AdminId);
        await app.Slack.WaitForCallAsync("response_url", c => c.Visible.Contains("now lives in"));
    }

    public static async Task<SlackCall> OpenHomeAsync(this TestApp app, string userId)
    {
        await app.DrainFollowUpsAsync(); // earlier refreshes (after a sign-up, say) must not pass for this one
        var before = app.Slack.Calls("views.publish").Count(c => c.Arg("user_id") == userId);
        await app.EventAsync(new JsonObject { ["type"] = "app_home_opened", ["user"] = userId, ["channel"] = "D" + userId, ["tab"] = "home" });
        var calls = await app.Slack.WaitForCallsAsync("views.publish", before + 1, c => c.Arg("user_id") == userId);
        return calls[^1];
    }

    /// <summary>
    /// Waits until every follow-up queued so far has finished: one marker per worker, each holding its worker until all
    /// markers run, so no worker can still be busy with earlier work. No sleeping.
    /// </summary>
    public static async Task DrainFollowUpsAsync(this TestApp app, int workers = 4)
    {
        var followUps = app.Get<MentorBot.Slack.Routing.FollowUps>();
        var started = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < workers; i++)
            await followUps.EnqueueAsync(new MentorBot.Slack.Routing.FollowUpWork(async _ =>
            {
                if (Interlocked.Increment(ref started) == workers) all.SetResult();
                await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
            }, "test drain", null));
        await all.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>JSON as a person would read it: \u003C and friends turned back into characters.</summary>
    public static string Readable(string json) => Support.Readable.Unescaped(json);

    public static JsonObject Time(string? hhmm) => new() { ["type"] = "timepicker", ["action_id"] = "value", ["selected_time"] = hhmm };
}

/// <summary>Stand-in for another feature's personal data (real features register theirs when merged).</summary>
public sealed class FakeNotes : IPersonalData
{
    public Dictionary<string, string> Notes { get; } = new();
    public string Name => "test-notes";
    public object Export(string userId) => Notes.Where(n => n.Key == userId).Select(n => n.Value).ToList();
    public int Forget(string userId) => Notes.Remove(userId) ? 1 : 0;
}

/// <summary>Stand-in for another feature's figures.</summary>
public sealed class FakeFigures : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now) => [new(FigureGroup.CheckIns, "Check-ins held vs due (4 weeks)", "7 of 9", 9, 18)];
}

/// <summary>A section that shows private text only to its owner, as every real section must.</summary>
public sealed class FakePrivateSection(string ownerId, string text, int order) : IAppHomeSection
{
    public int Order => order;
    public Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<JsonObject>>(userId == ownerId ? [MentorBot.Slack.BlockKit.Blocks.Section(text)] : []);
}
