using System.Net;
using System.Text.Json.Nodes;
using MentorBot.Features.Goals;
using static MentorBot.Tests.Features.Goals.GoalTestData;

namespace MentorBot.Tests.Features.Goals;

[Trait(Tier.Name, Tier.Host)]
public class GoalModalTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartFreshAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Dictionary<string, JsonObject> Form(string? title, string? why = null, string? date = null, string visibility = GoalModal.MentorsValue) => new()
    {
        [GoalModal.TitleBlock] = Interactions.TextValue(title),
        [GoalModal.WhyBlock] = Interactions.TextValue(why),
        [GoalModal.TargetBlock] = Interactions.DateValue(date),
        [GoalModal.VisibilityBlock] = Interactions.SelectValue(visibility, type: "radio_buttons"),
    };

    private async Task<JsonObject?> SubmitAsync(string callbackId, Dictionary<string, JsonObject> values, string? metadata = null, string user = Mentee)
    {
        var response = await _app.InteractAsync(Interactions.Submit(user, callbackId, values, metadata));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return body.Length == 0 ? null : JsonNode.Parse(body) as JsonObject;
    }

    /// <summary>The private_metadata of the form /goal opened (carries the command's response_url).</summary>
    private async Task<string> OpenedFormMetadataAsync()
    {
        await _app.CommandAsync("/goal", "", Mentee);
        var open = await _app.Slack.WaitForCallAsync("views.open");
        return open.Args["view"]!["private_metadata"]!.ToString();
    }

    [Fact]
    public async Task Submit_Valid_SavesEveryField_ClosesTheForm_AndAnswersInTheChannel()
    {
        var metadata = await OpenedFormMetadataAsync();

        var ack = await SubmitAsync(GoalModal.CreateId, Form("  Ship my first open-source PR 🚀 ", "I want to give back", "2026-06-30", GoalModal.OnlyMeValue), metadata);

        Assert.Null(ack); // an empty answer closes the modal
        var goal = GoalOf(_app, Mentee, 1);
        Assert.Equal("Ship my first open-source PR 🚀", goal.Title);
        Assert.Equal("I want to give back", goal.Why);
        Assert.Equal(new DateOnly(2026, 6, 30), goal.TargetDate);
        Assert.Equal(GoalVisibility.OnlyMe, goal.Visibility);
        var answer = await _app.Slack.WaitForCallAsync("response_url");
        Assert.Null(answer.Rejected);
        Assert.Equal("cmd-" + Mentee, answer.Arg("response_url_id"));
        Assert.Contains("Saved goal #1", Shown(answer));
        Assert.Contains("Only you can see this goal", Shown(answer));
    }

    [Fact]
    public async Task Submit_WithoutAnswerAddress_TellsThePersonByDm()
    {
        var ack = await SubmitAsync(GoalModal.CreateId, Form("From the App Home"));
        Assert.Null(ack);
        var dm = await _app.Slack.WaitForCallAsync("chat.postMessage");
        Assert.Equal(FakeSlackApi.DmOf(Mentee), dm.Arg("channel"));
        Assert.Contains("Saved goal #1", Shown(dm));
        Assert.Equal(GoalVisibility.Mentors, GoalOf(_app, Mentee, 1).Visibility);
    }

    [Theory]
    [InlineData(null, "Give your goal a title")]
    [InlineData("   ", "Give your goal a title")]
    public async Task Submit_WithoutTitle_ShowsTheErrorNextToTheField(string? title, string expected)
    {
        var ack = await SubmitAsync(GoalModal.CreateId, Form(title));
        Assert.Equal("errors", ack!["response_action"]!.ToString());
        Assert.Contains(expected, ack["errors"]![GoalModal.TitleBlock]!.ToString());
        Assert.Empty(GoalsOf(_app, Mentee));
    }

    [Fact]
    public async Task Submit_TooLongTitle_ShowsTheErrorNextToTheField()
    {
        var ack = await SubmitAsync(GoalModal.CreateId, Form(new string('t', 151)));
        Assert.Equal("errors", ack!["response_action"]!.ToString());
        var error = ack["errors"]![GoalModal.TitleBlock]!.ToString();
        Assert.Contains("150", error);
        Assert.Contains("151", error);
        Assert.Empty(GoalsOf(_app, Mentee));
    }

    [Fact]
    public async Task Submit_PastTargetDate_ShowsTheErrorNextToTheDate()
    {
        var ack = await SubmitAsync(GoalModal.CreateId, Form("Title", date: "2020-01-01"));
        Assert.Contains("today or a later date", ack!["errors"]![GoalModal.TargetBlock]!.ToString());
        Assert.Empty(GoalsOf(_app, Mentee));
    }

    [Fact]
    public async Task DetailsButton_OpensTheFormPrefilled_AndSubmittingUpdatesTheSameGoal()
    {
        await _app.CommandAsync("/goal", "add Learn Rust", Mentee);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Details, "1", responseUrl: _app.Slack.ResponseUrl("btn")));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Null(open.Rejected);
        var view = open.Args["view"]!;
        Assert.Equal(GoalModal.EditId, view["callback_id"]!.ToString());
        Assert.Contains("Learn Rust", Shown(view));

        var ack = await SubmitAsync(GoalModal.EditId, Form("Learn Rust properly", "for the new service", "2026-09-01"), view["private_metadata"]!.ToString());

        Assert.Null(ack);
        var goal = Assert.Single(GoalsOf(_app, Mentee));
        Assert.Equal("Learn Rust properly", goal.Title);
        Assert.Equal("for the new service", goal.Why);
        var answer = await _app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "btn");
        Assert.Contains("Updated", Shown(answer));
    }

    [Fact]
    public async Task ProgressButton_OpensTheProgressForm_AndSubmittingRecordsHistory()
    {
        await _app.CommandAsync("/goal", "add Learn Rust", Mentee);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Progress, "1", responseUrl: _app.Slack.ResponseUrl("btn")));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Null(open.Rejected);
        var view = open.Args["view"]!;
        Assert.Equal(ProgressModal.CallbackId, view["callback_id"]!.ToString());

        var ack = await SubmitAsync(ProgressModal.CallbackId, new()
        {
            [ProgressModal.PercentBlock] = Interactions.SelectValue("70"),
            [ProgressModal.NoteBlock] = Interactions.TextValue("finished the book"),
        }, view["private_metadata"]!.ToString());

        Assert.Null(ack);
        var goal = GoalOf(_app, Mentee, 1);
        Assert.Equal(70, goal.Progress);
        Assert.Equal("finished the book", Assert.Single(goal.History).Text);
        var answer = await _app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "btn");
        Assert.Contains("70%", Shown(answer));
    }

    [Fact]
    public async Task ProgressForm_ForADroppedGoal_SaysSoNextToTheField()
    {
        await _app.CommandAsync("/goal", "add Learn Rust", Mentee);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, GoalActions.Drop, "1"));

        var ack = await SubmitAsync(ProgressModal.CallbackId, new()
        {
            [ProgressModal.PercentBlock] = Interactions.SelectValue("70"),
        }, new GoalModalState(1, null).Serialize());

        Assert.Contains("was dropped", ack!["errors"]![ProgressModal.PercentBlock]!.ToString());
        Assert.Equal(0, GoalOf(_app, Mentee, 1).Progress);
    }
}
