using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.Admin;
using MentorBot.Features.CheckIns;
using MentorBot.Programme;
using MentorBot.Tests.Features.AdminTests;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Features.CheckIns;

/// <summary>Issue 18 point 3: at most two proactive DMs a person a day, "Pause all nudges", and a dry run.</summary>
[Trait(Tier.Name, Tier.Host)]
public class QuietByDesignTests
{
    [Fact]
    public async Task AThirdPromptOnOneDay_WaitsForTheNextWorkingMorning_AndIsNeverDropped()
    {
        await using var app = await TestApp.StartFreshAsync();
        var monday = new Cadence { Day = DayOfWeek.Monday, At = new TimeOnly(10, 0) };
        var pairs = Enumerable.Range(1, 3).Select(i => StartPair(app, monday, mentor: Mentor, mentee: $"UE{i}")).ToList();
        var due = pairs[0].NextCheckInUtc!.Value;

        await RunUntilAsync(app, due + TimeSpan.FromHours(6), TimeSpan.FromMinutes(30));
        Assert.Equal(2, Prompts(app).Count);
        var waiting = Assert.Single(app.Get<CheckInStore>().Nudges.Find(n => n.Kind == NudgeKind.Prompt && n.Status == NudgeStatus.Pending));
        Assert.Equal("daily_limit", waiting.Error);

        // Tuesday 09:00 in Amsterdam: the start of the mentor's next working day.
        await RunUntilAsync(app, Local("Europe/Amsterdam", 2026, 3, 10, 9, 30), TimeSpan.FromMinutes(30));
        var prompts = Prompts(app);
        Assert.Equal(3, prompts.Count);
        var sentAt = app.Get<CheckInStore>().GetNudge(waiting.Id)!.SentAt!.Value;
        Assert.Equal(Local("Europe/Amsterdam", 2026, 3, 10, 9), sentAt);
        Assert.Equal(3, prompts.Select(p => p.Shown()).Distinct().Count()); // one per pair, none twice
    }

    [Fact]
    public async Task TheDailyCount_IsPerPerson_AndADayInTheirOwnZone()
    {
        await using var app = await TestApp.StartFreshAsync();
        StartPair(app, zone: "America/Los_Angeles");
        var quiet = app.Get<ProactiveDms>();
        var evening = Local("America/Los_Angeles", 2026, 3, 10, 22); // Tuesday 22:00 in LA is already Wednesday in UTC
        Assert.Null(quiet.Take(Mentor, evening));
        Assert.Null(quiet.Take(Mentor, evening + TimeSpan.FromMinutes(30)));
        Assert.Equal(Local("America/Los_Angeles", 2026, 3, 11, 9), quiet.Take(Mentor, evening + TimeSpan.FromHours(1)));
        Assert.Null(quiet.Take(Mentee, evening)); // someone else's count
        Assert.Null(quiet.Take(Mentor, Local("America/Los_Angeles", 2026, 3, 11, 9))); // their next day: a new count
        Assert.Equal(2, quiet.CountToday(Mentor, evening));
    }

    [Fact]
    public async Task PauseAllNudges_FromTheSettingsModal_HoldsEverything_AndReleasingItSendsWhatWaited()
    {
        await using var app = await AdminTestKit.StartAsync();
        var pair = StartPair(app);
        var due = pair.NextCheckInUtc!.Value;

        var saved = await SubmitSettingsAsync(app, pauseAll: true);
        Assert.Contains("All nudges are paused", saved);
        await RunUntilAsync(app, due + TimeSpan.FromHours(3), TimeSpan.FromMinutes(30));
        Assert.Empty(Prompts(app));
        Assert.Single(app.Get<CheckInStore>().Nudges.Find(n => n.Kind == NudgeKind.Prompt && n.Status == NudgeStatus.Pending)); // kept

        await SubmitSettingsAsync(app, pauseAll: false);
        await TickAtAsync(app, app.Time.GetUtcNow() + TimeSpan.FromSeconds(30));
        Assert.Single(Prompts(app));
    }

    [Fact]
    public async Task DryRun_LogsWhoWouldGetWhat_WithoutTheTextOrSendingIt()
    {
        await using var app = await TestApp.StartFreshAsync(new Dictionary<string, string?> { ["Nudges:DryRun"] = "true" });
        var pair = StartPair(app);
        app.Get<MentorBot.Features.Goals.GoalStore>().Add(Mentee, "Secret promo plan", app.Time.GetUtcNow());
        await TickAtAsync(app, pair.NextCheckInUtc!.Value + Session);

        Assert.Empty(Prompts(app));
        Assert.Contains($"Dry run: would DM a Prompt to {Mentor} for pair {pair.Id}", app.Logs.AllText);
        Assert.DoesNotContain("Secret promo plan", app.Logs.AllText);
    }

    private static async Task<string> SubmitSettingsAsync(TestApp app, bool pauseAll)
    {
        var values = new Dictionary<string, JsonObject>
        {
            ["name"] = Interactions.TextValue("Grow Together"), ["kind"] = Interactions.SelectValue("Weekly"), ["day"] = Interactions.SelectValue("Monday"),
            ["at"] = AdminTestKit.Time("10:00"), ["start"] = AdminTestKit.Time("09:00"), ["end"] = AdminTestKit.Time("17:30"),
            ["days"] = Interactions.CheckboxValue("value", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"),
            ["prep"] = Interactions.SelectValue("1d"), ["reminders"] = Interactions.SelectValue("1"),
        };
        if (pauseAll) values["nudges"] = Interactions.CheckboxValue("value", SettingsModal.PauseAll);
        var response = await app.InteractAsync(Interactions.Submit(AdminTestKit.AdminId, SettingsModal.CallbackId, values));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(pauseAll, app.Get<ProgrammeSettingsStore>().Get().NudgesPaused);
        return Readable.Unescaped(body);
    }
}
