using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.Pairs;
using MentorBot.Tests.Features.AdminTests;
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
    public async Task OneAnswer_IsKept_ButNotSharedUntilBothAnswered_AndTheOtherSeesItPreselected()
    {
        var pair = await PairAsync(_app);
        Assert.Null(await SubmitAsync(Mentor, pair, KickoffValues("Help Nico grow into a lead", "MonthlyNthWeekday", "Thursday", "15:00", "video")));
        await DmAsync(_app, Mentor, "once they've answered too");
        Assert.DoesNotContain(_app.Slack.DmsTo(Mentee), c => Read(c).Contains("grow into a lead"));
        Assert.True(Current(_app).CadenceIsDefault);

        await _app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.KickoffOpen, pair.Id.ToString()));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        var view = Read(open);
        Assert.Contains("<@UMENTOR> proposed *monthly on the first Thursday at 15:00*: it's preselected", view);
        var blocks = open.Args["view"]!["blocks"]!.AsArray();
        string Initial(string blockId) => blocks.Single(b => b!["block_id"]?.ToString() == blockId)!["element"]!["initial_option"]!["value"]!.ToString();
        Assert.Equal(("MonthlyNthWeekday", "Thursday", "Europe/Amsterdam"), (Initial("frequency"), Initial("day"), Initial("zone")));
        Assert.DoesNotContain("grow into a lead", view); // the time, not what they wrote
    }

    [Fact]
    public async Task TheSecondAnswerKeepingTheProposal_IsTheAgreement_SeenSideBySide()
    {
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, WithZone(KickoffValues("a", "MonthlyNthWeekday", "Friday", "15:00", "huddle"), "Europe/Amsterdam"));
        await SubmitAsync(Mentee, pair, WithZone(KickoffValues("b", "MonthlyNthWeekday", "Friday", "15:00", "huddle"), "Europe/Amsterdam"));
        var dm = await DmAsync(_app, Mentee, "Your expectations, side by side");
        Assert.Contains("You agree: *monthly on the first Friday at 15:00 Amsterdam time, that is 09:00 your time (15:00 for <@UMENTOR>), 30 min*", Read(dm)); // in the reader's time
        Assert.False(Current(_app).CadenceIsDefault);
        Assert.Equal("Europe/Amsterdam", Current(_app).MeetingZoneId);
    }

    [Fact]
    public async Task ADifferentSecondAnswer_IsAProposal_TheFirstPersonAcceptsWithOneTap()
    {
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, KickoffValues("Help Nico grow into a lead", "Weekly", "Monday", "10:00", "video"));
        await SubmitAsync(Mentee, pair, KickoffValues("Learn to run design reviews", "EveryTwoWeeks", "Tuesday", "09:30", "dm", "in_person"));

        var mentorsCopy = await DmAsync(_app, Mentor, "Your expectations, side by side");
        var menteesCopy = await DmAsync(_app, Mentee, "Your expectations, side by side");
        foreach (var dm in new[] { mentorsCopy, menteesCopy })
        {
            Assert.Null(dm.Rejected);
            Assert.Contains("Help Nico grow into a lead", Read(dm));
            Assert.Contains("Learn to run design reviews", Read(dm));
            Assert.Contains("Slack DM, in person, 30 min", Read(dm));
        }
        Assert.Contains("<@UMENTEE> proposes *every 2 weeks, Tuesdays 15:30 your time (09:30 for <@UMENTEE>), 30 min*", Read(mentorsCopy));
        Assert.Contains("You proposed", Read(menteesCopy));
        Assert.Null(Support.Buttons.ValueOf(menteesCopy, KickoffAgreements.Accept)); // only the other person confirms
        Assert.True(Current(_app).CadenceIsDefault); // nothing changes silently

        // Both kickoff DMs now offer "Edit agreement".
        var edited = await _app.Slack.WaitForCallsAsync("chat.update", 2, c => Read(c).Contains("Edit agreement"));
        Assert.Equal(2, edited.Select(c => c.Arg("channel")).Distinct().Count());

        await AcceptProposalAsync(_app, Mentor);
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && Read(c).Contains("You agree"));
        var updated = Current(_app);
        Assert.Equal(new Cadence { Kind = CadenceKind.EveryTwoWeeks, Day = DayOfWeek.Tuesday, At = new TimeOnly(9, 30) }, updated.Cadence);
        Assert.Equal(Utc(2026, 3, 3, 14, 30), updated.NextCheckInUtc); // Tuesday 09:30 in New York (EST), the day after the start

        // The same tap again, or the mentee tapping it, changes nothing.
        var value = _app.Slack.DmsTo(Mentor).Select(c => Support.Buttons.ValueOf(c, KickoffAgreements.Accept)).Last(v => v is not null)!;
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, KickoffAgreements.Accept, value));
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => Read(c).Contains("out of date"));
    }

    [Fact]
    public async Task EditAgreement_ProposesTheChangeToTheOther_AndNothingChangesUntilTheyAccept()
    {
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, WithZone(KickoffValues("a", "Weekly", "Monday", "15:00", "video"), "Europe/Amsterdam"));
        await SubmitAsync(Mentee, pair, WithZone(KickoffValues("b", "Weekly", "Monday", "15:00", "video"), "Europe/Amsterdam"));
        var agreed = Current(_app).Cadence;

        await _app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.KickoffOpen, pair.Id.ToString()));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Contains("Edit agreement", Read(open));
        Assert.Null(await SubmitAsync(Mentee, pair, WithZone(KickoffValues("b", "Weekly", "Wednesday", "15:00", "video"), "Europe/Amsterdam")));

        var proposal = await DmAsync(_app, Mentor, "proposes a new meeting time");
        Assert.Contains("*Wednesdays 15:00 your time (09:00 for <@UMENTEE>), 30 min* (now: Mondays 15:00 your time (09:00 for <@UMENTEE>), 30 min)", Read(proposal));
        await DmAsync(_app, Mentee, "confirms your new time with one tap");
        Assert.Equal(agreed, Current(_app).Cadence);

        await AcceptProposalAsync(_app, Mentor);
        await DmAsync(_app, Mentee, "<@UMENTOR> accepted the change");
        await DmAsync(_app, Mentor, "You accepted the change");
        Assert.Equal(DayOfWeek.Wednesday, Current(_app).Cadence.Day);
    }

    [Fact]
    public async Task SomeoneWhoNeverAnswers_GetsOneReminder_TwoWorkingDaysAfterTheKickoff()
    {
        // Started on Monday 2 March 09:00 UTC (04:00 in New York); the mentor answers at once, the mentee never does.
        var pair = await PairAsync(_app);
        await SubmitAsync(Mentor, pair, KickoffValues("a", "Weekly", "Monday", "10:00", "video"));
        var jobs = _app.Get<MentorBot.Scheduling.PeriodicJobs>();
        async Task RunUntil(DateTimeOffset until)
        {
            for (var t = _app.Time.GetUtcNow(); t <= until; t += TimeSpan.FromMinutes(30))
            {
                _app.Time.SetUtcNow(t);
                await jobs.RunOnceAsync();
            }
            await _app.DrainFollowUpsAsync();
        }
        List<SlackCall> Reminders(string user) => _app.Slack.DmsTo(user).Where(c => Read(c).Contains("A friendly reminder")).ToList();

        // Two working days later in the mentee's own zone: Wednesday 04:00 there, held to 09:00 (14:00 UTC).
        await RunUntil(Utc(2026, 3, 4, 13, 30));
        Assert.Empty(Reminders(Mentee));
        await RunUntil(Utc(2026, 3, 4, 14, 0));
        var reminder = Assert.Single(Reminders(Mentee));
        Assert.Contains("<@UMENTOR> has answered and is waiting for you", Read(reminder));
        Assert.Contains(PairActions.KickoffOpen, Read(reminder));

        await RunUntil(Utc(2026, 3, 12, 14, 0));
        Assert.Single(Reminders(Mentee)); // once
        Assert.Empty(Reminders(Mentor)); // who answered is not reminded
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
