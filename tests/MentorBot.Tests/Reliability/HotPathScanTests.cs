using System.Diagnostics;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Feedback;
using MentorBot.Features.Goals;
using MentorBot.Scheduling;
using MentorBot.Slack.Routing;
using MentorBot.Storage;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;
using MentorBot.Tests.Features.AdminTests;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// No full scans on hot paths: with the scan guard on, a tour of what people do every day (commands, App Home, prompts
/// and their buttons, scheduler ticks) runs, and every query it made on a collection that grows with users used an index.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public sealed class HotPathScanTests
{
    [Fact]
    public async Task EverydayRequestsAndTicks_UseAnIndex_OnEveryCollectionThatGrows()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "MentorBot.Slack" or "MentorBot.Scheduling", // by name: a source made later is asked while its static field is still null
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        await using var app = await TestApp.StartFreshAsync(new Dictionary<string, string?>
        {
            ["Slack:AdminUserIds:0"] = "UADMIN", ["Storage:GuardScans"] = "true",
        });
        var pair = StartPair(app);
        app.Get<GoalStore>().Add(Mentee, "Give a conference talk", app.Time.GetUtcNow());
        while (ScanGuard.Scans.TryDequeue(out _)) { } // only what the tour does counts

        foreach (var (command, text, user) in new[]
        {
            ("/mentor", "help", Mentee), ("/mentor", "help all", Mentee), ("/mentor", "pairs", Mentor), ("/mentor", "pairs", Mentee),
            ("/goal", "list", Mentee), ("/goal", "add Write the abstract", Mentee), ("/goal", "progress 1 40", Mentee), ("/goal", "note 1 outline done", Mentee),
            ("/goal", $"list <@{Mentee}>", Mentor), ("/goal", "done 2", Mentee), ("/goal", "reopen 2", Mentee),
            ("/askfeedback", $"<@{Mentor}> How did my outline land?", Mentee), ("/askfeedback", "list", Mentee),
            ("/mentor", $"cadence <@{Mentee}> 2w", Mentor), ("/mentor", $"pause <@{Mentee}> 1w", Mentor), ("/mentor", $"resume <@{Mentee}>", Mentor),
            ("/mentor", $"ask <@UOTHER> peer", Mentee), ("/mentor", "admins", Mentee),
            ("/mentor", "signups", "UADMIN"), ("/mentor", "stats", "UADMIN"), ("/mentor", "digest", "UADMIN"), // figures: aggregates by design
        })
            await app.CommandAsync(command, text, user, triggerId: null);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentor) && c.Shown().Contains("How did my outline land?"));
        await app.OpenHomeAsync(Mentee);
        await app.OpenHomeAsync(Mentor);
        await app.OpenHomeAsync("UADMIN");
        // A week of ticks: the prompt goes out, and its buttons are pressed.
        await RunUntilAsync(app, pair.NextCheckInUtc!.Value + TimeSpan.FromDays(14) + Session, TimeSpan.FromHours(3));
        var open = app.Get<CheckInStore>().ForPair(pair.Id).LastOrDefault(c => c.Status == CheckInStatus.Open);
        if (open is not null) await ClickAsync(app, Mentor, CheckInMessages.Skip, open.Id, open.Id);
        var request = app.Get<FeedbackStore>().AddressedTo(Mentor).First();
        await app.InteractAsync(Interactions.ButtonClick(Mentor, FeedbackMessages.Decline, request.Id.ToString()));
        await app.DrainFollowUpsAsync();

        var scans = ScanGuard.Scans.ToList();
        Assert.True(scans.Count == 0, "Full scans on hot paths:\n" + string.Join("\n", scans.Distinct()));
    }
}

/// <summary>The guard itself: it sees a query without an index on a hot path, and only there.</summary>
[Trait(Tier.Name, Tier.Unit)]
public sealed class ScanGuardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mentorbot-scanguard-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public sealed class Doc
    {
        public int Id { get; set; }
        public string Owner { get; set; } = "";
        public string Text { get; set; } = "";
    }

    [Fact]
    public void AQueryWithoutAnIndex_IsRecordedOnAHotPath_NotElsewhere_NorInAnAggregate()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "MentorBot.Slack",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
        };
        ActivitySource.AddActivityListener(listener);
        using var db = new MentorDb(Microsoft.Extensions.Options.Options.Create(new StorageOptions { DatabasePath = Path.Combine(_folder, "g.db"), GuardScans = true }));
        var docs = db.Collection<Doc>("scan_guard_docs");
        docs.EnsureIndex(d => d.Owner);
        docs.Insert(new Doc { Id = 1, Owner = "UA", Text = "a" });
        string[] Seen() => ScanGuard.Scans.Where(s => s.StartsWith("scan_guard_docs", StringComparison.Ordinal)).ToArray();

        docs.Find(d => d.Text == "a").ToList(); // not on a hot path
        using (var hot = SlackRouter.Activities.StartActivity(SlackRouter.AckActivity))
        {
            Assert.NotNull(hot);
            Assert.Single(docs.Find(d => d.Owner == "UA"));
            Assert.Single(docs.Query().Where(d => d.Owner == "UA").Select(d => d.Text).ToList());
            Assert.Empty(Seen());

            Assert.Single(docs.Find(d => d.Text == "a"));
            Assert.Single(docs.Query().Where(d => d.Text == "a").Select(d => d.Id).ToList());
            using (ScanGuard.Aggregate("a figure for admins")) docs.FindAll().ToList();
        }

        Assert.Equal(2, Seen().Length);
        Assert.All(Seen(), s => Assert.Contains("FULL INDEX SCAN", s));
    }
}
