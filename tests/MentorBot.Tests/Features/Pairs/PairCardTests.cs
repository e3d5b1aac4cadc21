using MentorBot.Features.CheckIns;
using MentorBot.Features.Goals;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using MentorBot.Tests.Features.AdminTests;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>The relationship card both people see, and the private pulse that never leaves the person who answered.</summary>
[Trait(Tier.Name, Tier.Host)]
public class PairCardTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 7, 0, 0, TimeSpan.Zero)); // Monday
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string CardOf(SlackCall call, string pairLine)
    {
        var blocks = call.Args["view"]?["blocks"] ?? call.Args["blocks"];
        var all = blocks!.AsArray().Select(b => Readable.Strings(b)).ToList();
        var i = all.FindIndex(t => t.Contains(pairLine));
        Assert.True(i >= 0, "no card in: " + string.Join("\n", all));
        return all[i] + "\n" + all[i + 1];
    }

    private Pair PairWithHistory(int daysAgo, params CheckInStatus[] history)
    {
        var now = _app.Time.GetUtcNow();
        var pair = _app.AddPair(Mentor, Mentee, with: p => p with { StartedAt = now.AddDays(-daysAgo), NextCheckInUtc = now.AddDays(3) });
        var store = _app.Get<CheckInStore>();
        for (var i = 0; i < history.Length; i++)
        {
            var due = now.AddDays(-7 * (history.Length - i));
            store.CheckIns.Insert(new CheckIn
            {
                Id = CheckIn.IdOf(pair.Id, due), PairId = pair.Id, MentorId = Mentor, MenteeId = Mentee, DueUtc = due, Status = history[i],
                DecidedAt = history[i] is CheckInStatus.Met or CheckInStatus.Async ? due : null, Discussed = "private notes about the offsite",
            });
        }
        return pair;
    }

    [Fact]
    public async Task Card_IsTheSameForBothPeople_OnHomeAndInMentorPairs_AndShowsNoNotes()
    {
        PairWithHistory(40, CheckInStatus.Met, CheckInStatus.Met, CheckInStatus.Skipped, CheckInStatus.Met);
        _app.Get<GoalStore>().Add(Mentee, "Give a conference talk", _app.Time.GetUtcNow().AddDays(-35));
        _app.Get<GoalStore>().Add(Mentee, "Private plan", _app.Time.GetUtcNow(), visibility: GoalVisibility.OnlyMe);

        const string line = "<@UMENTOR> & <@UMENTEE>";
        var mentorHome = CardOf(await _app.OpenHomeAsync(Mentor), line);
        var menteeHome = CardOf(await _app.OpenHomeAsync(Mentee), line);
        var mentorPairs = (await _app.CommandAsync("/mentor", "pairs", Mentor)).Body!;
        var menteePairs = (await _app.CommandAsync("/mentor", "pairs", Mentee)).Body!;

        Assert.Equal(mentorHome, menteeHome);
        Assert.Contains(mentorHome, Readable.Strings(mentorPairs["blocks"]));
        Assert.Contains(mentorHome, Readable.Strings(menteePairs["blocks"]));
        Assert.Contains("🟢 On track", mentorHome);
        Assert.Contains("Last check-ins: ✅ ✅ ⏭️ ✅", mentorHome);
        Assert.Contains("Give a conference talk 0 %", mentorHome);
        Assert.DoesNotContain("Private plan", mentorHome);
        Assert.DoesNotContain("offsite", mentorHome);
        Assert.Contains("Next step:", mentorHome);
    }

    [Fact]
    public async Task Card_SaysAtRisk_WithItsNextStep_WhenTheLastTwoWereMissed()
    {
        PairWithHistory(40, CheckInStatus.Met, CheckInStatus.NoAnswer, CheckInStatus.Missed);
        _app.Get<GoalStore>().Add(Mentee, "Lead a design review", _app.Time.GetUtcNow().AddDays(-35));
        var card = CardOf(await _app.OpenHomeAsync(Mentee), "<@UMENTOR> & <@UMENTEE>");
        Assert.Contains("🟠 At risk", card);
        Assert.Contains("the last two check-ins were missed", card);
        Assert.Contains("/mentor cadence", card);
    }

    [Fact]
    public async Task Pulse_AsksEachPersonOnceAtOneMonth_AndTheAnswerNeverReachesThePartnerOrTheAdmins()
    {
        var pair = PairWithHistory(31, CheckInStatus.Met, CheckInStatus.Met);
        var jobs = _app.Get<PeriodicJobs>();
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 9, 30, 0, TimeSpan.Zero)); // inside Amsterdam hours, 05:30 in New York
        await jobs.RunOnceAsync();
        var mentorPulse = await DmAsync(_app, Mentor, "going for you");
        Assert.DoesNotContain(_app.Slack.DmsTo(Mentee), c => Read(c).Contains("going for you")); // still night in New York
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero));
        await jobs.RunOnceAsync();
        await jobs.RunOnceAsync();
        await DmAsync(_app, Mentee, "going for you");
        Assert.Single(_app.Slack.DmsTo(Mentor), c => Read(c).Contains("going for you"));
        Assert.Single(_app.Slack.DmsTo(Mentee), c => Read(c).Contains("going for you"));

        // The mentor answers 1 with a comment, and asks for a different match.
        var pulseId = PulseAnswer.IdOf(pair.Id, Mentor, 0);
        var choose = Interactions.Choose(Mentor, PulseActions.Rate, "1");
        choose["actions"]![0]!["block_id"] = "pulse." + pulseId;
        choose["response_url"] = _app.Slack.ResponseUrl("pulse");
        await _app.InteractAsync(choose);
        var offer = await _app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "pulse");
        Assert.Contains("Ask for a different match", Read(offer));
        await _app.InteractAsync(Interactions.Submit(Mentor, PulseActions.CommentModal, new Dictionary<string, System.Text.Json.Nodes.JsonObject>
        {
            ["rating"] = Interactions.SelectValue("1", type: "radio_buttons"), ["comment"] = Interactions.TextValue("secret words about Nico"),
        }, privateMetadata: pulseId));
        await _app.InteractAsync(Interactions.ButtonClick(Mentor, PulseActions.Rematch, pulseId, responseUrl: _app.Slack.ResponseUrl("rematch")));
        var toAdmin = await DmAsync(_app, Admin, "asked for a different match");
        Assert.DoesNotContain("secret", Read(toAdmin));
        Assert.DoesNotContain("Badly", Read(toAdmin));

        var partnerSaw = string.Join("\n", _app.Slack.DmsTo(Mentee).Select(Read)) + Read(await _app.OpenHomeAsync(Mentee));
        var adminSaw = Read(await _app.OpenHomeAsync(Admin)) + Readable.Unescaped((await _app.CommandAsync("/mentor", "stats", Admin)).AllText);
        foreach (var seen in new[] { partnerSaw, adminSaw })
        {
            Assert.DoesNotContain("secret words", seen);
            Assert.DoesNotContain("1/5", seen);
            Assert.DoesNotContain("Thanks for being honest", seen); // the options' labels are in the partner's own question
        }
        Assert.Contains("Re-match requests", adminSaw);
        var stored = _app.Get<PulseStore>().Get(pulseId)!;
        Assert.Equal((1, "secret words about Nico"), (stored.Rating!.Value, stored.Comment!));
    }

    [Fact]
    public async Task Pulse_AfterDowntime_AsksOnlyTheLatestRound_Once()
    {
        var pair = PairWithHistory(200, CheckInStatus.Met); // rounds fell due at day 30 and day 121: only the one of day 121 is asked
        var jobs = _app.Get<PeriodicJobs>();
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero)); // working hours on both sides
        await jobs.RunOnceAsync();
        _app.Time.Advance(TimeSpan.FromHours(1));
        await jobs.RunOnceAsync();

        Assert.Single(_app.Slack.DmsTo(Mentor), c => Read(c).Contains("going for you"));
        Assert.Contains("as every three months", Read(_app.Slack.DmsTo(Mentor).Single(c => Read(c).Contains("going for you"))));
        Assert.NotNull(_app.Get<PulseStore>().Get(PulseAnswer.IdOf(pair.Id, Mentor, 1))!.AskedAt);
        Assert.Null(_app.Get<PulseStore>().Get(PulseAnswer.IdOf(pair.Id, Mentor, 0)));
    }
}
