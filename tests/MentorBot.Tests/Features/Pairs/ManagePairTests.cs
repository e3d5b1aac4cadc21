using MentorBot.Cadences;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;
using MentorBot.Scheduling;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

[Trait(Tier.Name, Tier.Host)]
public class ManagePairTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Pairs_ListsTypeCadenceInMyLocalTimeAndNextCheckIn()
    {
        await PairAsync(_app);
        var mentor = Read(await _app.CommandAsync("/mentor", "pairs", Mentor));
        Assert.Contains("Mentoring* with <@UMENTEE>: you mentor <@UMENTEE>", mentor);
        // Monday 10:00 in New York is 16:00 in Amsterdam that week: each reader sees their own time, and the other's.
        Assert.Contains("Mondays 16:00 your time (10:00 for <@UMENTEE>) (programme default)", mentor);
        Assert.Contains($"<!date^{Utc(2026, 3, 2, 15).ToUnixTimeSeconds()}^", mentor);

        var mentee = await _app.CommandAsync("/mentor", "pairs", Mentee);
        Assert.Equal("ephemeral", mentee.ResponseType);
        Assert.Contains("Mondays 10:00 your time (16:00 for <@UMENTOR>) (programme default)", Read(mentee));

        var nobody = await _app.CommandAsync("/mentor", "pairs", Outsider);
        Assert.Contains("not in a mentoring pair", Read(nobody));
    }

    [Fact]
    public async Task Cadence_ChangesTheScheduleAndTellsTheOtherPerson()
    {
        await PairAsync(_app);
        var reply = await _app.CommandAsync("/mentor", $"cadence <@{Mentor}> 2w on thursday at 08:15", Mentee);
        Assert.Contains("now meet every 2 weeks on Thursday at 08:15 (America/New_York time)", Read(reply));
        await DmAsync(_app, Mentor, "changed your check-in cadence to every 2 weeks on Thursday at 08:15");
        var pair = Current(_app);
        Assert.False(pair.CadenceIsDefault);
        Assert.Equal(Utc(2026, 3, 5, 13, 15), pair.NextCheckInUtc); // Thursday 08:15 EST
    }

    [Fact]
    public async Task Cadence_AcceptsAnyCronExpression_EvenEveryMinute()
    {
        await PairAsync(_app);
        var reply = await _app.CommandAsync("/mentor", $"cadence <@{Mentee}> cron * * * * *", Mentor);
        Assert.Contains("on the schedule `* * * * *`", Read(reply));
        Assert.Equal(Utc(2026, 3, 2, 9, 1), Current(_app).NextCheckInUtc);
    }

    [Fact]
    public async Task Cadence_Default_FollowsTheProgrammeAgain()
    {
        await PairAsync(_app);
        await _app.CommandAsync("/mentor", $"cadence <@{Mentee}> 4w", Mentor);
        Assert.False(Current(_app).CadenceIsDefault);
        await _app.CommandAsync("/mentor", $"cadence <@{Mentee}> default", Mentor);
        Assert.True(Current(_app).CadenceIsDefault);
    }

    [Theory]
    [InlineData($"cadence <@{Mentor}> daily", "don't know the cadence `daily`")]
    [InlineData($"cadence <@{Mentor}> weekly at noon", "After `at`")]
    [InlineData($"cadence <@{Mentor}> cron 0 9 * *", "exactly 5 fields")]
    [InlineData($"cadence <@{Mentor}>", "Which cadence?")]
    [InlineData($"cadence <@{Outsider}> weekly", "not in a pair with <@UOUTSIDER>")]
    [InlineData($"cadence <@{Mentee}> weekly", "That's you!")]
    [InlineData($"pause <@{Mentor}> until 2026-01-01", "is in the past")]
    [InlineData($"pause <@{Mentor}> until soon", "didn't understand `soon`")]
    [InlineData($"pause <@{Mentor}> 60w", "1 to 26 weeks")]
    [InlineData($"pause <@{Mentor}>", "Until when?")]
    [InlineData($"resume <@{Mentor}>", "isn't paused")]
    [InlineData($"end <@{Outsider}>", "not in a pair with")]
    public async Task BadInput_GetsASpecificMessage(string text, string expected)
    {
        await PairAsync(_app);
        var before = Current(_app);
        var reply = await _app.CommandAsync("/mentor", text, Mentee);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(expected, Read(reply));
        Assert.Equal(before, Current(_app));
    }

    [Fact]
    public async Task Pause_StopsCheckIns_AndThePairResumesByItself()
    {
        await PairAsync(_app);
        var reply = await _app.CommandAsync("/mentor", $"pause <@{Mentor}> 2w", Mentee);
        Assert.Contains("resumes by itself", Read(reply));
        await DmAsync(_app, Mentor, "paused your pair's check-ins");
        Assert.Equal((PairStatus.Paused, (DateTimeOffset?)null), (Current(_app).Status, Current(_app).NextCheckInUtc));

        var jobs = _app.Get<PeriodicJobs>();
        _app.Time.Advance(TimeSpan.FromDays(13));
        await jobs.RunOnceAsync();
        Assert.Equal(PairStatus.Paused, Current(_app).Status);

        _app.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromHours(3) + TimeSpan.FromMinutes(59));
        await jobs.RunOnceAsync();
        Assert.Equal(PairStatus.Paused, Current(_app).Status); // 08:59 in New York: the working day has not started
        _app.Time.Advance(TimeSpan.FromMinutes(2));
        await jobs.RunOnceAsync();
        var pair = Current(_app);
        Assert.Equal(PairStatus.Active, pair.Status);
        // The pause ended Monday 16 March at 09:00 in New York (the mentee paused): the first check-in is that Monday 10:00.
        Assert.Equal(Utc(2026, 3, 16, 14), pair.NextCheckInUtc);
        await DmAsync(_app, Mentor, "Your pause is over");
        await DmAsync(_app, Mentee, "Your pause is over");
    }

    [Fact]
    public async Task Pause_UntilADate_ThenResumeByHand()
    {
        await PairAsync(_app);
        var paused = await _app.CommandAsync("/mentor", $"pause <@{Mentee}> until 2026-04-01", Mentor);
        // The start of the working day (09:00) in the Amsterdam of the person who paused, and the reply says so.
        Assert.Equal(Utc(2026, 4, 1, 7), Current(_app).PausedUntil);
        Assert.Contains("the start of that working day", Read(paused));

        var reply = await _app.CommandAsync("/mentor", $"resume <@{Mentee}>", Mentor);
        Assert.Contains("active again", Read(reply));
        await DmAsync(_app, Mentee, "resumed your pair's check-ins");
        var pair = Current(_app);
        Assert.Equal((PairStatus.Active, (DateTimeOffset?)Utc(2026, 3, 2, 15)), (pair.Status, pair.NextCheckInUtc));
    }

    [Fact]
    public async Task End_AsksToConfirm_ThenEndsRespectfully_WithAPrivateReason()
    {
        var pair = await PairAsync(_app);
        var confirm = await _app.CommandAsync("/mentor", $"end <@{Mentor}>", Mentee);
        Assert.Contains("End the pair…", Read(confirm));
        Assert.Equal(PairStatus.Active, Current(_app).Status);

        await _app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.EndOpen, pair.Id.ToString()));
        var modal = await _app.Slack.WaitForCallAsync("views.open");
        Assert.Equal(EndPairModal.CallbackId, modal.Args["view"]?["callback_id"]?.ToString());

        var values = new Dictionary<string, System.Text.Json.Nodes.JsonObject> { ["reason"] = Interactions.SelectValue(nameof(EndReason.NoTime)) };
        await _app.InteractAsync(Interactions.Submit(Mentee, EndPairModal.CallbackId, values, pair.Id.ToString()));
        var told = await DmAsync(_app, Mentor, "has ended your mentoring pair");
        Assert.Contains("Thank you", Read(told));
        await DmAsync(_app, Mentee, "I've let them know respectfully");

        var ended = _app.Get<PairStore>().Get(pair.Id)!;
        Assert.Equal((PairStatus.Ended, (DateTimeOffset?)null, (EndReason?)EndReason.NoTime), (ended.Status, ended.NextCheckInUtc, ended.EndReason));
        // The reason never reaches a message; admins see only the count.
        Assert.DoesNotContain(_app.Slack.Calls("chat.postMessage"), c => Read(c).Contains("No time right now"));
        var figures = _app.Services.GetServices<IProgrammeFigures>().SelectMany(f => f.Figures(_app.Time.GetUtcNow())).ToList();
        Assert.Contains(new ProgrammeFigure(FigureGroup.Pairs, "Ended pairs: no time right now", "1", 1, 1), figures);
        Assert.Contains(new ProgrammeFigure(FigureGroup.Pairs, "Active pairs", "0", 0, 0), figures);
        // Both keep the history.
        Assert.Contains("Ended pairs", Read(await _app.CommandAsync("/mentor", "pairs", Mentor)));
        Assert.Contains("not in a mentoring pair", Read(await _app.CommandAsync("/mentor", "pairs", Mentee)));
    }

    [Fact]
    public async Task KeepIt_LeavesThePairAlone()
    {
        var pair = await PairAsync(_app);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.EndKeep, pair.Id.ToString(), responseUrl: _app.Slack.ResponseUrl("end")));
        await LaterReplyAsync(_app, "nothing changed");
        Assert.Equal(PairStatus.Active, Current(_app).Status);
    }

    [Fact]
    public async Task Figures_CountActivePairsByType()
    {
        await PairAsync(_app, PairType.Peer);
        var figures = _app.Get<IEnumerable<IProgrammeFigures>>().SelectMany(f => f.Figures(_app.Time.GetUtcNow())).ToList();
        Assert.Contains(new ProgrammeFigure(FigureGroup.Pairs, "Active pairs: peer mentoring", "1", 1, 1), figures);
        Assert.Contains(new ProgrammeFigure(FigureGroup.Pairs, "Active pairs: mentoring", "0", 0, 0), figures);
    }

    [Fact]
    public async Task Forget_AnonymisesThePerson_InTheHistoryTheOtherKeeps()
    {
        var pair = await PairAsync(_app);
        await _app.InteractAsync(Interactions.Submit(Mentee, KickoffModal.CallbackId,
            KickoffValues("private hopes", "Weekly", "Monday", "10:00", "dm"), pair.Id.ToString()));
        var data = _app.Services.GetServices<IPersonalData>().Single(d => d.Name == "pairs");
        Assert.Contains("private hopes", System.Text.Json.JsonSerializer.Serialize(data.Export(Mentee)));

        Assert.True(data.Forget(Mentee) > 0);
        var kept = Assert.Single(_app.Get<PairStore>().EverFor(Mentor));
        Assert.Equal((PairText.ForgottenId, PairStatus.Ended), (kept.MenteeId, kept.Status));
        Assert.Empty(_app.Get<PairStore>().EverFor(Mentee));
        Assert.Null(_app.Get<KickoffStore>().Get(pair.Id, Mentee));
        Assert.DoesNotContain("private hopes", System.Text.Json.JsonSerializer.Serialize(data.Export(Mentor)));
        Assert.Contains("a former member", Read(await _app.CommandAsync("/mentor", "pairs", Mentor)));
    }

    [Fact]
    public async Task AppHome_ListsMyPairs_WithSetExpectationsUntilIAnswer()
    {
        await PairAsync(_app);
        var section = _app.Services.GetServices<IAppHomeSection>().OfType<PairsHomeSection>().Single();
        var blocks = await section.BlocksForAsync(Mentor, _app.Time.GetUtcNow(), CancellationToken.None);
        var text = Readable.Unescaped(string.Join("\n", blocks.Select(b => b.ToJsonString())));
        Assert.Contains("you mentor <@UMENTEE>", text);
        Assert.Contains(PairActions.KickoffOpen, text);
    }

    [Fact]
    public async Task PairsOnTheDefault_FollowTheProgrammeDefault_WhenAnAdminChangesIt()
    {
        await PairAsync(_app);
        _app.Slack.AddUser(Outsider, "Olli", "UTC");
        var own = (await _app.Get<PairStarter>().StartAsync(Outsider, Admin, PairType.Peer, Admin, CancellationToken.None)).Pair!;
        await _app.CommandAsync("/mentor", $"cadence <@{Outsider}> weekly on fri at 12:00", Admin);
        var settings = _app.Get<ProgrammeSettingsStore>();
        settings.Save(settings.Get() with { DefaultCadence = new Cadence { Day = DayOfWeek.Wednesday, At = new TimeOnly(11, 0) } });
        await _app.Get<PeriodicJobs>().RunOnceAsync();
        var pair = Current(_app);
        Assert.Equal(DayOfWeek.Wednesday, pair.Cadence.Day);
        Assert.Equal(Utc(2026, 3, 4, 16), pair.NextCheckInUtc); // Wednesday 11:00 EST
        Assert.Equal(DayOfWeek.Friday, _app.Get<PairStore>().Get(own.Id)!.Cadence.Day); // its own choice stays
    }

    [Fact]
    public async Task UnknownTimeZone_FallsBackToTheDefault_LoggedOnce()
    {
        _app.Slack.AddUser("UMARS", "Marvin", "Mars/Olympus");
        var result = await _app.Get<PairStarter>().StartAsync(Mentor, "UMARS", PairType.Mentoring, Admin, CancellationToken.None);
        Assert.Equal(Utc(2026, 3, 2, 10), result.Pair!.NextCheckInUtc); // Monday 10:00 UTC
        _app.Get<UserDirectory>().ZoneOf("UMARS");
        Assert.Single(_app.Logs.Lines, l => l.Message.Contains("No usable time zone for UMARS"));
    }

    [Fact]
    public async Task PeopleInPairs_AreRefreshedDaily()
    {
        await PairAsync(_app);
        _app.Slack.AddUser(Mentee, "Nico", "Asia/Tokyo");
        _app.Time.Advance(TimeSpan.FromDays(1.5));
        await _app.Get<PeriodicJobs>().RunOnceAsync();
        Assert.Equal("Asia/Tokyo", _app.Get<MentorBot.People.UserDirectory>().Cached(Mentee)!.TimeZoneId);
    }
}
