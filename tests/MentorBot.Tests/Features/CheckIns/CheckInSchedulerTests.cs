using MentorBot.Cadences;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using Microsoft.Extensions.Time.Testing;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Features.CheckIns;

[Trait(Tier.Name, Tier.Host)]
public class CheckInSchedulerTests
{
    private const string Amsterdam = "Europe/Amsterdam";
    private const string NewYork = "America/New_York";

    [Fact]
    public async Task WeeklyPair_OverFourWeeks_GetsOnePromptEachMondayAt10Local_AndAPrepDmBeforeEach()
    {
        await using var app = await TestApp.StartFreshAsync();
        var pair = StartPair(app);
        var store = app.Get<CheckInStore>();

        for (var week = 1; week <= 4; week++)
        {
            var due = app.Get<PairStore>().Get(pair.Id)!.NextCheckInUtc!.Value;
            await RunUntilAsync(app, due + TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));
            var prompts = Prompts(app);
            Assert.Equal(week, prompts.Count);
            var checkInId = ButtonValue(prompts[^1], CheckInMessages.Met);
            await SubmitNotesAsync(app, Mentor, checkInId, $"week {week}: roadmap");
            await app.Slack.WaitForCallsAsync("chat.postMessage", week, c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("Summary"));
        }

        var checkIns = store.ForPair(pair.Id);
        Assert.Equal(4, checkIns.Count);
        Assert.All(checkIns, c => Assert.Equal(CheckInStatus.Met, c.Status));
        foreach (var checkIn in checkIns)
        {
            var prompt = store.NudgesOf(checkIn.Id).Single(n => n.Kind == NudgeKind.Prompt);
            // "Did you meet?" once the 30-minute session is over.
            var local = LocalOf(prompt.SentAt!.Value, Amsterdam);
            Assert.Equal((DayOfWeek.Monday, 10, 30), (local.DayOfWeek, local.Hour, local.Minute));
        }
        // "1 day before" a Monday meeting is the working day before: Friday, at the meeting's time of day.
        var preps = DmsContaining(app, Mentee, "What do you want to talk about?");
        Assert.Equal(4, preps.Count);
        Assert.All(store.Nudges.Find(n => n.Kind == NudgeKind.Prep), n =>
        {
            Assert.Equal(NudgeStatus.Sent, n.Status);
            var local = LocalOf(n.SentAt!.Value, Amsterdam);
            Assert.Equal((DayOfWeek.Friday, 10), (local.DayOfWeek, local.Hour));
        });
        Assert.DoesNotContain(app.Slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith("Reminder"));
    }

    public static TheoryData<string, DateTimeOffset, DateTimeOffset> DstWindows() => new()
    {
        { Amsterdam, new(2026, 3, 22, 12, 0, 0, TimeSpan.Zero), new(2026, 3, 30, 12, 0, 0, TimeSpan.Zero) },
        { Amsterdam, new(2026, 10, 18, 12, 0, 0, TimeSpan.Zero), new(2026, 10, 26, 12, 0, 0, TimeSpan.Zero) },
        { NewYork, new(2026, 3, 1, 18, 0, 0, TimeSpan.Zero), new(2026, 3, 9, 18, 0, 0, TimeSpan.Zero) },
        { NewYork, new(2026, 10, 25, 18, 0, 0, TimeSpan.Zero), new(2026, 11, 2, 18, 0, 0, TimeSpan.Zero) },
    };

    [Theory]
    [MemberData(nameof(DstWindows))]
    public async Task DstWeeks_GiveExactlyOneCheckInPerOccurrence_AtTheRightLocalTime(string zone, DateTimeOffset from, DateTimeOffset to)
    {
        await using var app = await TestApp.StartFreshAsync(time: new FakeTimeProvider(from));
        var weekly = StartPair(app, new Cadence { Day = DayOfWeek.Monday, At = new TimeOnly(9, 0) }, zone, "UW1", "UW2");
        var nightly = StartPair(app, new Cadence { Kind = CadenceKind.Cron, Cron = "30 2 * * *" }, zone, "UN1", "UN2");
        var early = StartPair(app, new Cadence { Kind = CadenceKind.Cron, Cron = "30 1 * * *" }, zone, "UE1", "UE2");

        await RunUntilAsync(app, to, TimeSpan.FromMinutes(30));

        var store = app.Get<CheckInStore>();
        var mondays = store.ForPair(weekly.Id);
        Assert.Equal(2, mondays.Count); // each window holds the Monday before and the Monday after the change
        foreach (var checkIn in mondays)
        {
            var prompt = store.NudgesOf(checkIn.Id).Single(n => n.Kind == NudgeKind.Prompt);
            Assert.Equal(NudgeStatus.Sent, prompt.Status);
            var local = LocalOf(prompt.SentAt!.Value, zone);
            Assert.Equal((DayOfWeek.Monday, 9, 30), (local.DayOfWeek, local.Hour, local.Minute));
        }
        Assert.Equal(mondays.Count, Prompts(app, "UW1").Count);

        foreach (var daily in new[] { nightly, early })
        {
            var byDay = store.ForPair(daily.Id).GroupBy(c => LocalOf(c.DueUtc, zone).Date).ToList();
            Assert.All(byDay, g => Assert.Single(g));
            var days = (LocalOf(to, zone).Date - LocalOf(from, zone).Date).Days;
            Assert.InRange(byDay.Count, days - 1, days + 1);
            // 02:30 does not exist on the spring-forward night: Cronos moves it to 03:00, once.
            Assert.All(store.ForPair(daily.Id), c => Assert.Contains(LocalOf(c.DueUtc, zone).Hour, new[] { 1, 2, 3 }));
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(10)]
    public async Task RestartAroundTheDueTime_NeitherDuplicatesNorSkipsThePrompt(int minutesFromDue)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        DateTimeOffset due;
        await using (var first = await TestApp.StartAsync(slack, db, time))
        {
            var pair = StartPair(first);
            due = pair.NextCheckInUtc!.Value;
            await TickAtAsync(first, due - TimeSpan.FromMinutes(5));
            await TickAtAsync(first, due + TimeSpan.FromMinutes(minutesFromDue));
        }
        await using (var second = await TestApp.StartAsync(slack, db, time))
        {
            await TickAtAsync(second, due + TimeSpan.FromMinutes(minutesFromDue));
            await TickAtAsync(second, due + TimeSpan.FromHours(1));
        }
        await using (var third = await TestApp.StartAsync(slack, db, time))
        {
            await TickAtAsync(third, due + TimeSpan.FromHours(2));
            Assert.Single(third.Get<CheckInStore>().ForPair(1));
        }
        Assert.Single(slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith(PromptText));
    }

    [Fact]
    public async Task CrashAfterSlackAcceptedBeforeOurWrite_ResendsAtMostOnce_AndLogsIt()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        DateTimeOffset due;
        await using (var first = await TestApp.StartAsync(slack, db, time))
        {
            due = StartPair(first).NextCheckInUtc!.Value + Session;
            await TickAtAsync(first, due);
            // What the row looks like when the process died between Slack's 200 and our "Sent" write.
            var store = first.Get<CheckInStore>();
            var prompt = store.Nudges.FindAll().Single(n => n.Kind == NudgeKind.Prompt);
            store.UpdateNudge(prompt with { Status = NudgeStatus.Sending, QueueAt = due, Ts = null, SentAt = null });
        }
        await using (var second = await TestApp.StartAsync(slack, db, time))
        {
            await TickAtAsync(second, due + TimeSpan.FromMinutes(1));
            await TickAtAsync(second, due + TimeSpan.FromMinutes(2));
            Assert.Contains("may arrive twice", second.Logs.AllText);
        }
        Assert.Equal(2, slack.DmsTo(Mentor).Count(c => (c.Arg("text") ?? "").StartsWith(PromptText)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(13, false)]
    public async Task ThreeWeeksDown_PromptsAtMostOnce_AndRecordsTheRestAsMissed(int hoursAfterLastDue, bool expectPrompt)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        Pair pair;
        await using (var first = await TestApp.StartAsync(slack, db, time))
        {
            pair = StartPair(first);
            await TickAtAsync(first, pair.NextCheckInUtc!.Value - TimeSpan.FromMinutes(1));
        }
        var thirdDue = pair.NextCheckInUtc!.Value + TimeSpan.FromDays(14);
        await using (var second = await TestApp.StartAsync(slack, db, time))
        {
            await TickAtAsync(second, thirdDue + TimeSpan.FromHours(hoursAfterLastDue));
            await TickAtAsync(second, thirdDue + TimeSpan.FromHours(hoursAfterLastDue) + TimeSpan.FromMinutes(30));
            var checkIns = second.Get<CheckInStore>().ForPair(pair.Id);
            Assert.Equal(3, checkIns.Count);
            Assert.Equal(expectPrompt ? 2 : 3, checkIns.Count(c => c.Status == CheckInStatus.Missed));
            var next = LocalOf(second.Get<PairStore>().Get(pair.Id)!.NextCheckInUtc!.Value, Amsterdam);
            Assert.Equal((DayOfWeek.Monday, 10, LocalOf(thirdDue, Amsterdam).Date.AddDays(7)), (next.DayOfWeek, next.Hour, next.Date));
        }
        Assert.Equal(expectPrompt ? 1 : 0, slack.DmsTo(Mentor).Count(c => (c.Arg("text") ?? "").StartsWith(PromptText)));
    }

    [Fact]
    public async Task ClockJumpingBack_OrTicksRacing_NeverSendTheSameOccurrenceTwice()
    {
        await using var app = await TestApp.StartFreshAsync();
        var due = StartPair(app).NextCheckInUtc!.Value;
        var scheduler = app.Get<CheckInScheduler>();

        app.Time.SetUtcNow(due - TimeSpan.FromMilliseconds(1));
        await app.Get<PeriodicJobs>().RunOnceAsync();
        app.Time.SetUtcNow(due);
        await Task.WhenAll(scheduler.TickAsync(due, default), scheduler.TickAsync(due, default), Task.Run(() => scheduler.TickAsync(due, default)));
        await TickAtAsync(app, due + TimeSpan.FromMilliseconds(1));
        // FakeTimeProvider cannot go back, so hand the jobs the earlier wall clock an NTP step would give them.
        foreach (var job in app.Services.GetServices<IPeriodicJob>()) await job.TickAsync(due - TimeSpan.FromHours(1), default);
        await TickAtAsync(app, due + Session + TimeSpan.FromMinutes(5));

        Assert.Single(Prompts(app));
        Assert.Single(app.Get<CheckInStore>().ForPair(1));
    }

    [Theory]
    [InlineData("0 20 * * FRI", DayOfWeek.Monday, 9)]
    [InlineData("0 7 * * WED", DayOfWeek.Wednesday, 9)]
    [InlineData("0 11 * * SAT", DayOfWeek.Monday, 9)]
    [InlineData("30 14 * * TUE", DayOfWeek.Tuesday, 15)] // after the 30-minute session
    public async Task PromptsDueOutsideWorkingHours_WaitForTheNextWorkingMoment(string cron, DayOfWeek day, int hour)
    {
        await using var app = await TestApp.StartFreshAsync();
        var pair = StartPair(app, new Cadence { Kind = CadenceKind.Cron, Cron = cron }, NewYork);
        await RunUntilAsync(app, pair.NextCheckInUtc!.Value + TimeSpan.FromDays(4), TimeSpan.FromMinutes(30));

        var prompt = app.Get<CheckInStore>().NudgesOf(CheckIn.IdOf(pair.Id, pair.NextCheckInUtc!.Value)).Single(n => n.Kind == NudgeKind.Prompt);
        var local = LocalOf(prompt.SentAt!.Value, NewYork);
        Assert.Equal((day, hour), (local.DayOfWeek, local.Hour));
        Assert.True(prompt.SentAt >= pair.NextCheckInUtc);
    }

    [Fact]
    public async Task PrepDm_IsNotSentOnceTheCheckInHasPassed()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestApp.DefaultStart);
        Pair pair;
        string prepId;
        await using (var first = await TestApp.StartAsync(slack, db, time))
        {
            pair = StartPair(first);
            prepId = Nudge.IdOf(CheckIn.IdOf(pair.Id, pair.NextCheckInUtc!.Value), NudgeKind.Prep, Mentee);
            // Sunday 11:00: the prep DM is queued for Monday 09:00 (first working moment); then the app goes down.
            await TickAtAsync(first, pair.NextCheckInUtc!.Value - TimeSpan.FromHours(23));
            Assert.Equal(NudgeStatus.Pending, first.Get<CheckInStore>().GetNudge(prepId)!.Status);
        }
        await using (var second = await TestApp.StartAsync(slack, db, time))
        {
            await TickAtAsync(second, pair.NextCheckInUtc!.Value + Session + TimeSpan.FromMinutes(5));
            Assert.Empty(DmsContaining(second, Mentee, "What do you want to talk about?"));
            Assert.Single(Prompts(second));
            var prep = second.Get<CheckInStore>().GetNudge(prepId)!;
            Assert.Equal((NudgeStatus.Skipped, "check_in_passed"), (prep.Status, prep.Error));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APairStartedTenHoursBeforeItsFirstCheckIn_GetsOnePrepDm_AtTheFirstWorkingMomentBeforeIt(bool restartBeforeTheNextTick)
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(Local(Amsterdam, 2026, 3, 8, 22));
        slack.AddUser(Mentor, "Mara", Amsterdam);
        slack.AddUser(Mentee, "Nico", Amsterdam);
        Pair pair;
        var first = await TestApp.StartAsync(slack, db, time);
        await using (first)
        {
            // The app has been running, so its "come prepared" scan has already looked a day ahead.
            await RunUntilAsync(first, Local(Amsterdam, 2026, 3, 9, 0), TimeSpan.FromMinutes(30));
            // Monday 00:00: a new pair on the default cadence (Monday 10:00) meets in 10 hours.
            pair = (await first.Get<PairStarter>().StartAsync(Mentor, Mentee, PairType.Mentoring, "UADMIN", default)).Pair!;
            Assert.Equal(TimeSpan.FromHours(10), pair.NextCheckInUtc - time.GetUtcNow());
            if (!restartBeforeTheNextTick) await RunUntilAsync(first, pair.NextCheckInUtc!.Value + TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));
        }
        var due = pair.NextCheckInUtc!.Value;
        await using (var second = await TestApp.StartAsync(slack, db, time))
        {
            await RunUntilAsync(second, due + TimeSpan.FromDays(1), TimeSpan.FromMinutes(30));
            var prep = second.Get<CheckInStore>().GetNudge(Nudge.IdOf(CheckIn.IdOf(pair.Id, due), NudgeKind.Prep, Mentee))!;
            // 09:00 is the first working moment: after midnight, before the 10:00 check-in.
            Assert.Equal((NudgeStatus.Sent, (DateTimeOffset?)Local(Amsterdam, 2026, 3, 9, 9)), (prep.Status, prep.SentAt));
        }
        Assert.Single(slack.DmsTo(Mentee), c => c.Shown().Contains("What do you want to talk about?"));
        Assert.Single(slack.DmsTo(Mentor), c => (c.Arg("text") ?? "").StartsWith(PromptText));
    }

    [Fact]
    public async Task APairWithABrokenCadence_DoesNotStopOtherPrompts()
    {
        await using var app = await TestApp.StartFreshAsync();
        var good = StartPair(app);
        var broken = app.Get<PairStore>().Add(good with
        {
            Id = 0, MentorId = "UBROKEN", MenteeId = "UOTHER", Cadence = new Cadence { Kind = CadenceKind.Cron, Cron = "not a cron" },
        });
        await TickAtAsync(app, good.NextCheckInUtc!.Value + Session + TimeSpan.FromMinutes(1));
        await TickAtAsync(app, good.NextCheckInUtc!.Value + Session + TimeSpan.FromMinutes(2));

        Assert.Single(Prompts(app));
        Assert.Contains($"pair {broken.Id}", app.Logs.AllText);
        Assert.Null(app.Get<PairStore>().Get(broken.Id)!.NextCheckInUtc);
    }
}
