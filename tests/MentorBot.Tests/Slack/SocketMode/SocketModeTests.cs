using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;

namespace MentorBot.Tests.Slack.SocketMode;

/// <summary>The real app on Socket Mode against the fake Slack's WebSocket server (issue 3).</summary>
[Trait(Tier.Name, Tier.Host)]
public class SocketModeTests
{
    private static string SocketLog(TestApp app) =>
        string.Join("\n", app.Logs.Lines.Where(l => l.Category.Contains("SocketMode")).Select(l => l.ToString()));

    private static JsonObject HelpEnvelope(string? envelopeId = null) => SocketEnvelopes.SlashCommand("/mentor", "help", envelopeId: envelopeId);

    [Fact]
    public async Task SlashCommandEnvelope_IsAckedWithTheEphemeralHelp_WellUnder3Seconds()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);

        var started = Stopwatch.GetTimestamp();
        var id = await socket.SendEnvelopeAsync(HelpEnvelope());
        var ack = await socket.WaitForAckAsync(id);
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"acked after {elapsed}");
        Assert.Equal(id, ack["envelope_id"]!.ToString());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.ToString());
        Assert.Contains("MentorBot help", ack["payload"]!["blocks"]!.ToJsonString());
        // The socket was opened with the app-level token, never the bot token.
        var open = Assert.Single(app.Slack.Calls("apps.connections.open"));
        Assert.Equal(TestApp.AppToken, open.Token);
    }

    [Fact]
    public async Task OnlyTheTwoTokenVariables_AnswerACommandOverTheSocket_AndSurviveARefresh()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = "", ["Slack:SigningSecret"] = "", ["Slack:AppToken"] = "",
            ["SLACK_BOT_TOKEN"] = TestApp.BotToken, ["SLACK_APP_TOKEN"] = TestApp.AppToken,
        };
        foreach (var (key, value) in SocketModeApp.Settings().Where(s => s.Key.StartsWith("Slack:SocketMode:"))) settings[key] = value;
        await using var app = await TestApp.StartFreshAsync(settings);
        var first = await app.Slack.SocketMode.WaitForSocketAsync(1);

        var before = await first.SendEnvelopeAsync(HelpEnvelope());
        await first.SendAsync(Fixture.Text("socket-mode-disconnect-refresh-requested.json"));
        var second = await app.Slack.SocketMode.WaitForSocketAsync(2);
        var after = await second.WaitForAckAsync(await second.SendEnvelopeAsync(HelpEnvelope()));

        Assert.Contains("MentorBot help", (await first.WaitForAckAsync(before))["payload"]!.ToJsonString());
        Assert.Contains("MentorBot help", after["payload"]!.ToJsonString());
        Assert.NotEmpty(app.Slack.Calls("auth.test"));
        Assert.All(app.Slack.Calls("auth.test"), c => Assert.Equal(TestApp.BotToken, c.Token));
    }

    [Fact]
    public async Task RefusedAppToken_IsLoggedClearly_AndRetried()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        slack.FailNext("apps.connections.open", "invalid_auth");
        await using var app = await SocketModeApp.StartAsync(slack, db);

        await slack.SocketMode.WaitForSocketAsync(1);

        Assert.Contains(app.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("SLACK_APP_TOKEN must be an xapp- token with connections:write"));
        Assert.Equal(2, slack.Calls("apps.connections.open").Count);
    }

    [Fact]
    public async Task HttpEndpoint_StillRefusesUnsignedRequests_WhenOnlyTheAppTokenIsSet()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["command"] = "/mentor", ["text"] = "help", ["user_id"] = "U1" });

        var response = await app.Client.PostAsync("/slack/events", form);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithoutAnAppToken_NoSocketIsOpened()
    {
        await using var app = await TestApp.StartFreshAsync();
        var reply = await app.CommandAsync("/mentor", "help");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Empty(app.Slack.Calls("apps.connections.open"));
        Assert.Empty(app.Slack.SocketMode.Sockets);
    }

    [Theory]
    [InlineData("socket-mode-disconnect-refresh-requested.json")]
    [InlineData("socket-mode-disconnect-warning.json")]
    [InlineData("socket-mode-disconnect-too-many-websockets.json")]
    public async Task DisconnectRequest_OpensTheNextSocketFirst_AndNothingIsLostOrDoubled(string disconnect)
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var probe = app.Get<SocketProbe>();
        var old = await app.Slack.SocketMode.WaitForSocketAsync(1);

        // Traffic in flight on the old socket when Slack asks for a new one.
        var before = new List<string>();
        for (var i = 1; i <= 3; i++) before.Add(await old.SendEnvelopeAsync(SocketEnvelopes.AppMention("EvBefore" + i)));
        var command = await old.SendEnvelopeAsync(SocketEnvelopes.SlashCommand("/probe", "before"));
        await old.SendAsync(Fixture.Text(disconnect));

        var next = await app.Slack.SocketMode.WaitForSocketAsync(2);
        Assert.True(next.OthersOpenAtAccept == 1, SocketLog(app)); // the old one was still serving while the new one connected
        var after = new List<string>();
        for (var i = 1; i <= 3; i++) after.Add(await next.SendEnvelopeAsync(SocketEnvelopes.AppMention("EvAfter" + i)));

        foreach (var id in before.Append(command)) await old.WaitForAckAsync(id);
        foreach (var id in after) await next.WaitForAckAsync(id);
        Assert.Equal("probed before", (await old.WaitForAckAsync(command))["payload"]!["text"]!.ToString());
        for (var i = 1; i <= 3; i++)
        {
            await probe.WaitForAsync("event:EvBefore" + i);
            await probe.WaitForAsync("event:EvAfter" + i);
        }
        await FakeSocketMode.Until(() => !old.IsOpen, TimeSpan.FromSeconds(5), "the old socket to close");

        Assert.All(probe.Effects.GroupBy(e => e), g => Assert.Single(g));
        Assert.Equal(7, probe.Effects.Count);
        Assert.All(before.Append(command), id => Assert.Single(old.AcksFor(id)));
        Assert.True(old.ClosedByApp, "the app closes the old socket with a close frame");
        Assert.Equal(1, app.Slack.SocketMode.LiveCount);
        Assert.Equal(2, app.Slack.Calls("apps.connections.open").Count); // a fresh URL, never the old one again
    }

    [Fact]
    public async Task DroppedConnection_IsReplaced_AndKeepsWorking()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var first = await app.Slack.SocketMode.WaitForSocketAsync(1);

        first.Drop();
        var second = await app.Slack.SocketMode.WaitForSocketAsync(2);
        var ack = await second.WaitForAckAsync(await second.SendEnvelopeAsync(HelpEnvelope()));

        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.ToString());
        Assert.Equal(1, app.Slack.SocketMode.LiveCount);
    }

    [Fact]
    public async Task ConnectionsOpenFailingTwice_IsSurvived()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        slack.FailNext("apps.connections.open", "internal_error", times: 2);
        await using var app = await SocketModeApp.StartAsync(slack, db);

        var socket = await slack.SocketMode.WaitForSocketAsync(1);
        var ack = await socket.WaitForAckAsync(await socket.SendEnvelopeAsync(HelpEnvelope()));

        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.ToString());
        Assert.Equal(3, slack.Calls("apps.connections.open").Count);
        Assert.Single(slack.SocketMode.Sockets);
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains("apps.connections.open failed (internal_error)"));
    }

    [Fact]
    public async Task ConnectionsOpenRateLimited_WaitsRetryAfter_ThenConnects()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        // Two 429s are waited out inside the call, the third reaches the Socket Mode loop, which waits Retry-After too.
        slack.RateLimitNext("apps.connections.open", retryAfterSeconds: 1, times: 3);
        await using var app = await SocketModeApp.StartAsync(slack, db);

        await slack.SocketMode.WaitForSocketAsync(1, TimeSpan.FromSeconds(15));

        var calls = slack.Calls("apps.connections.open");
        Assert.Equal(4, calls.Count);
        Assert.True(calls[3].At - calls[2].At >= TimeSpan.FromMilliseconds(900), $"waited only {calls[3].At - calls[2].At}");
        Assert.Contains(app.Logs.Lines, l => l.Message.Contains("rate limited"));
    }

    [Fact]
    public async Task RefusedHandshake_IsRetriedByOneLoop_WithAFreshUrlEachTime()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        slack.SocketMode.RefuseNextHandshake(409, times: 3);
        await using var app = await SocketModeApp.StartAsync(slack, db);

        var socket = await slack.SocketMode.WaitForSocketAsync(1);
        await socket.WaitForAckAsync(await socket.SendEnvelopeAsync(HelpEnvelope()));

        // One loop: four opens for four attempts, not a fan-out of parallel reconnects (node-slack-sdk#2094).
        Assert.Equal(4, slack.Calls("apps.connections.open").Count);
        Assert.Equal(4, slack.SocketMode.UrlsIssued);
        Assert.Single(slack.SocketMode.Sockets);
    }

    [Fact]
    public async Task SilentConnection_IsReplaced_WithinThePongTimeout()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        slack.SocketMode.SilenceNextSocket(TimeSpan.FromSeconds(6));
        await using var app = await SocketModeApp.StartAsync(slack, db);

        var silent = await slack.SocketMode.WaitForSocketAsync(1);
        var started = Stopwatch.GetTimestamp();
        var next = await slack.SocketMode.WaitForSocketAsync(2, TimeSpan.FromSeconds(6));
        var replacedAfter = Stopwatch.GetElapsedTime(started);
        var ack = await next.WaitForAckAsync(await next.SendEnvelopeAsync(HelpEnvelope()));

        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.ToString());
        Assert.True(replacedAfter < TimeSpan.FromSeconds(5), $"replaced after {replacedAfter}"); // PING every 0.25 s, PONG timeout 2 s
        await FakeSocketMode.Until(() => !silent.IsOpen, TimeSpan.FromSeconds(8), "the silent socket to be gone");
        Assert.Equal(1, slack.SocketMode.LiveCount);
    }

    [Fact]
    public async Task SameEnvelopeTwice_HasOneEffect_AndIsAckedTwiceWithTheSameAnswer()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var probe = app.Get<SocketProbe>();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);
        var envelope = SocketEnvelopes.SlashCommand("/probe", "once");

        await socket.SendEnvelopeAsync(envelope);
        var id = envelope["envelope_id"]!.ToString();
        await socket.WaitForAckAsync(id);
        await socket.SendEnvelopeAsync(envelope);
        await FakeSocketMode.Until(() => socket.AcksFor(id).Count == 2, TimeSpan.FromSeconds(5), "the second ack");

        Assert.Equal(1, probe.Count("command:once"));
        Assert.All(socket.AcksFor(id), ack => Assert.Equal("probed once", ack["payload"]!["text"]!.ToString()));
    }

    [Fact]
    public async Task RedeliveredEvent_WithRetryAttempt_HasOneEffect()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var probe = app.Get<SocketProbe>();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);

        var first = await socket.SendEnvelopeAsync(SocketEnvelopes.AppMention("EvTwice"));
        var retry = await socket.SendEnvelopeAsync(SocketEnvelopes.AppMention("EvTwice", retryAttempt: 1));
        await socket.WaitForAckAsync(first);
        await socket.WaitForAckAsync(retry);
        await probe.WaitForAsync("event:EvTwice");
        // A marker event sent last: once it has had its effect, any second EvTwice would have too.
        await socket.SendEnvelopeAsync(SocketEnvelopes.AppMention("EvMarker"));
        await probe.WaitForAsync("event:EvMarker");

        Assert.Equal(1, probe.Count("event:EvTwice"));
    }

    [Fact]
    public async Task EventEnvelope_IsAckedBeforeItsHandlerRuns()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var probe = app.Get<SocketProbe>();
        probe.Gate = new TaskCompletionSource();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);

        var ack = await socket.WaitForAckAsync(await socket.SendEnvelopeAsync(SocketEnvelopes.AppMention("EvSlow")));

        Assert.Null(ack["payload"]);
        Assert.Equal(0, probe.Count("event:EvSlow"));
        probe.Gate.SetResult();
        await probe.WaitForAsync("event:EvSlow");
    }

    [Fact]
    public async Task InteractiveEnvelopes_GoThroughTheRouter_AndOnlyViewSubmissionsGetAPayload()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var probe = app.Get<SocketProbe>();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);

        var submit = await socket.SendEnvelopeAsync(SocketEnvelopes.Interactive(
            Interactions.Submit("UMENTEE", "probe.view", new Dictionary<string, JsonObject> { ["title"] = Interactions.TextValue("") }), acceptsResponsePayload: true));
        var click = await socket.SendEnvelopeAsync(SocketEnvelopes.Interactive(
            Interactions.ButtonClick("UMENTEE", "probe.click", "v"), acceptsResponsePayload: false));

        var submitAck = await socket.WaitForAckAsync(submit);
        var clickAck = await socket.WaitForAckAsync(click);
        Assert.Equal("errors", submitAck["payload"]!["response_action"]!.ToString());
        Assert.Equal("Please give it a title.", submitAck["payload"]!["errors"]!["title"]!.ToString());
        Assert.Null(clickAck["payload"]);
        Assert.Equal(["view:probe.view", "action:probe.click"], probe.Effects.Order().Reverse());
    }

    [Fact]
    public async Task JunkFrames_AreLoggedAndIgnored_AndTheConnectionStaysUp()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);

        await socket.SendAsync("binary junk", WebSocketMessageType.Binary);
        await socket.SendAsync("");
        await socket.SendAsync("{\"type\":");
        await socket.SendAsync("[1,2,3]");
        await socket.SendAsync("{\"no\":\"type\"}");
        var ack = await socket.WaitForAckAsync(await socket.SendEnvelopeAsync(HelpEnvelope()));

        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.ToString());
        Assert.Single(app.Slack.SocketMode.Sockets);
        Assert.True(socket.IsOpen);
        Assert.Equal(5, app.Logs.Lines.Count(l => l.Level == LogLevel.Warning && l.Message.StartsWith("Ignored a")));
    }

    [Fact]
    public async Task LinkDisabled_StopsSocketMode_WithOneLogLine()
    {
        await using var app = await SocketModeApp.StartFreshAsync();
        var socket = await app.Slack.SocketMode.WaitForSocketAsync(1);

        await socket.SendAsync(Fixture.Text("socket-mode-disconnect-link-disabled.json"));
        await FakeSocketMode.Until(() => app.Logs.Lines.Any(l => l.Message == "Socket Mode stopped"), TimeSpan.FromSeconds(5), "Socket Mode to stop");

        Assert.Single(app.Logs.Lines, l => l.Message.Contains("link_disabled"));
        Assert.Single(app.Slack.Calls("apps.connections.open"));
        Assert.True(socket.ClosedByApp);
        Assert.Equal(0, app.Slack.SocketMode.LiveCount);
    }

    [Fact]
    public async Task Shutdown_ClosesTheSocketCleanly()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var app = await SocketModeApp.StartAsync(slack, db);
        var socket = await slack.SocketMode.WaitForSocketAsync(1);

        await app.DisposeAsync();

        await FakeSocketMode.Until(() => !socket.IsOpen, TimeSpan.FromSeconds(5), "the socket to close");
        Assert.True(socket.ClosedByApp);
        Assert.Single(slack.SocketMode.Sockets);
    }
}
