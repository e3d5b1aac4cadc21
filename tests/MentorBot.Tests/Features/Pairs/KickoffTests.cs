using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.Pairs;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

[Trait(Tier.Name, Tier.Host)]
public class KickoffTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonObject?> SubmitAsync(string userId, Pair pair, Dictionary<string, JsonObject> values)
    {
        var response = await _app.InteractAsync(Interactions.Submit(userId, KickoffModal.CallbackId, values, pair.Id.ToString()));
        var body = await response.Content.ReadAsStringAsync();
        return body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
    }

    [Fact]
    public async Task SetExpectations_OpensTheModal()
    {
        var pair = await PairAsync(_app);
        await _app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.KickoffOpen, pair.Id.ToString()));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Null(open.Rejected);
        Assert.Equal(KickoffModal.CallbackId, open.Args["view"]?["callback_id"]?.ToString());
        Assert.Contains("How often should we meet?", Read(open));
    }

    [Fact]
    public async Task OneAnswer_IsKept_ButNotSharedUntilBothAnswered()
    {
        var pair = await PairAsync(_app);
        Assert.Null(await SubmitAsync(Mentor, pair, KickoffValues("Help Nico grow into a lead", "Weekly", "Monday", "10:00", "video")));
        await DmAsync(_app, Mentor, "once <@UMENTEE> has answered");
        Assert.DoesNotContain(_app.Slack.DmsTo(Mentee), c => Read(c).Contains("grow into a lead"));
        Assert.True(Current(_app).CadenceIsDefault);
    }

    [Fact]
    public async Task BothAnswers_AreShownSideBySide_AndTheMenteesCadenceStands()
    {
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, KickoffValues("Help Nico grow into a lead", "Weekly", "Monday", "10:00", "video"));
        await SubmitAsync(Mentee, pair, KickoffValues("Learn to run design reviews", "EveryTwoWeeks", "Tuesday", "09:30", "dm", "in_person"));

        foreach (var person in new[] { Mentor, Mentee })
        {
            var dm = await DmAsync(_app, person, "Your expectations, side by side");
            Assert.Null(dm.Rejected);
            var text = Read(dm);
            Assert.Contains("Help Nico grow into a lead", text);
            Assert.Contains("Learn to run design reviews", text);
            Assert.Contains("Slack DM, in person, 30 min", text);
            Assert.Contains("<@UMENTEE>'s choice stands", text);
        }
        var updated = Current(_app);
        Assert.False(updated.CadenceIsDefault);
        Assert.Equal(new Cadence { Kind = CadenceKind.EveryTwoWeeks, Day = DayOfWeek.Tuesday, At = new TimeOnly(9, 30) }, updated.Cadence);
        // Tuesday 09:30 in New York (EST) the day after the start.
        Assert.Equal(Utc(2026, 3, 3, 14, 30), updated.NextCheckInUtc);
    }

    [Fact]
    public async Task SetExpectations_PressedAgainAfterBothAnswered_SaysTheAgreementStands_AndChangesNothing()
    {
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, KickoffValues("a", "Weekly", "Monday", "10:00", "video"));
        await SubmitAsync(Mentee, pair, KickoffValues("b", "EveryTwoWeeks", "Tuesday", "09:30", "dm"));
        var agreed = Current(_app).Cadence;

        await _app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.KickoffOpen, pair.Id.ToString(), responseUrl: _app.Slack.ResponseUrl("kick")));
        var told = await LaterReplyAsync(_app, "agreement stands");

        Assert.Contains("/mentor cadence <@UMENTEE>", Read(told));
        Assert.Empty(_app.Slack.Calls("views.open"));
        Assert.Equal(agreed, Current(_app).Cadence);
    }

    [Fact]
    public async Task Agreeing_SaysSo()
    {
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, KickoffValues("a", "MonthlyNthWeekday", "Friday", "15:00", "huddle"));
        await SubmitAsync(Mentee, pair, KickoffValues("b", "MonthlyNthWeekday", "Friday", "15:00", "huddle"));
        var dm = await DmAsync(_app, Mentee, "Your expectations, side by side");
        Assert.Contains("You agree", Read(dm));
        Assert.Contains("monthly on the first Friday at 15:00", Read(dm));
    }

    [Fact]
    public async Task MissingAnswers_KeepTheModalOpenWithAMessage()
    {
        var pair = await PairAsync(_app);
        var reply = await SubmitAsync(Mentor, pair, KickoffValues(null, "Weekly", "Monday", "10:00"));
        Assert.Equal("errors", reply?["response_action"]?.ToString());
        Assert.NotNull(reply?["errors"]?["want"]);
        Assert.NotNull(reply?["errors"]?["ways"]);
    }

    [Fact]
    public async Task SomeoneOutsideThePair_CannotAnswerForIt()
    {
        var pair = await PairAsync(_app);
        var reply = await SubmitAsync(Outsider, pair, KickoffValues("sneaky", "Weekly", "Monday", "10:00", "dm"));
        Assert.Equal("errors", reply?["response_action"]?.ToString());
        Assert.Null(_app.Get<KickoffStore>().Get(pair.Id, Outsider));
    }
}
