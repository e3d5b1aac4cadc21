using MentorBot.Slack;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Tests.Slack;

/// <summary>The real payloads in Support/Fixtures parse into the records MentorBot reads.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class SlackPayloadTests
{
    [Fact]
    public void SlashCommandForm_ParsesEveryField()
    {
        var request = SlackRequest.FromForm(Fixture.Text("slash-command.form.txt"))!;
        var command = SlackJson.Deserialize<SlashCommand>(request.Payload);
        Assert.Equal(SlackRequestKind.Command, request.Kind);
        Assert.Equal("/webhook-collect", command.Command);
        Assert.Equal("U2CERLKJA", command.UserId);
        Assert.Equal("", command.Text);
        Assert.Equal("https://hooks.slack.com/commands/T1DC2JH3J/397700885554/96rGlfmibIGlgcZRskXaIFfN", command.ResponseUrl);
        Assert.Equal("398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c", command.TriggerId);
    }

    [Fact]
    public void SocketModeSlashCommandPayload_ParsesLikeTheForm()
    {
        var envelope = Fixture.Json("socket-mode-envelope-slash-commands.json");
        var command = SlackJson.Deserialize<SlashCommand>(envelope.GetProperty("payload"));
        Assert.StartsWith("/", command.Command);
        Assert.False(string.IsNullOrEmpty(command.UserId));
    }

    [Theory]
    [InlineData("block-actions-message-button.json", "message")]
    [InlineData("block-actions-modal-button.json", "view")]
    [InlineData("block-actions-home-tab-button.json", "view")]
    [InlineData("block-actions-modal-select-large.json", "view")]
    public void BlockActions_ParseUserActionAndContainer(string file, string containerType)
    {
        var actions = SlackJson.Deserialize<BlockActions>(Fixture.Json(file));
        Assert.Equal("block_actions", actions.Type);
        Assert.False(string.IsNullOrEmpty(actions.User.Id));
        Assert.False(string.IsNullOrEmpty(actions.Action.ActionId));
        Assert.Equal(containerType, actions.Container?.Type);
        if (containerType == "view") Assert.NotNull(actions.View?.Id);
    }

    [Fact]
    public void ViewSubmission_ReadsStateByBlockId()
    {
        var submission = SlackJson.Deserialize<ViewSubmission>(Fixture.Json("view-submission.json"));
        Assert.Equal("view_submission", submission.Type);
        Assert.False(string.IsNullOrEmpty(submission.View.CallbackId));
        Assert.NotEmpty(submission.View.State.Values);
        var values = submission.View.State.Values.SelectMany(b => b.Value.Values).ToList();
        Assert.Contains(values, v => v.Type == "datepicker" && v.SelectedDate is not null);
        Assert.Contains(values, v => v.Type == "plain_text_input");
    }

    [Fact]
    public void ViewState_ReadsEveryInputType()
    {
        var state = SlackJson.Deserialize<ViewState>(Fixture.Json("view-state-all-input-types.json"));
        var values = state.Values.SelectMany(b => b.Value.Values).ToList();
        Assert.Contains(values, v => v.Type == "users_select");
        Assert.Contains(values, v => v.Type == "multi_users_select" && v.SelectedUsers is not null);
        Assert.Contains(values, v => v.Type == "checkboxes" && v.SelectedOptions is not null);
    }

    [Theory]
    [InlineData("event-app-home-opened.json", "app_home_opened")]
    [InlineData("event-message-im.json", "message")]
    public void EventCallbacks_ParseIdTypeAndUser(string file, string type)
    {
        var callback = SlackJson.Deserialize<EventCallback>(Fixture.Json(file));
        Assert.Equal("event_callback", callback.Type);
        Assert.False(string.IsNullOrEmpty(callback.EventId));
        Assert.Equal(type, callback.EventType);
        Assert.False(string.IsNullOrEmpty(callback.UserId));
    }

    [Fact]
    public void SocketModeEventsEnvelope_WrapsAFullEventCallback()
    {
        var callback = SlackJson.Deserialize<EventCallback>(Fixture.Json("socket-mode-envelope-events-api.json").GetProperty("payload"));
        Assert.Equal("event_callback", callback.Type);
        Assert.False(string.IsNullOrEmpty(callback.EventId));
    }

    [Theory]
    [InlineData("<@U012ABCDEF|jane>", "U012ABCDEF")]
    [InlineData("<@U012ABCDEF>", "U012ABCDEF")]
    [InlineData("<@W0123ABC|grid user>", "W0123ABC")]
    [InlineData("@jane", null)]
    [InlineData("7", null)]
    [InlineData("<#C123|general>", null)]
    public void Mentions_ReadUserIds(string token, string? expected) => Assert.Equal(expected, Mentions.User(token));

    [Theory]
    [InlineData("<#C123ABC|general>", "C123ABC")]
    [InlineData("<#G987|>", "G987")]
    [InlineData("#general", null)]
    public void Mentions_ReadChannelIds(string token, string? expected) => Assert.Equal(expected, Mentions.Channel(token));
}
