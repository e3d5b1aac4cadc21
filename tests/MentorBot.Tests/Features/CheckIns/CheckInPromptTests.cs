using System.Text.Json.Nodes;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Goals;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Features.CheckIns;

[Trait(Tier.Name, Tier.Host)]
public class CheckInPromptTests : IAsyncLifetime
{
    private TestApp _app = null!;
    private Pair _pair = null!;
    private string _checkInId = "";

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartFreshAsync();
        _pair = StartPair(_app);
        var goals = _app.Get<GoalStore>();
        var now = _app.Time.GetUtcNow();
        goals.Change(Mentee, goals.Add(Mentee, "Ship the <b>billing</b> service", now).Number, g => g with { Progress = 40 });
        goals.Add(Mentee, "Secret private goal", now, visibility: GoalVisibility.OnlyMe);
        _app.Get<CheckInStore>().AddAgenda(_pair.Id, Mentee, "Talk about the promo case", now);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<SlackCall> PromptAsync()
    {
        await TickAtAsync(_app, _pair.NextCheckInUtc!.Value + Session);
        var prompt = Assert.Single(Prompts(_app));
        _checkInId = ButtonValue(prompt, CheckInMessages.Met);
        return prompt;
    }

    private CheckIn Current => _app.Get<CheckInStore>().Get(_checkInId)!;

    [Fact]
    public async Task ThePrompt_ShowsWhoGoalsAgenda_ThreeOneTapOutcomes_TheRestInAMenu_AndPause()
    {
        var prompt = await PromptAsync();
        var visible = prompt.Shown();
        Assert.Contains($"<@{Mentee}>", visible);
        Assert.Contains("Ship the &lt;b&gt;billing&lt;/b&gt; service", visible);
        Assert.Contains("40%", visible);
        Assert.DoesNotContain("Secret private goal", visible);
        Assert.Contains("Talk about the promo case", visible);
        var buttons = Buttons(prompt.Args["blocks"]).Select(b => b["text"]!["text"]!.ToString()).ToList();
        Assert.Equal(["We met", "Not yet — remind me tomorrow", "Skip this time"], buttons); // at most three buttons
        Assert.Equal(["async|" + _checkInId, "notes|" + _checkInId, "pause|" + _checkInId], MenuValues(prompt, CheckInMessages.More));
        Assert.Contains("Quick async check-in", visible);
        Assert.Contains("Add notes", visible);
        Assert.Contains("Pause these check-ins…", visible);
        // Nothing else to press: the three outcomes and the "⋯" menu are the only controls.
        Assert.Single(prompt.Args["blocks"]!.AsArray(), b => b!["type"]!.ToString() == "actions");
    }

    [Theory]
    [InlineData("notes", "checkin.notes")]
    [InlineData("async", null)]
    [InlineData("pause", CheckInMessages.PauseModal)]
    public async Task TheMenu_LeadsToWhatTheButtonsDid(string choice, string? modal)
    {
        await PromptAsync();
        await ChooseAsync(_app, Mentor, CheckInMessages.More, $"{choice}|{_checkInId}", _checkInId);
        if (modal is not null)
            Assert.Equal(modal, (await _app.Slack.WaitForCallAsync("views.open")).Args["view"]!["callback_id"]!.ToString());
        else // the mentor asks the mentee for three written answers: queued, and sent on the next tick
        {
            await _app.Slack.WaitForCallAsync("chat.update", c => c.Shown().Contains("three short written answers"));
            await TickAtAsync(_app, _app.Time.GetUtcNow());
            await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("three short questions"));
        }
    }

    [Fact]
    public async Task ThePrompt_ListsExactlyTheGoalsTheGoalStoreLetsTheMentorSee()
    {
        var goals = _app.Get<GoalStore>();
        var done = goals.Add(Mentee, "Finished shared goal", _app.Time.GetUtcNow());
        goals.Change(Mentee, done.Number, g => g with { Status = GoalStatus.Done });
        goals.Add("USTRANGER", "Someone else's goal", _app.Time.GetUtcNow());

        var visible = (await PromptAsync()).Shown();

        var allowed = goals.OpenSharedWith(Mentee, Mentor).Select(g => g.Title).ToList();
        Assert.Equal(["Ship the <b>billing</b> service"], allowed);
        foreach (var hidden in new[] { "Secret private goal", "Finished shared goal", "Someone else's goal" })
            Assert.DoesNotContain(hidden, visible);
    }

    [Fact]
    public async Task WeMet_OpensNotes_ThenLogsOnce_RetiresThePrompt_SummarisesToBoth_AndBothRatePrivately()
    {
        await PromptAsync();
        await ClickAsync(_app, Mentor, CheckInMessages.Met, _checkInId, _checkInId);
        var modal = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Equal(CheckInMessages.NotesModal, modal.Args["view"]!["callback_id"]!.ToString());
        var meta = modal.Args["view"]!["private_metadata"]!.ToString();

        var response = await _app.InteractAsync(Interactions.Submit(Mentor, CheckInMessages.NotesModal, new Dictionary<string, JsonObject>
        {
            ["discussed"] = Interactions.TextValue("Promo case and billing rollout"), ["next"] = Interactions.TextValue("Draft the promo doc"),
        }, meta));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        var menteeSummary = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("Summary"));
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("Summary"));
        var update = await _app.Slack.WaitForCallAsync("chat.update");
        var (channel, ts) = PromptMessage(_app, _checkInId);
        Assert.Equal((channel, ts), (update.Arg("channel"), update.Arg("ts")));
        Assert.Contains("Answered by you: met on <!date^", update.Shown());
        Assert.Empty(Buttons(update.Args["blocks"]));
        Assert.Contains("Draft the promo doc", menteeSummary.Shown());
        Assert.Contains("Talk about the promo case", menteeSummary.Shown());
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"{n}|{_checkInId}"), MenuValues(menteeSummary, CheckInMessages.Rate));

        Assert.Equal(CheckInStatus.Met, Current.Status);
        Assert.Empty(_app.Get<CheckInStore>().OpenAgenda(_pair.Id));

        // Saving again (double click on Save, or the mentee editing) only edits the notes: no second log, no second summary.
        var again = await _app.InteractAsync(Interactions.Submit(Mentee, CheckInMessages.NotesModal, new Dictionary<string, JsonObject>
        {
            ["discussed"] = Interactions.TextValue("Promo case, billing rollout, and hiring"),
        }, meta));
        Assert.Equal("", await again.Content.ReadAsStringAsync());
        Assert.Equal(("Promo case, billing rollout, and hiring", Mentor), (Current.Discussed, Current.DecidedBy));
        // The edit shows on both records, in place.
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("and hiring"));
        await _app.InteractAsync(Interactions.ButtonClick(Mentor, CheckInMessages.Met, _checkInId));
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already logged"));
        Assert.Single(_app.Slack.Calls("chat.postMessage"), c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("Summary"));

        // Rating: once, 1–5, feeding the value score; the summary (the record) stays, with the rating in place of the question.
        await ChooseAsync(_app, Mentee, CheckInMessages.Rate, "4|" + _checkInId);
        var rated = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("You rated"));
        Assert.Contains("Promo case, billing rollout, and hiring", rated.Shown());
        Assert.Contains("You rated this check-in 4/5", rated.Shown());
        Assert.DoesNotContain(CheckInMessages.Rate + "\"", rated.Shown());
        await ClickAsync(_app, Mentee, CheckInMessages.RatePrefix + "1", _checkInId); // a rating button on an older summary
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already rated"));
        Assert.Equal(4, Current.RatingOf(Mentee));

        // The mentor rates too; neither sees the other's rating, and both count in the value score.
        await ChooseAsync(_app, Mentor, CheckInMessages.Rate, "2|" + _checkInId);
        var mentorRated = await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("You rated"));
        Assert.Contains("You rated this check-in 2/5", mentorRated.Shown());
        Assert.DoesNotContain("4/5", mentorRated.Shown());
        Assert.Equal((4, 2), (Current.RatingOf(Mentee), Current.RatingOf(Mentor)));
        var figures = _app.Services.GetServices<IProgrammeFigures>().SelectMany(f => f.Figures(_app.Time.GetUtcNow())).ToList();
        Assert.Contains(figures, f => f.Value.StartsWith("3.0 average, 50% rated 4–5 (2 ratings)"));
        Assert.Contains(figures, f => f.Value == "1 of 1 due");
        Assert.DoesNotContain(figures, f => f.Value.Contains("promo", StringComparison.OrdinalIgnoreCase));
    }

    // The ack never waits on Slack, for clicks too: with every Web API call taking 3 s, the click is answered at once,
    // the decision is already on disk, and the prompt changes once Slack answers.
    [Theory]
    [InlineData(CheckInMessages.Skip, CheckInStatus.Skipped, "Skipped by you")]
    [InlineData(CheckInMessages.Snooze, CheckInStatus.Open, "remind you")] // still open, with one reminder tomorrow
    public async Task AClick_IsAnsweredAtOnce_WhenSlackIsSlow_AndThePromptChangesAfterwards(string actionId, CheckInStatus status, string updated)
    {
        await PromptAsync();
        _app.Slack.Delay(FakeSlackApi.AnyMethod, TimeSpan.FromSeconds(3));

        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await ClickAsync(_app, Mentor, actionId, _checkInId, _checkInId);

        Assert.True(started.Elapsed < TimeSpan.FromSeconds(1), $"the click was answered after {started.Elapsed.TotalMilliseconds:0} ms: it waited on Slack");
        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal(status, Current.Status);
        var update = await _app.Slack.WaitForCallAsync("chat.update", timeout: TimeSpan.FromSeconds(30));
        Assert.Contains(updated, update.Shown());
    }

    [Fact]
    public async Task Skip_DoubleClicked_HasOneEffect_AndTheSecondClickIsToldSo()
    {
        await PromptAsync();
        await ClickAsync(_app, Mentor, CheckInMessages.Skip, _checkInId, _checkInId);
        await ClickAsync(_app, Mentor, CheckInMessages.Skip, _checkInId, _checkInId);

        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already skipped"));
        var update = await _app.Slack.WaitForCallAsync("chat.update");
        Assert.Contains("Skipped by you: no check-in on", update.Shown());
        Assert.Empty(Buttons(update.Args["blocks"])); // retired: nothing left to press
        Assert.Single(_app.Slack.Calls("chat.update"));
        Assert.Equal((CheckInStatus.Skipped, Mentor), (Current.Status, Current.DecidedBy));
        Assert.DoesNotContain(_app.Slack.Calls("chat.postMessage"), c => c.Shown().Contains("Summary"));
    }

    [Theory]
    [InlineData(CheckInMessages.Met)]
    [InlineData(CheckInMessages.Snooze)]
    [InlineData(CheckInMessages.Skip)]
    [InlineData(CheckInMessages.AsyncStart)]
    [InlineData(CheckInMessages.Notes)]
    [InlineData(CheckInMessages.Pause)]
    [InlineData(CheckInMessages.RatePrefix + "5")]
    [InlineData(CheckInMessages.Rate)]
    [InlineData(CheckInMessages.More)]
    public async Task AStrangersClick_IsRefused_AndChangesNothing(string actionId)
    {
        await PromptAsync();
        var before = _app.Slack.Calls().Count;
        var menuChoice = actionId switch { CheckInMessages.Pause => "2w", CheckInMessages.Rate => "5", CheckInMessages.More => "notes", _ => null };
        if (menuChoice is not null) await ChooseAsync(_app, "USTRANGER", actionId, menuChoice + "|" + _checkInId);
        else await ClickAsync(_app, "USTRANGER", actionId, _checkInId);

        var refusal = await _app.Slack.WaitForCallAsync("chat.postEphemeral");
        Assert.Equal("USTRANGER", refusal.Arg("user"));
        Assert.Contains("another pair", refusal.Shown());
        Assert.Equal(CheckInStatus.Open, Current.Status);
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);
        Assert.Equal(before + 1, _app.Slack.Calls().Count);
        Assert.DoesNotContain(_app.Slack.Calls(), c => c.Shown().Contains("billing") && c.Shown().Contains("USTRANGER"));
    }

    [Fact]
    public async Task AStrangersModalSubmissions_AreRefused()
    {
        await PromptAsync();
        var notes = await SubmitNotesAsync(_app, "USTRANGER", _checkInId, "sneaky", meta: "||");
        var asyncAnswers = await SubmitAsyncAsync(_app, "USTRANGER", _checkInId, "sneaky");
        var agenda = await _app.InteractAsync(Interactions.Submit("USTRANGER", CheckInMessages.AgendaModal,
            new Dictionary<string, JsonObject> { ["item"] = Interactions.TextValue("sneaky") }, _pair.Id.ToString()));

        foreach (var r in new[] { notes, asyncAnswers, agenda }) Assert.Contains("another pair", await r.Content.ReadAsStringAsync());
        Assert.Equal(CheckInStatus.Open, Current.Status);
        Assert.DoesNotContain(_app.Get<CheckInStore>().OpenAgenda(_pair.Id), a => a.Text == "sneaky");
    }

    [Fact]
    public async Task Snooze_MovesTheOneReminderToTomorrow_AndASecondSnoozeAfterItIsDeclined()
    {
        await PromptAsync();
        var due = _pair.NextCheckInUtc!.Value;
        var snoozed = _app.Time.GetUtcNow();
        await ClickAsync(_app, Mentor, CheckInMessages.Snooze, _checkInId, _checkInId);
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Shown().Contains("remind you"));

        await TickAtAsync(_app, snoozed + TimeSpan.FromHours(23));
        Assert.DoesNotContain(_app.Slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith("Reminder"));
        await TickAtAsync(_app, snoozed + TimeSpan.FromHours(24));
        var reminder = Assert.Single(_app.Slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith("Reminder"));
        Assert.Contains(CheckInMessages.Met, reminder.Shown());

        await ClickAsync(_app, Mentor, CheckInMessages.Snooze, _checkInId);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already reminded you once"));
        await RunUntilAsync(_app, due + TimeSpan.FromDays(6), TimeSpan.FromHours(6));
        Assert.Single(_app.Slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith("Reminder"));
    }

    [Fact]
    public async Task QuickAsync_FromTheMentor_AsksTheMentee_WhoseAnswersLogATouchpoint()
    {
        await PromptAsync();
        await ClickAsync(_app, Mentor, CheckInMessages.AsyncStart, _checkInId, _checkInId);
        await ClickAsync(_app, Mentor, CheckInMessages.AsyncStart, _checkInId, _checkInId);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already asked"));
        await TickAtAsync(_app, _app.Time.GetUtcNow() + TimeSpan.FromSeconds(30));
        var ask = Assert.Single(_app.Slack.DmsTo(Mentee), c => c.Shown().Contains("three short questions"));

        await ClickAsync(_app, Mentee, CheckInMessages.AsyncAnswer, ButtonValue(ask, CheckInMessages.AsyncAnswer));
        var modal = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Equal(CheckInMessages.AsyncModal, modal.Args["view"]!["callback_id"]!.ToString());
        var empty = await SubmitAsyncAsync(_app, Mentee, _checkInId, "  ");
        Assert.Contains("progress", await empty.Content.ReadAsStringAsync());

        await SubmitAsyncAsync(_app, Mentee, _checkInId, "Billing is live", "Waiting on review", "An intro to the SRE lead");
        var summary = await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("Summary"));
        Assert.Contains("An intro to the SRE lead", summary.Shown());
        Assert.Equal(CheckInStatus.Async, Current.Status);
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Shown().Contains("async"));
    }

    [Fact]
    public async Task Pause_FromThePrompt_IsThePairsOwnPause_BothAreTold_AndItResumesByItself()
    {
        await PromptAsync();
        var due = _pair.NextCheckInUtc!.Value;
        await ChooseAsync(_app, Mentor, CheckInMessages.More, "pause|" + _checkInId, _checkInId);
        var form = (await _app.Slack.WaitForCallAsync("views.open")).Args["view"]!;
        // The form offers the lengths /mentor pause accepts, and says what a pause does before anything changes.
        Assert.Equal(["1w", "2w", "4w", "8w", "12w", "26w"], form["blocks"]![0]!["element"]!["options"]!.AsArray().Select(o => o!["value"]!.ToString()));
        Assert.Contains("they resume by themselves", form.ToJsonString());
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);
        var meta = form["private_metadata"]!.ToString();
        var stranger = await _app.InteractAsync(Interactions.Submit("USTRANGER", CheckInMessages.PauseModal,
            new Dictionary<string, JsonObject> { ["until"] = Interactions.SelectValue("2w") }, meta));
        Assert.Contains("another pair", await stranger.Content.ReadAsStringAsync());
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);
        await _app.InteractAsync(Interactions.Submit(Mentor, CheckInMessages.PauseModal,
            new Dictionary<string, JsonObject> { ["until"] = Interactions.SelectValue("2w") }, meta));

        // Same words as /mentor pause: the one who paused sees until when, the other is told by DM.
        var update = await _app.Slack.WaitForCallAsync("chat.update", c => c.Shown().Contains("Paused: no check-in prompts for you and <@UMENTEE> until"));
        Assert.Equal(PromptMessage(_app, _checkInId), (update.Arg("channel")!, update.Arg("ts")!));
        await _app.Slack.WaitForCallAsync("chat.postMessage",
            c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains($"<@{Mentor}> paused your pair's check-ins until"));
        var pair = _app.Get<PairStore>().Get(_pair.Id)!;
        var until = due + TimeSpan.FromDays(14) - TimeSpan.FromHours(1); // 09:00 in Amsterdam: the start of that working day
        Assert.Equal((PairStatus.Paused, (DateTimeOffset?)until, (DateTimeOffset?)null), (pair.Status, pair.PausedUntil, pair.NextCheckInUtc));

        // No reminder, no prompt while paused.
        await RunUntilAsync(_app, until - TimeSpan.FromHours(1), TimeSpan.FromHours(6));
        Assert.Single(Prompts(_app));
        Assert.DoesNotContain(_app.Slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith("Reminder"));

        // The pairs feature resumes it, tells both, and prompts come back at the first occurrence after the pause.
        await RunUntilAsync(_app, until + TimeSpan.FromHours(1) + Session, TimeSpan.FromMinutes(30));
        Assert.Single(DmsContaining(_app, Mentor, "Your pause is over"));
        Assert.Single(DmsContaining(_app, Mentee, "Your pause is over"));
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);
        Assert.Equal(2, Prompts(_app).Count);
        Assert.Equal(due + TimeSpan.FromDays(14), _app.Get<CheckInStore>().ForPair(_pair.Id)[^1].DueUtc); // Monday 10:00, the day the pause ends
    }

    [Fact]
    public async Task Pause_ABadOrOldChoice_ChangesNothing()
    {
        await PromptAsync();
        await ChooseAsync(_app, Mentor, CheckInMessages.Pause, "60w|" + _checkInId, _checkInId);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("1 to 26 weeks"));
        // A pause button from before lengths were offered.
        await ClickAsync(_app, Mentor, CheckInMessages.Pause, _checkInId, _checkInId);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("How long should it pause?"));
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);
        Assert.Empty(DmsContaining(_app, Mentee, "paused"));
    }

    [Fact]
    public async Task ThreeIgnoredPrompts_LeadToOneKeepGoingQuestion_AndSilenceUntilAnswered()
    {
        var first = _pair.NextCheckInUtc!.Value;
        await RunUntilAsync(_app, first + TimeSpan.FromDays(21) + TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        Assert.Equal(3, Prompts(_app).Count);
        Assert.Equal(3, _app.Slack.DmsTo(Mentor).Count(c => (c.Arg("text") ?? "").StartsWith("Reminder")));
        var question = Assert.Single(_app.Slack.DmsTo(Mentor), c => c.Shown().Contains("Do you want to keep going?"));
        Assert.Single(_app.Slack.DmsTo(Mentee), c => c.Shown().Contains("Do you want to keep going?"));

        await RunUntilAsync(_app, first + TimeSpan.FromDays(35) + TimeSpan.FromHours(1), TimeSpan.FromHours(6));
        Assert.Equal(3, Prompts(_app).Count);
        Assert.Single(_app.Slack.DmsTo(Mentor), c => c.Shown().Contains("Do you want to keep going?"));

        var pairId = ButtonValue(question, CheckInMessages.KeepGoing);
        await _app.InteractAsync(Interactions.ButtonClick("USTRANGER", CheckInMessages.KeepGoing, pairId));
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("another pair"));
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, CheckInMessages.KeepGoing, pairId));
        await _app.InteractAsync(Interactions.ButtonClick(Mentor, CheckInMessages.KeepEnd, pairId));
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already answered"));
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);

        await RunUntilAsync(_app, first + TimeSpan.FromDays(42) + TimeSpan.FromHours(1), TimeSpan.FromHours(6));
        Assert.Equal(4, Prompts(_app).Count);
        var atRisk = _app.Services.GetServices<IProgrammeFigures>().SelectMany(f => f.Figures(_app.Time.GetUtcNow())).Single(f => f.Label.StartsWith("Pairs with 3 unanswered"));
        Assert.Equal("1", atRisk.Value);
        Assert.Equal("Mentor UMENTOR & Mentee UMENTEE", atRisk.AdminDetail); // admins only: the digest never carries it
    }

    private async Task<(SlackCall Mentor, SlackCall Mentee)> KeepGoingQuestionAsync()
    {
        await RunUntilAsync(_app, _pair.NextCheckInUtc!.Value + TimeSpan.FromDays(21) + TimeSpan.FromHours(1), TimeSpan.FromHours(3));
        return (Assert.Single(_app.Slack.DmsTo(Mentor), c => c.Shown().Contains("Do you want to keep going?")),
            Assert.Single(_app.Slack.DmsTo(Mentee), c => c.Shown().Contains("Do you want to keep going?")));
    }

    [Fact]
    public async Task KeepGoing_AnsweredInsideTheNextCheckInsPrepWindow_StillAsksTheMenteeToComePrepared_Once()
    {
        await KeepGoingQuestionAsync();
        var next = _app.Get<PairStore>().Get(_pair.Id)!.NextCheckInUtc!.Value;
        const string prep = "is coming up. What do you want to talk about?";
        await RunUntilAsync(_app, next - TimeSpan.FromHours(10), TimeSpan.FromHours(3)); // the window opened while prompts were held back
        var prepsBefore = DmsContaining(_app, Mentee, prep).Count;

        await ClickAsync(_app, Mentee, CheckInMessages.KeepGoing, _pair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await RunUntilAsync(_app, next - TimeSpan.FromMinutes(1), TimeSpan.FromHours(1));

        var sent = _app.Get<CheckInStore>().NudgesOfPair(_pair.Id, NudgeKind.Prep).Where(n => n.DueUtc == next && n.RecipientId == Mentee).ToList();
        var dm = Assert.Single(sent);
        Assert.Equal(NudgeStatus.Sent, dm.Status);
        Assert.Equal(prepsBefore + 1, DmsContaining(_app, Mentee, prep).Count);
    }

    [Fact]
    public async Task KeepGoingQuestion_Pause_IsThePairsOwnPause_BothAreTold_AndItResumesByItself()
    {
        var (mentorQuestion, menteeQuestion) = await KeepGoingQuestionAsync();
        var fourWeeks = MenuValues(menteeQuestion, CheckInMessages.KeepPause).Single(v => v.StartsWith("4w|"));
        var now = _app.Time.GetUtcNow();
        await ChooseAsync(_app, Mentee, CheckInMessages.KeepPause, fourWeeks);

        await _app.Slack.WaitForCallAsync("chat.update", c => c.Shown().Contains($"Paused: no check-in prompts for you and <@{Mentor}> until"));
        await _app.Slack.WaitForCallAsync("chat.postMessage",
            c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains($"<@{Mentee}> paused your pair's check-ins until"));
        var mentorCopy = _app.Get<CheckInStore>().NudgesOfPair(_pair.Id, NudgeKind.KeepGoing).Single(n => n.RecipientId == Mentor);
        await _app.Slack.WaitForCallAsync("chat.update", c => c.Arg("ts") == mentorCopy.Ts && c.Shown().Contains("paused your pair's check-ins until"));
        var paused = _app.Get<PairStore>().Get(_pair.Id)!;
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var endsAt = MentorBot.Programme.WorkingHours.StartOfWorkingDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, amsterdam).DateTime).AddDays(28), amsterdam, new MentorBot.Programme.ProgrammeSettings());
        Assert.Equal((PairStatus.Paused, (DateTimeOffset?)endsAt), (paused.Status, paused.PausedUntil));

        // The other copy of the question is answered already.
        await ClickAsync(_app, Mentor, CheckInMessages.KeepGoing, ButtonValue(mentorQuestion, CheckInMessages.KeepGoing));
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Shown().Contains("already answered"));

        var prompts = Prompts(_app).Count;
        await RunUntilAsync(_app, endsAt + TimeSpan.FromDays(7) - TimeSpan.FromHours(1), TimeSpan.FromHours(6));
        Assert.Single(DmsContaining(_app, Mentor, "Your pause is over"));
        Assert.Single(DmsContaining(_app, Mentee, "Your pause is over"));
        Assert.Equal(prompts + 1, Prompts(_app).Count); // one weekly prompt in the week after the pause
    }

    [Fact]
    public async Task KeepGoingQuestion_End_IsThePairsOwnEnd()
    {
        var (mentorQuestion, _) = await KeepGoingQuestionAsync();
        var pairId = ButtonValue(mentorQuestion, CheckInMessages.KeepEnd);
        await ClickAsync(_app, Mentor, CheckInMessages.KeepEnd, pairId);
        var modal = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Equal(EndPairModal.CallbackId, modal.Args["view"]!["callback_id"]!.ToString());
        Assert.Equal(PairStatus.Active, _app.Get<PairStore>().Get(_pair.Id)!.Status);

        await _app.InteractAsync(Interactions.Submit(Mentor, EndPairModal.CallbackId,
            new Dictionary<string, JsonObject> { ["reason"] = Interactions.SelectValue(nameof(EndReason.NoTime)) }, modal.Args["view"]!["private_metadata"]!.ToString()));
        // What /mentor end says: respectfully to the other, a confirmation to the one who ended it.
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("has ended your mentoring pair"));
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("I've let them know respectfully"));
        var ended = _app.Get<PairStore>().Get(_pair.Id)!;
        Assert.Equal((PairStatus.Ended, Mentor, (EndReason?)EndReason.NoTime), (ended.Status, ended.EndedBy, ended.EndReason));
        var figures = _app.Services.GetServices<IProgrammeFigures>().SelectMany(f => f.Figures(_app.Time.GetUtcNow())).ToList();
        Assert.Contains(new ProgrammeFigure(FigureGroup.Pairs, "Ended pairs: no time right now", "1", 1, 1), figures);

        // The mentee's copy of the question can't bring it back.
        await ClickAsync(_app, Mentee, CheckInMessages.KeepGoing, pairId);
        await _app.Slack.WaitForCallAsync("chat.postEphemeral", c => c.Arg("user") == Mentee && c.Shown().Contains("already ended"));
        var prompts = Prompts(_app).Count;
        await RunUntilAsync(_app, _app.Time.GetUtcNow() + TimeSpan.FromDays(15), TimeSpan.FromHours(6));
        Assert.Equal(PairStatus.Ended, _app.Get<PairStore>().Get(_pair.Id)!.Status);
        Assert.Equal(prompts, Prompts(_app).Count);
    }

    [Fact]
    public async Task PrepDm_AddAgendaItem_AndUpdateAGoal_ReachTheMentorsPrompt()
    {
        await TickAtAsync(_app, _pair.NextCheckInUtc!.Value - TimeSpan.FromHours(1));
        var prep = Assert.Single(DmsContaining(_app, Mentee, "What do you want to talk about?"));
        Assert.Contains("Talk about the promo case", prep.Shown());

        await ClickAsync(_app, Mentee, CheckInMessages.AddAgenda, ButtonValue(prep, CheckInMessages.AddAgenda));
        Assert.Equal(CheckInMessages.AgendaModal, (await _app.Slack.WaitForCallAsync("views.open")).Args["view"]!["callback_id"]!.ToString());
        await _app.InteractAsync(Interactions.Submit(Mentee, CheckInMessages.AgendaModal,
            new Dictionary<string, JsonObject> { ["item"] = Interactions.TextValue("Feedback on my <!channel> talk") }, _pair.Id.ToString()));

        await ClickAsync(_app, Mentee, CheckInMessages.UpdateGoal, ButtonValue(prep, CheckInMessages.UpdateGoal));
        await _app.Slack.WaitForCallsAsync("views.open", 2);
        await _app.InteractAsync(Interactions.Submit(Mentee, CheckInMessages.GoalModal, new Dictionary<string, JsonObject>
        {
            ["goal"] = Interactions.SelectValue("1"), ["progress"] = Interactions.SelectValue("70"), ["note"] = Interactions.TextValue("rollout done"),
        }, _pair.Id.ToString()));
        Assert.Equal(70, _app.Get<GoalStore>().Get(Mentee, 1)!.Progress);

        var prompt = await PromptAsync();
        Assert.Contains("Feedback on my &lt;!channel&gt; talk", prompt.Shown());
        Assert.Contains("70%", prompt.Shown());
    }

    [Fact]
    public async Task PersonalData_ExportsTheirCheckIns_AndForgetRemovesWhatTheyWrote()
    {
        await PromptAsync();
        await SubmitNotesAsync(_app, Mentor, _checkInId, "MARKER-notes", meta: "||");
        await _app.Slack.WaitForCallAsync("chat.postMessage", c => c.Shown().Contains("Summary"));
        var data = _app.Services.GetServices<IPersonalData>().Single(d => d.Name == "check-ins");

        Assert.Contains("MARKER-notes", System.Text.Json.JsonSerializer.Serialize(data.Export(Mentee)));
        Assert.DoesNotContain("MARKER-notes", System.Text.Json.JsonSerializer.Serialize(data.Export("USTRANGER")));
        Assert.True(data.Forget(Mentor) > 0);
        Assert.Null(Current.Discussed);
        Assert.DoesNotContain("MARKER-notes", System.Text.Json.JsonSerializer.Serialize(data.Export(Mentee)));
        Assert.Equal(CheckInStatus.Met, Current.Status);
    }

    [Fact]
    public async Task AppHome_ShowsMyNextCheckInAndOpenAgenda()
    {
        var section = _app.Services.GetServices<IAppHomeSection>().OfType<CheckInHomeSection>().Single();
        var mine = (await section.BlocksForAsync(Mentee, _app.Time.GetUtcNow(), default)).Shown();
        Assert.Contains($"<@{Mentor}>", mine);
        Assert.Contains("Talk about the promo case", mine);
        var stranger = (await section.BlocksForAsync("USTRANGER", _app.Time.GetUtcNow(), default)).Shown();
        Assert.DoesNotContain("promo", stranger);
    }
}
