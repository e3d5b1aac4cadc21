using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using MentorBot.Tests.Features.AdminTests;
using Xunit.Abstractions;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>
/// Issue 17's done-when pair, with the playground's people: Samira (mentee, Amsterdam) and Priya (mentor, New York).
/// What each reads at kickoff and in the first prompt: one meeting time, shown in the reader's zone and the other's.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class CrossZonePairTests(ITestOutputHelper output)
{
    private const string Samira = "USAMIRA";
    private const string Priya = "UPRIYA";

    [Fact]
    public async Task AnAmsterdamMenteeAndANewYorkMentor_EachReadTheMeetingInTheirOwnTime_AtKickoffAndInTheFirstPrompt()
    {
        // Monday 2 March 2026, before either zone's summer time (the US moves on 8 March, Europe on 29 March): 6 hours apart.
        await using var app = await TestApp.StartFreshAsync();
        app.Slack.AddUser(Samira, "Samira Haddad", "Europe/Amsterdam");
        app.Slack.AddUser(Priya, "Priya Raman", "America/New_York");
        var pair = (await app.Get<PairStarter>().StartAsync(Priya, Samira, PairType.Mentoring, "UADA", default)).Pair!;
        var kickoff = await DmAsync(app, Samira, "Set expectations");
        output.WriteLine("Kickoff DM (Samira): " + Readable.Unescaped(kickoff.Arg("text")!));

        // Samira proposes Mondays 15:30 her time; Priya opens the form, sees it preselected, and keeps it.
        await app.InteractAsync(Interactions.Submit(Samira, KickoffModal.CallbackId,
            WithZone(KickoffValues("Speak up in design reviews", "Weekly", "Monday", "15:30", "video"), "Europe/Amsterdam"), pair.Id.ToString()));
        await app.InteractAsync(Interactions.ButtonClick(Priya, PairActions.KickoffOpen, pair.Id.ToString()));
        var form = await app.Slack.WaitForCallAsync("views.open");
        Assert.Contains("<@USAMIRA> proposed *every week on Monday at 15:30*: it's preselected", Read(form));
        await app.InteractAsync(Interactions.Submit(Priya, KickoffModal.CallbackId,
            WithZone(KickoffValues("Help Samira lead reviews", "Weekly", "Monday", "15:30", "video"), "Europe/Amsterdam"), pair.Id.ToString()));

        foreach (var (person, mine) in new[] { (Samira, "15:30 your time (09:30 for <@UPRIYA>)"), (Priya, "09:30 your time (15:30 for <@USAMIRA>)") })
        {
            var agreed = await DmAsync(app, person, "You agree");
            Assert.Contains($"You agree: *Mondays {mine}, 30 min*", Read(agreed));
            output.WriteLine($"Kickoff agreement ({person}): " + Read(agreed).Split("\"text\":\"").Last(t => t.Contains("You agree")).Split('"')[0]);
            var pairs = Readable.Unescaped((await app.CommandAsync("/mentor", "pairs", person)).AllText);
            Assert.Contains("Cadence: Mondays " + mine, pairs);
            output.WriteLine($"/mentor pairs ({person}): " + pairs.Split('\n').First(l => l.Contains("Cadence:")).Trim());
        }

        // The first session (Monday 2 March 15:30–16:00 Amsterdam, 09:30–10:00 New York): Priya is asked once it is over.
        var due = app.Get<PairStore>().Get(pair.Id)!.NextCheckInUtc!.Value;
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero), due);
        await CheckIns.CheckInKit.RunUntilAsync(app, due + TimeSpan.FromHours(1), TimeSpan.FromMinutes(15));
        var prompt = Assert.Single(app.Slack.DmsTo(Priya), c => (c.Arg("text") ?? "").StartsWith(CheckIns.CheckInKit.PromptText, StringComparison.Ordinal));
        var sentInNewYork = TimeZoneInfo.ConvertTime(app.Get<CheckInStore>().NudgesOf(CheckIn.IdOf(pair.Id, due)).Single(n => n.Kind == NudgeKind.Prompt).SentAt!.Value,
            TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        Assert.Equal((DayOfWeek.Monday, 10, 0), (sentInNewYork.DayOfWeek, sentInNewYork.Hour, sentInNewYork.Minute));
        output.WriteLine($"First prompt (Priya, sent {sentInNewYork:ddd HH:mm} New York): " + Readable.Unescaped(prompt.Arg("text")!));
        output.WriteLine("First prompt blocks: " + Readable.Unescaped(prompt.Args["blocks"]!.ToJsonString()));
    }
}
