using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using MentorBot.Scheduling;
using Microsoft.Extensions.Time.Testing;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

[Trait(Tier.Name, Tier.Host)]
public class MatchFlowTests
{
    private static async Task<TestApp> ProgrammeAsync(FakeTimeProvider? time = null)
    {
        var app = await StartAsync(time: time);
        await app.SignUpAsync("UM1", "mentee", "public speaking, Kubernetes");
        await app.SignUpAsync("UM2", "mentee", "sales");
        await app.SignUpAsync("UM3", "mentee", "design");
        await app.SignUpAsync("UX", "mentor", "Kubernetes, public speaking", 1);
        await app.SignUpAsync("UY", "mentor", "sales, design", 2);
        await app.SignUpAsync("UZ", "mentor", "sales", 1);
        await app.SignUpAsync("UW", "mentor", "cooking", 1);
        return app;
    }

    private static async Task<MatchRun> MatchAsync(TestApp app)
    {
        var reply = await app.CommandAsync("/mentor", "match", AdminId);
        Assert.Contains("Nobody is messaged until you approve", reply.Text);
        var ready = await app.Slack.WaitForCallAsync("response_url", c => Seen(c).Contains("proposal is ready"));
        Assert.Contains("3 of 3 mentees matched (100 %)", Seen(ready));
        await app.DrainFollowUpsAsync();
        return app.Get<MatchStore>().Staged()!;
    }

    private static string Seen(SlackCall call) => MentorBot.Tests.Support.Readable.Json(call.Args);

    private static bool IsKickoff(SlackCall call) => Seen(call).Contains("Meet your mentoring partner");

    [Fact]
    public async Task AnUnknownMatchWord_IsAnsweredWithAnExampleDateThatIsValidToday()
    {
        await using var app = await ProgrammeAsync();
        var reply = await app.CommandAsync("/mentor", "match frobnicate", AdminId);
        var example = System.Text.RegularExpressions.Regex.Match(reply.Text, @"match on (\d{4}-\d{2}-\d{2})").Groups[1].Value;
        var day = DateOnly.ParseExact(example, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        Assert.True(day > today.AddDays(7), $"{day} is not ahead of {today}");
        Assert.Equal(DayOfWeek.Monday, day.DayOfWeek);
    }

    [Fact]
    public async Task Match_StagesAProposal_ThenSwapAndApproveAll_SendKickoffsToExactlyTheApprovedPairs()
    {
        await using var app = await ProgrammeAsync();
        var run = await MatchAsync(app);

        var proposed = run.Pairs.ToDictionary(p => p.MenteeId, p => p.MentorId);
        Assert.Equal("UX", proposed["UM1"]);
        Assert.Equal("UY", proposed["UM3"]);
        Assert.Contains(proposed["UM2"], new[] { "UY", "UZ" });
        Assert.DoesNotContain(app.Slack.Calls("chat.postMessage"), c => IsKickoff(c)); // nobody is messaged before approval
        var home = await app.OpenHomeAsync(AdminId);
        Assert.Contains("both: public speaking, Kubernetes", Seen(home));
        Assert.Contains("Repeats: 0 · rule violations: 0", MentorBot.Tests.Support.Readable.Strings(home.Args["view"]));
        Assert.Contains("<@UW> (mentor): no waiting mentee fits", MentorBot.Tests.Support.Readable.Strings(home.Args["view"]));

        // Swap UM2's mentor for the other sales mentor.
        var other = proposed["UM2"] == "UY" ? "UZ" : "UY";
        await app.InteractAsync(Interactions.Choose(AdminId, MatchProposalView.PairMenu, $"swap|{run.Id}|UM2", type: "overflow"));
        var swap = await app.Slack.WaitForCallAsync("views.open", c => Seen(c).Contains(MatchSwapModal.CallbackId));
        Assert.Contains(other, Seen(swap));
        Assert.True(Seen(swap).IndexOf(other, StringComparison.Ordinal) < Seen(swap).IndexOf("UW", StringComparison.Ordinal)); // best score first
        Assert.DoesNotContain("\"UX\"", Seen(swap)); // its one place is held by UM1's proposal
        var swapped = await app.InteractAsync(Interactions.Submit(AdminId, MatchSwapModal.CallbackId,
            new Dictionary<string, JsonObject> { ["mentor"] = Interactions.SelectValue(other) }, privateMetadata: $"{run.Id}|UM2"));
        Assert.Contains("clear", await swapped.Content.ReadAsStringAsync());
        Assert.Equal(other, app.Get<MatchStore>().Get(run.Id)!.Pairs.Single(p => p.MenteeId == "UM2").MentorId);

        await app.InteractAsync(Interactions.ViewButtonClick(AdminId, MatchProposalView.ApproveAll, run.Id.ToString()));
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(AdminId) && Seen(c).Contains("Approved 3 pairs"));

        var pairs = app.Get<PairStore>().AllCurrent().Select(p => (p.MentorId, p.MenteeId)).OrderBy(p => p.MenteeId).ToList();
        Assert.Equal([("UX", "UM1"), (other, "UM2"), ("UY", "UM3")], pairs);
        var kickoffs = app.Slack.Calls("chat.postMessage").Where(IsKickoff).Select(c => c.Arg("channel")).Order().ToList();
        Assert.Equal(new[] { "UM1", "UM2", "UM3", "UX", "UY", other }.Distinct().Select(FakeSlackApi.DmOf).Order(), kickoffs);
        var intro = app.Slack.Calls("chat.postMessage").First(c => IsKickoff(c) && c.Arg("channel") == FakeSlackApi.DmOf("UM1"));
        Assert.Contains("Why you two", Seen(intro));
        Assert.Contains("You both named public speaking, Kubernetes", Seen(intro));
        Assert.DoesNotContain("65", MentorBot.Tests.Support.Readable.Strings(intro.Args["blocks"])); // the score stays with the admins
        Assert.Null(app.Get<MatchStore>().Staged()); // everything decided: the run is closed
        Assert.Equal(SignUpStatus.Paired, app.Get<SignUpStore>().Get("UM2", SignUpRole.Mentee)!.Status);
    }

    [Fact]
    public async Task Match_RefusesClearly_WhenThereIsNothingToMatch_OrTheDateIsWrong()
    {
        await using var app = await StartAsync();
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 6, 10, 0, 0, TimeSpan.Zero));

        await app.CommandAsync("/mentor", "match", "UNOTADMIN"); // never looked up: checked with Slack after the ack
        await app.Slack.WaitForCallAsync("response_url", c => Seen(c).Contains(Admins.Refusal));
        Assert.Contains("Nobody has signed up yet", (await app.CommandAsync("/mentor", "match", AdminId)).Text);
        await app.SignUpAsync("UM1", "mentee", "sales");
        Assert.Contains("Only mentees have signed up so far (1 waiting)", (await app.CommandAsync("/mentor", "match", AdminId)).Text);
        Assert.Contains("has passed", (await app.CommandAsync("/mentor", "match on 2026-12-01", AdminId)).Text);
        Assert.Contains("is today", (await app.CommandAsync("/mentor", "match on 2027-01-06", AdminId)).Text);
        Assert.Contains("couldn't read `someday` as a date", (await app.CommandAsync("/mentor", "match on someday", AdminId)).Text);
        Assert.Contains("I didn't understand", (await app.CommandAsync("/mentor", "match everyone", AdminId)).Text);
        Assert.Null(app.Get<MatchStore>().NextRound());
        Assert.Null(app.Get<MatchStore>().Staged());
    }

    [Fact]
    public async Task Approve_RechecksEachPair_AndSaysWhoChanged_WhenTheProposalIsStale()
    {
        await using var app = await ProgrammeAsync();
        var run = await MatchAsync(app);
        app.Get<SignUpStore>().MarkPaired("UM1", app.Time.GetUtcNow()); // paired by hand meanwhile

        await app.InteractAsync(Interactions.Choose(AdminId, MatchProposalView.PairMenu, $"approve|{run.Id}|UM1", type: "overflow"));
        var told = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(AdminId) && Seen(c).Contains("Not approved"));

        Assert.Contains("<@UM1>: is no longer waiting for a mentor", Seen(told));
        Assert.DoesNotContain(app.Slack.Calls("chat.postMessage"), c => IsKickoff(c));
        Assert.Empty(app.Get<PairStore>().AllCurrent());
        Assert.Equal(StagedPairState.Stale, app.Get<MatchStore>().Get(run.Id)!.Pairs.Single(p => p.MenteeId == "UM1").State);
    }

    [Fact]
    public async Task Swap_RefusesAMentorAtCapacity_AndDeclineIsNeverProposedAgain()
    {
        await using var app = await ProgrammeAsync();
        var run = await MatchAsync(app);
        var um2Mentor = run.Pairs.Single(p => p.MenteeId == "UM2").MentorId;

        // UX's one place is held by UM1's proposal.
        var refused = await app.InteractAsync(Interactions.Submit(AdminId, MatchSwapModal.CallbackId,
            new Dictionary<string, JsonObject> { ["mentor"] = Interactions.SelectValue("UX") }, privateMetadata: $"{run.Id}|UM2"));
        var body = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.ToString());
        Assert.Contains("at capacity", body["errors"]!["mentor"]!.ToString());
        Assert.Equal(um2Mentor, app.Get<MatchStore>().Get(run.Id)!.Pairs.Single(p => p.MenteeId == "UM2").MentorId);

        await app.InteractAsync(Interactions.Choose(AdminId, MatchProposalView.PairMenu, $"decline|{run.Id}|UM1", type: "overflow"));
        await app.DrainFollowUpsAsync();
        Assert.Equal(StagedPairState.Declined, app.Get<MatchStore>().Get(run.Id)!.Pairs.Single(p => p.MenteeId == "UM1").State);

        var again = await MatchAsync2(app);
        Assert.DoesNotContain(again.Pairs, p => p.MenteeId == "UM1" && p.MentorId == "UX");
    }

    private static async Task<MatchRun> MatchAsync2(TestApp app)
    {
        var before = app.Get<MatchStore>().Staged()?.Id;
        await app.CommandAsync("/mentor", "match", AdminId);
        await app.Slack.WaitForCallsAsync("response_url", 2, c => Seen(c).Contains("proposal is ready"));
        var run = app.Get<MatchStore>().Staged()!;
        Assert.NotEqual(before, run.Id);
        return run;
    }

    [Fact]
    public async Task ScheduledRound_SendsOneHeadsUpTheWorkingDayBefore_AndLeavesOutWhoSkipped()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 1, 6, 10, 0, 0, TimeSpan.Zero)); // a Wednesday
        await using var app = await ProgrammeAsync(time);
        var reply = await app.CommandAsync("/mentor", "match on 2027-01-11", AdminId);
        Assert.Contains("Matching round set for *Monday 11 January 2027*", reply.Text);
        Assert.Contains("on Friday 8 January 2027", reply.Text);

        bool IsHeadsUp(SlackCall c) => c.Method == "chat.postMessage" && Seen(c).Contains("You'll be matched tomorrow");
        var jobs = app.Get<PeriodicJobs>();
        time.SetUtcNow(new DateTimeOffset(2027, 1, 7, 16, 0, 0, TimeSpan.Zero));
        await jobs.RunOnceAsync();
        Assert.DoesNotContain(app.Slack.Calls(), IsHeadsUp);

        time.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 5, 0, TimeSpan.Zero)); // Friday, inside UTC working hours
        await jobs.RunOnceAsync();
        await jobs.RunOnceAsync();
        var headsUps = app.Slack.Calls().Where(IsHeadsUp).Select(c => c.Arg("channel")).Order().ToList();
        Assert.Equal(new[] { "UM1", "UM2", "UM3", "UW", "UX", "UY", "UZ" }.Select(FakeSlackApi.DmOf).Order(), headsUps);

        var round = app.Get<MatchStore>().NextRound()!;
        await app.InteractAsync(Interactions.ButtonClick("UM2", MatchActions.Skip, round.Id.ToString(), responseUrl: app.Slack.ResponseUrl("skip")));
        var skipped = await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "skip");
        Assert.Contains("you're not in the matching round of Monday 11 January 2027", Seen(skipped));

        time.SetUtcNow(new DateTimeOffset(2027, 1, 11, 9, 1, 0, TimeSpan.Zero));
        await jobs.RunOnceAsync();
        await jobs.RunOnceAsync();
        var ready = app.Slack.Calls("chat.postMessage").Where(c => c.Arg("channel") == FakeSlackApi.DmOf(AdminId) && Seen(c).Contains("Today's matching round is ready")).ToList();
        Assert.Single(ready);
        var run = app.Get<MatchStore>().Staged()!;
        Assert.DoesNotContain(run.Pairs, p => p.MenteeId == "UM2");
        Assert.Contains(run.Unmatched, u => u.UserId == "UM2" && u.Reason == "skipped this round");
        Assert.Null(app.Get<MatchStore>().NextRound());
        Assert.Equal(7, app.Slack.Calls().Count(IsHeadsUp)); // still one each
    }

    [Fact]
    public async Task SignUp_KeepsPicksAndNotWith_AndTheMatcherHonoursNotWith()
    {
        await using var app = await StartAsync();
        app.Get<ProgrammeSettingsStore>().Save(new ProgrammeSettings { Matching = new MatchSettings { Topics = ["Kubernetes", "Sales"] } });
        await app.InteractAsync(Interactions.ButtonClick("UM1", SignUpModal.JoinMentee, "mentee"));
        var open = await app.Slack.WaitForCallAsync("views.open");
        Assert.Contains("What would you like to learn?", Seen(open));
        Assert.Contains("Or pick from the programme's topics", Seen(open));
        Assert.Contains("\"Kubernetes\"", Seen(open));

        var picks = new JsonObject { ["type"] = "multi_static_select", ["selected_options"] = new JsonArray(new JsonObject { ["value"] = "Kubernetes" }) };
        await app.InteractAsync(Interactions.Submit("UM1", SignUpModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["role"] = Interactions.SelectValue("mentee", type: "radio_buttons"), ["topics"] = Interactions.TextValue(""),
            ["picks"] = picks, ["notwith"] = Interactions.UsersValue("value", "UX"),
        }));
        var saved = app.Get<SignUpStore>().Get("UM1", SignUpRole.Mentee)!;
        Assert.Equal(["Kubernetes"], saved.TopicPicks);
        Assert.Equal(["UX"], saved.NotWith);

        await app.SignUpAsync("UX", "mentor", "Kubernetes", 1);
        await app.SignUpAsync("UY", "mentor", "Kubernetes", 1);
        var run = await app.Get<MatchRunner>().RunAsync(AdminId, [], CancellationToken.None);
        Assert.Equal([("UM1", "UY")], run.Pairs.Select(p => (p.MenteeId, p.MentorId)));
        var home = await app.OpenHomeAsync(AdminId);
        Assert.DoesNotContain("UX (mentor): not eligible", MentorBot.Tests.Support.Readable.Strings(home.Args["view"])); // a not-with is never named
    }

    [Fact]
    public async Task Match_ReadsDepartmentAndManagerFromTheConfiguredProfileFields()
    {
        await using var app = await TestApp.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Slack:AdminUserIds:0"] = AdminId, ["People:DepartmentField"] = "XfDEPT", ["People:ManagerField"] = "XfMGR",
        });
        app.Get<ProgrammeSettingsStore>().Save(new ProgrammeSettings { Matching = new MatchSettings { DifferentDepartmentBonus = true, AvoidManagers = true } });
        JsonObject Fields(string department, string? manager = null)
        {
            var fields = new JsonObject { ["XfDEPT"] = new JsonObject { ["value"] = department, ["alt"] = "" } };
            if (manager is not null) fields["XfMGR"] = new JsonObject { ["value"] = manager, ["alt"] = "" };
            return fields;
        }
        app.Slack.ProfileFields["UM1"] = Fields("Sales", manager: "UBOSS");
        app.Slack.ProfileFields["UBOSS"] = Fields("Engineering");
        app.Slack.ProfileFields["USAME"] = Fields("Sales");
        app.Slack.ProfileFields["UOTHER"] = Fields("Finance");
        await app.SignUpAsync("UM1", "mentee", "negotiation");
        foreach (var mentor in new[] { "UBOSS", "USAME", "UOTHER" }) await app.SignUpAsync(mentor, "mentor", "negotiation", 1);

        var run = await app.Get<MatchRunner>().RunAsync(AdminId, [], CancellationToken.None);

        var pair = Assert.Single(run.Pairs);
        Assert.Equal("UOTHER", pair.MentorId); // not their manager; a different department beats the same one
        Assert.Contains("different departments", pair.Score.Reasons());
        Assert.Equal("Sales", app.Get<MentorBot.People.UserDirectory>().Cached("UM1")!.Department);
    }
}
