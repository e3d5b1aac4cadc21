using System.Net;
using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Tests.Reliability;

/// <summary>Plan 6.3 H13: someone else's buttons and ids in crafted payloads never reach another person's data.</summary>
[Trait(Tier.Name, Tier.Host)]
public class AuthorisationTests : IAsyncLifetime
{
    private const string Secret = "SECRET-GOAL-4c1d only my mentor may read this";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartFreshAsync();
        var saved = await _app.CommandAsync("/goal", "add " + Secret, "UOWNER");
        Assert.True(Storage.IsGoalSaved(saved), saved.AllText);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private BsonDocument OwnersGoal() => _app.Get<MentorDb>().Collection<BsonDocument>("goals").FindAll().Single();

    [Theory]
    [InlineData("goal.done", "1")]
    [InlineData("goal.drop", "1")]
    [InlineData("goal.show", "1")]
    [InlineData("goal.details", "1")]
    [InlineData("goal.progress", "1")]
    [InlineData("goal.done", "UOWNER:1")]
    [InlineData("goal.show", "UOWNER:1")]
    [InlineData("goal.page", "1")]
    public async Task H13_AStrangerClickingTheOwnersGoalButtons_ChangesNothing_AndSeesNothing(string actionId, string value)
    {
        var before = OwnersGoal().ToString();
        var click = Interactions.ButtonClick("USTRANGER", actionId, value, responseUrl: _app.Slack.ResponseUrl("stranger"), triggerId: "trigger-stranger");
        var response = await _app.InteractAsync(click);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(300); // follow-ups (response_url, views.open) run after the ack

        Assert.Equal(before, OwnersGoal().ToString());
        Assert.DoesNotContain(_app.Slack.Calls(), c => c.Visible.Contains("SECRET-GOAL-4c1d"));
        Assert.DoesNotContain("SECRET-GOAL-4c1d", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("list <@UOWNER>")]
    [InlineData("list <@UOWNER|owner>")]
    [InlineData("list UOWNER")]
    [InlineData("done 1")]
    [InlineData("note 1 hello")]
    public async Task H13_AStrangerNamingTheOwnerInCommands_SeesNothing(string text)
    {
        var reply = await _app.CommandAsync("/goal", text, "USTRANGER");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.DoesNotContain("SECRET-GOAL-4c1d", reply.AllText);
        Assert.Equal("Open", OwnersGoal()["Status"].AsString);
    }
}
