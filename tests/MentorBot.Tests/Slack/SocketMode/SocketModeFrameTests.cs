using Microsoft.Extensions.Configuration;
using System.Text.Json.Nodes;
using MentorBot.Slack;
using MentorBot.Slack.Routing;
using MentorBot.Slack.SocketMode;

namespace MentorBot.Tests.Slack.SocketMode;

/// <summary>Reading Slack's real Socket Mode frames (Fixtures/socket-mode-*) and writing acks in the shape Slack documents.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class SocketModeFrameTests
{
    [Theory]
    [InlineData("socket-mode-hello.json", SocketFrameKind.Hello, null)]
    [InlineData("socket-mode-disconnect-refresh-requested.json", SocketFrameKind.Disconnect, "refresh_requested")]
    [InlineData("socket-mode-disconnect-warning.json", SocketFrameKind.Disconnect, "warning")]
    [InlineData("socket-mode-disconnect-link-disabled.json", SocketFrameKind.Disconnect, "link_disabled")]
    [InlineData("socket-mode-disconnect-too-many-websockets.json", SocketFrameKind.Disconnect, "too_many_websockets")]
    public void ControlFrames_AreRecognised_AndNeverTreatedAsEnvelopes(string fixture, SocketFrameKind kind, string? reason)
    {
        var frame = SocketModeFrame.Parse(Fixture.Text(fixture));

        Assert.Equal(kind, frame.Kind);
        Assert.Equal(reason, frame.Reason);
        Assert.Null(frame.Request);
    }

    [Theory]
    [InlineData("socket-mode-envelope-slash-commands.json", SlackRequestKind.Command, true)]
    [InlineData("socket-mode-envelope-slash-commands.docs.json", SlackRequestKind.Command, true)]
    [InlineData("socket-mode-envelope-events-api.json", SlackRequestKind.Event, false)]
    [InlineData("socket-mode-envelope-events-api-app-mention.json", SlackRequestKind.Event, false)]
    [InlineData("socket-mode-envelope-interactive-block-actions.json", SlackRequestKind.Interaction, false)]
    [InlineData("socket-mode-envelope-interactive-shortcut.json", SlackRequestKind.Interaction, false)]
    public void Envelopes_BecomeTheSameRequestsAsOverHttp(string fixture, SlackRequestKind kind, bool acceptsPayload)
    {
        var json = JsonNode.Parse(Fixture.Text(fixture))!;
        var frame = SocketModeFrame.Parse(json.ToJsonString());

        Assert.Equal(SocketFrameKind.Envelope, frame.Kind);
        Assert.Equal(json["envelope_id"]!.ToString(), frame.EnvelopeId);
        Assert.Equal(kind, frame.Request!.Kind);
        Assert.Equal(acceptsPayload, frame.AcceptsResponsePayload);
        Assert.Equal(json["payload"]!.ToJsonString(), JsonNode.Parse(frame.Request.Payload.GetRawText())!.ToJsonString());
    }

    [Fact]
    public void RetriedEventEnvelope_CarriesRetryAttemptAndReason()
    {
        var json = JsonNode.Parse(Fixture.Text("socket-mode-envelope-events-api.json"))!;
        json["retry_attempt"] = 2;
        json["retry_reason"] = "timeout";

        var request = SocketModeFrame.Parse(json.ToJsonString()).Request!;

        Assert.Equal(2, request.RetryNum);
        Assert.Equal("timeout", request.RetryReason);
        Assert.Equal("Ev111", request.GetString("event_id"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"type\":")]
    [InlineData("[1,2]")]
    [InlineData("\"hello\"")]
    [InlineData("{\"no\":\"type\"}")]
    public void Junk_IsJunk(string text) => Assert.Equal(SocketFrameKind.Junk, SocketModeFrame.Parse(text).Kind);

    [Fact]
    public void UnknownEnvelopeType_IsStillAnEnvelope_SoItGetsAcked()
    {
        var frame = SocketModeFrame.Parse("{\"envelope_id\":\"e1\",\"type\":\"something_new\",\"payload\":{}}");

        Assert.Equal(SocketFrameKind.Envelope, frame.Kind);
        Assert.Null(frame.Request);
        Assert.Equal("{\"envelope_id\":\"e1\"}", frame.Ack(SlackAck.Ephemeral("ignored")));
    }

    [Fact]
    public void SlashCommandAck_CarriesTheMessage_LikeSlacksExample()
    {
        var frame = SocketModeFrame.Parse(Fixture.Text("socket-mode-envelope-slash-commands.docs.json"));
        var expected = JsonNode.Parse(Fixture.Text("socket-mode-ack-slash-command-with-payload.json"))!;
        var blocks = expected["payload"]!["blocks"]!.AsArray().DeepClone().AsArray();

        var ack = JsonNode.Parse(frame.Ack(SlackAck.Ephemeral("Rilke", blocks)))!;

        Assert.Equal(expected["envelope_id"]!.ToString(), ack["envelope_id"]!.ToString());
        Assert.Equal(expected["payload"]!["blocks"]!.ToJsonString(), ack["payload"]!["blocks"]!.ToJsonString());
        Assert.Equal("ephemeral", ack["payload"]!["response_type"]!.ToString());
    }

    [Fact]
    public void ViewSubmissionAck_CarriesTheResponseAction_LikeSlacksExample()
    {
        var expected = JsonNode.Parse(Fixture.Text("socket-mode-ack-view-submission-update.json"))!;
        var envelope = new JsonObject
        {
            ["envelope_id"] = expected["envelope_id"]!.ToString(), ["type"] = "interactive",
            ["payload"] = JsonNode.Parse(Fixture.Text("view-submission.json")), // no accepts_response_payload: inferred
        };
        var frame = SocketModeFrame.Parse(envelope.ToJsonString());

        var ack = JsonNode.Parse(frame.Ack(SlackAck.ViewUpdate(expected["payload"]!["view"]!.DeepClone().AsObject())))!;

        Assert.True(JsonNode.DeepEquals(expected, ack), ack.ToJsonString());
    }

    [Fact]
    public void BlockActionsAck_HasNoPayload_BecauseSlackTakesNone()
    {
        var frame = SocketModeFrame.Parse(Fixture.Text("socket-mode-envelope-interactive-block-actions.json"));

        Assert.Equal("{\"envelope_id\":\"xxx-11-222-yyy-zzz\"}", frame.Ack(SlackAck.Ephemeral("not shown")));
    }

    [Theory]
    [InlineData(0, 0.0, 500)]
    [InlineData(0, 1.0, 1000)]
    [InlineData(1, 0.0, 1000)]
    [InlineData(3, 1.0, 8000)]
    [InlineData(5, 0.5, 24000)]
    [InlineData(6, 1.0, 60000)]  // capped
    [InlineData(50, 0.0, 30000)] // capped, never overflows
    [InlineData(-1, 1.0, 1000)]
    public void Backoff_DoublesWithJitter_UpToTheCap(int failures, double random, int expectedMs) =>
        Assert.Equal(expectedMs, SocketModeBackoff.Delay(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), random).TotalMilliseconds, 3);

    [Theory]
    [InlineData("xapp-1", "", null)]
    [InlineData("", "secret", null)]
    [InlineData("xapp-1", "secret", null)]
    [InlineData("", "", "SLACK_SIGNING_SECRET")]
    [InlineData("xoxb-wrong-kind", "", "xapp-")]
    public void AppToken_StandsInForTheSigningSecret(string appToken, string secret, string? missing)
    {
        var options = new SlackOptions { BotToken = "xoxb-1", AppToken = appToken, SigningSecret = secret };

        var problem = options.DescribeMissingSettings();

        if (missing is null) Assert.Null(problem);
        else Assert.Contains(missing, problem);
    }

    [Fact]
    public void ExampleSettings_BindToTheSocketModeDefaults()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.example.json")).Build();

        var example = config.GetSection(SocketModeOptions.Section).Get<SocketModeOptions>()!;
        var defaults = new SocketModeOptions();

        Assert.Equal(defaults.PingInterval, example.PingInterval);
        Assert.Equal(defaults.PongTimeout, example.PongTimeout);
        Assert.Equal(defaults.InitialBackoff, example.InitialBackoff);
        Assert.Equal(defaults.MaxBackoff, example.MaxBackoff);
    }
}
