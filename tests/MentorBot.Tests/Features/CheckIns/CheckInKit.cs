using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Scheduling;

namespace MentorBot.Tests.Features.CheckIns;

/// <summary>Helpers for check-in scenarios: pairs straight into the store (as the pairs feature would), ticks, prompts.</summary>
public static class CheckInKit
{
    public const string Mentor = "UMENTOR";
    public const string Mentee = "UMENTEE";
    public const string PromptText = "Time for your check-in";

    /// <summary>A session's length until a pair agrees one: "did you meet?" comes once it is over.</summary>
    public static readonly TimeSpan Session = TimeSpan.FromMinutes(30);

    public static Pair StartPair(TestApp app, Cadence? cadence = null, string zone = "Europe/Amsterdam", string mentor = Mentor, string mentee = Mentee,
        PairType type = PairType.Mentoring, DateTimeOffset? startedAt = null, string? menteeZone = null)
    {
        var people = app.Get<UserDirectory>();
        var now = app.Time.GetUtcNow();
        // Slack knows them too: the daily users.info refresh must find the same zones.
        app.Slack.AddUser(mentor, "Mentor " + mentor, zone);
        app.Slack.AddUser(mentee, "Mentee " + mentee, menteeZone ?? zone);
        people.Remember(new Person { Id = mentor, DisplayName = "Mentor " + mentor, TimeZoneId = zone, FetchedAt = now });
        people.Remember(new Person { Id = mentee, DisplayName = "Mentee " + mentee, TimeZoneId = menteeZone ?? zone, FetchedAt = now });
        cadence ??= Cadence.Default;
        var start = startedAt ?? now;
        var next = CadencePlanner.NextAfter(cadence, TimeZoneInfo.FindSystemTimeZoneById(zone), start, start);
        return app.AddPair(mentor, mentee, type, with: p => p with { StartedAt = start, Cadence = cadence, CadenceIsDefault = false, NextCheckInUtc = next });
    }

    public static async Task TickAtAsync(TestApp app, DateTimeOffset at)
    {
        app.Time.SetUtcNow(at);
        await app.Get<PeriodicJobs>().RunOnceAsync();
    }

    /// <summary>Moves the clock in steps to <paramref name="until"/>, ticking the scheduler at each step.</summary>
    public static async Task RunUntilAsync(TestApp app, DateTimeOffset until, TimeSpan step)
    {
        var t = app.Time.GetUtcNow();
        while (t < until)
        {
            t = t + step > until ? until : t + step;
            await TickAtAsync(app, t);
        }
    }

    /// <summary>What the call shows, with JSON's HTML-safe escapes undone, so "&lt;@U1&gt;" reads as Slack would get it.</summary>
    public static string Shown(this SlackCall call) => Readable.Json(call.Args);

    public static string Shown(this IEnumerable<JsonObject> blocks) => Readable.Json(new JsonArray(blocks.Select(b => (JsonNode)b.DeepClone()).ToArray()));

    public static IReadOnlyList<SlackCall> Prompts(TestApp app, string user = Mentor) =>
        app.Slack.DmsTo(user).Where(c => (c.Arg("text") ?? "").StartsWith(PromptText, StringComparison.Ordinal)).ToList();

    public static IReadOnlyList<SlackCall> DmsContaining(TestApp app, string user, string text) =>
        app.Slack.DmsTo(user).Where(c => c.Shown().Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>The value of the button with <paramref name="actionId"/> in a posted message.</summary>
    public static string ButtonValue(SlackCall call, string actionId) =>
        Support.Buttons.ValueOf(call, actionId) ?? throw new InvalidOperationException($"No {actionId} button in the message");

    public static IEnumerable<JsonObject> Buttons(JsonNode? blocks) => Support.Buttons.In(blocks);

    /// <summary>Where the prompt for <paramref name="user"/> was posted (channel, ts) as the app recorded it.</summary>
    public static (string Channel, string Ts) PromptMessage(TestApp app, string checkInId, string user = Mentor)
    {
        var nudge = app.Get<CheckInStore>().NudgesOf(checkInId).Single(n => n.Kind == NudgeKind.Prompt && n.RecipientId == user);
        return (nudge.Channel!, nudge.Ts!);
    }

    public static Task<HttpResponseMessage> ClickAsync(TestApp app, string user, string actionId, string value, string? checkInIdForMessage = null, string? messageOwner = null)
    {
        var (channel, ts) = checkInIdForMessage is null ? (FakeSlackApi.DmOf(user), "1700000001.000001") : PromptMessage(app, checkInIdForMessage, messageOwner ?? user);
        return app.InteractAsync(Interactions.ButtonClick(user, actionId, value, ts, channel));
    }

    /// <summary>Picks the option with <paramref name="optionValue"/> from a menu (static_select) on a message, as Slack sends it.</summary>
    public static Task<HttpResponseMessage> ChooseAsync(TestApp app, string user, string actionId, string optionValue, string? checkInIdForMessage = null, string? messageOwner = null)
    {
        var (channel, ts) = checkInIdForMessage is null ? (FakeSlackApi.DmOf(user), "1700000001.000001") : PromptMessage(app, checkInIdForMessage, messageOwner ?? user);
        return app.InteractAsync(Interactions.Choose(user, actionId, optionValue, ts, channel));
    }

    /// <summary>The option values of the menu with <paramref name="actionId"/> in a posted message.</summary>
    public static IReadOnlyList<string> MenuValues(SlackCall call, string actionId) =>
        ((call.Args["blocks"] as JsonArray ?? []).OfType<JsonObject>()
            .SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>())
            .First(e => e["action_id"]?.ToString() == actionId)["options"] as JsonArray ?? [])
        .Select(o => o!["value"]!.ToString()).ToList();

    public static Task<HttpResponseMessage> SubmitNotesAsync(TestApp app, string user, string checkInId, string? discussed, string? next = null, string meta = "") =>
        app.InteractAsync(Interactions.Submit(user, CheckInMessages.NotesModal, new Dictionary<string, JsonObject>
        {
            ["discussed"] = Interactions.TextValue(discussed), ["next"] = Interactions.TextValue(next),
        }, privateMetadata: checkInId + meta));

    public static Task<HttpResponseMessage> SubmitAsyncAsync(TestApp app, string user, string checkInId, string progress, string? blockers = null, string? needs = null) =>
        app.InteractAsync(Interactions.Submit(user, CheckInMessages.AsyncModal, new Dictionary<string, JsonObject>
        {
            ["progress"] = Interactions.TextValue(progress), ["blockers"] = Interactions.TextValue(blockers), ["needs"] = Interactions.TextValue(needs),
        }, privateMetadata: checkInId + "||"));

    public static DateTimeOffset Local(string zone, int y, int m, int d, int h, int min = 0)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = new DateTime(y, m, d, h, min, 0);
        return new DateTimeOffset(local, tz.GetUtcOffset(local)).ToUniversalTime();
    }

    public static DateTimeOffset LocalOf(DateTimeOffset instant, string zone) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(zone));
}
