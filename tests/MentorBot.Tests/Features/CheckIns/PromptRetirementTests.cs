using System.Text.Json.Nodes;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using MentorBot.Tests.Features.AdminTests;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Features.CheckIns;

/// <summary>
/// Issue 17 points 6 and 7: an old prompt loses its buttons once its check-in is answered, superseded, paused or ended,
/// and a click on it changes nothing; the record (the summary, the last three check-ins) stays with the pair.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class PromptRetirementTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartFreshAsync();
        _pair = StartPair(_app);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(SlackCall Prompt, string CheckInId)> PromptAsync(string user = Mentor)
    {
        var due = _app.Get<PairStore>().Get(_pair.Id)!.NextCheckInUtc!.Value;
        var before = Prompts(_app, user).Count;
        await TickAtAsync(_app, due + Session);
        var prompt = Prompts(_app, user)[before];
        return (prompt, ButtonValue(prompt, CheckInMessages.Met));
    }

    private SlackCall? LastUpdateOf(string channel, string ts) =>
        _app.Slack.Calls("chat.update").LastOrDefault(c => c.Arg("channel") == channel && c.Arg("ts") == ts);

    [Fact]
    public async Task LastWeeksPrompt_IsRetiredWhenTheNextArrives_AndAClickOnItChangesNothing()
    {
        var (_, first) = await PromptAsync();
        var (channel, ts) = PromptMessage(_app, first);
        var (_, second) = await PromptAsync(); // a week later, nobody answered the first
        await TickAtAsync(_app, _app.Time.GetUtcNow() + TimeSpan.FromSeconds(30));

        var retired = LastUpdateOf(channel, ts);
        Assert.NotNull(retired);
        Assert.Contains("Not logged: the check-in with <@UMENTEE> on <!date^", retired.Shown());
        Assert.Empty(Buttons(retired.Args["blocks"]));
        Assert.True(_app.Get<CheckInStore>().NudgesOf(first).Single(n => n.Kind == NudgeKind.Prompt).Retired);

        // A click that was already on its way (or an old client) is told kindly, and nothing changes.
        var modalsBefore = _app.Slack.Calls("views.open").Count;
        await ClickAsync(_app, Mentor, CheckInMessages.Met, first, first);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("This prompt is out of date"));
        await ClickAsync(_app, Mentor, CheckInMessages.Skip, first, first);
        await _app.DrainFollowUpsAsync();
        Assert.Equal(modalsBefore, _app.Slack.Calls("views.open").Count);
        Assert.Equal(CheckInStatus.NoAnswer, _app.Get<CheckInStore>().Get(first)!.Status);
        Assert.Equal(CheckInStatus.Open, _app.Get<CheckInStore>().Get(second)!.Status);
        Assert.Single(_app.Slack.Calls("chat.update"), c => c.Arg("ts") == ts); // retired once, not rewritten by the clicks
    }

    [Fact]
    public async Task APause_RetiresTheOpenPrompt_WhichIsNeverCountedAsMissed()
    {
        var (_, checkInId) = await PromptAsync();
        var (channel, ts) = PromptMessage(_app, checkInId);
        var reply = await _app.CommandAsync("/mentor", $"pause <@{Mentee}> 2w", Mentor);
        Assert.Contains("Paused", reply.AllText);
        await TickAtAsync(_app, _app.Time.GetUtcNow() + TimeSpan.FromSeconds(30));

        var retired = LastUpdateOf(channel, ts);
        Assert.NotNull(retired);
        Assert.Contains("Closed: check-ins with <@UMENTEE> are paused", retired.Shown());
        Assert.Empty(Buttons(retired.Args["blocks"]));
        Assert.Equal(CheckInStatus.Cancelled, _app.Get<CheckInStore>().Get(checkInId)!.Status);

        await ClickAsync(_app, Mentor, CheckInMessages.Skip, checkInId, checkInId);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("paused or the pairing ended"));
        Assert.False(_app.Services.GetServices<MentorBot.Programme.IProgrammeFigures>().OfType<CheckInFigures>().Single().IsAtRisk(_app.Get<PairStore>().Get(_pair.Id)!));
    }

    [Fact]
    public async Task EndingThePair_RetiresTheOpenPrompt()
    {
        var (_, checkInId) = await PromptAsync();
        var (channel, ts) = PromptMessage(_app, checkInId);
        await _app.InteractAsync(Interactions.Submit(Mentee, EndPairModal.CallbackId, new Dictionary<string, JsonObject>(), _pair.Id.ToString()));
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("has ended your mentoring pair"));
        await TickAtAsync(_app, _app.Time.GetUtcNow() + TimeSpan.FromSeconds(30));

        var retired = LastUpdateOf(channel, ts);
        Assert.NotNull(retired);
        Assert.Contains("Closed: your pairing with <@UMENTEE> ended", retired.Shown());
        Assert.Empty(Buttons(retired.Args["blocks"]));
    }

    [Fact]
    public async Task ForgetMe_RetiresThePartnersPrompt_NamingAFormerMember()
    {
        var (_, checkInId) = await PromptAsync();
        var (channel, ts) = PromptMessage(_app, checkInId);
        await _app.CommandAsync("/mentor", "forget-me", Mentee);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, MentorBot.Features.Admin.ForgetMeCommand.ConfirmAction, Mentee,
            responseUrl: _app.Slack.ResponseUrl("forget")));
        await _app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "forget");
        await TickAtAsync(_app, _app.Time.GetUtcNow() + TimeSpan.FromSeconds(30));

        var retired = LastUpdateOf(channel, ts);
        Assert.NotNull(retired);
        Assert.Contains("Closed: your pairing with a former member ended", retired.Shown());
        Assert.DoesNotContain(Mentee, retired.Shown());
    }

    [Fact]
    public async Task InAPeerPair_OnePersonsAnswer_RetiresTheOthersPrompt_SayingWhoAnswered()
    {
        await using var app = await TestApp.StartFreshAsync();
        var pair = StartPair(app, type: PairType.Peer);
        await TickAtAsync(app, pair.NextCheckInUtc!.Value + Session);
        var checkInId = ButtonValue(Prompts(app, Mentee).Single(), CheckInMessages.Met);

        await SubmitNotesAsync(app, Mentor, checkInId, "Pairing on the API", "Ship the draft");
        var (channel, ts) = PromptMessage(app, checkInId, Mentee);
        var update = await app.Slack.WaitForCallAsync("chat.update", c => c.Arg("channel") == channel && c.Arg("ts") == ts);
        Assert.Contains("Answered by <@UMENTOR>: met on <!date^", update.Shown());
        Assert.Empty(Buttons(update.Args["blocks"]));
        await app.DrainFollowUpsAsync();
        Assert.All(app.Get<CheckInStore>().NudgesOf(checkInId).Where(n => n.Kind == NudgeKind.Prompt), n => Assert.True(n.Retired));
    }

    [Fact]
    public async Task NotYet_KeepsWhoAndWhen_AndTheButtons()
    {
        var (_, checkInId) = await PromptAsync();
        await ClickAsync(_app, Mentor, CheckInMessages.Snooze, checkInId, checkInId);
        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Shown().Contains("remind you"));
        Assert.Contains("Your check-in with <@UMENTEE> (<!date^", update.Shown());
        Assert.Contains(CheckInMessages.Met, update.Shown());
    }

    [Fact]
    public async Task TheLastThreeCheckIns_WithTheirNextSteps_AreOnBothHomesAndInMentorPairs_ForTheTwoOnly()
    {
        for (var week = 1; week <= 4; week++)
        {
            var (_, checkInId) = await PromptAsync();
            await SubmitNotesAsync(_app, Mentor, checkInId, $"week {week} talk", $"next steps of week {week}");
            await _app.DrainFollowUpsAsync();
        }

        foreach (var person in new[] { Mentor, Mentee })
        {
            var home = (await _app.OpenHomeAsync(person)).Shown();
            Assert.Contains("Last check-ins", home);
            Assert.Contains("next steps of week 4", home);
            Assert.Contains("next steps of week 2", home);
            Assert.DoesNotContain("next steps of week 1", home); // three, not all
            Assert.DoesNotContain("week 4 talk", home); // what was discussed stays in the summary
        }
        var pairs = await _app.CommandAsync("/mentor", "pairs", Mentee);
        Assert.Contains("next steps of week 3", pairs.AllText);

        _app.Slack.AddUser("USTRANGER", "Stranger", "Europe/Amsterdam");
        Assert.DoesNotContain("next steps of week", (await _app.OpenHomeAsync("USTRANGER")).Shown());
        Assert.DoesNotContain("next steps of week", (await _app.CommandAsync("/mentor", "pairs", "USTRANGER")).AllText);
    }
}
