using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>Issue 17 point 3: one person, two pairs, one slot is refused with the clashing pair and the next free slot.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class SessionOverlapTests
{
    [Theory]
    [InlineData("10:00", 30, "10:00", 30, true)]
    [InlineData("10:00", 30, "10:30", 30, false)] // back to back is fine
    [InlineData("10:00", 60, "10:30", 30, true)]  // a longer session reaches into the next
    [InlineData("10:15", 30, "10:00", 30, true)]
    [InlineData("09:00", 30, "10:00", 60, false)]
    public void Overlaps_WhenTheSessionsShareAMinute(string a, int aMinutes, string b, int bMinutes, bool expected)
    {
        DateTimeOffset At(string t) => new DateTimeOffset(2027, 1, 11, 0, 0, 0, TimeSpan.Zero) + TimeOnly.Parse(t, System.Globalization.CultureInfo.InvariantCulture).ToTimeSpan();
        Assert.Equal(expected, SessionOverlap.Overlaps(At(a), TimeSpan.FromMinutes(aMinutes), At(b), TimeSpan.FromMinutes(bMinutes)));
    }

    [Theory]
    [InlineData(CadenceKind.Weekly, DayOfWeek.Monday, "10:30", 1)]
    [InlineData(CadenceKind.EveryTwoWeeks, DayOfWeek.Tuesday, "09:00", 1)]
    [InlineData(CadenceKind.EveryFourWeeks, DayOfWeek.Friday, "16:00", 1)]
    [InlineData(CadenceKind.MonthlyNthWeekday, DayOfWeek.Wednesday, "14:30", 5)]
    public void TheSuggestedCommand_ReadsBackAsTheSameCadence(CadenceKind kind, DayOfWeek day, string at, int week)
    {
        var cadence = new Cadence { Kind = kind, Day = day, At = TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture), WeekOfMonth = week };
        Assert.True(CadenceText.TryParse(CadenceText.Command(cadence).Split(' '), Cadence.Default, out var read, out var error), error);
        Assert.Equal(cadence, read);
    }
}

[Trait(Tier.Name, Tier.Host)]
public class DoubleBookingTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const string Nico = "UNICO";
    private const string Mara = "UMARA";
    private const string Lena = "ULENA";
    private TestApp _app = null!;
    private Pair _withMara = null!;
    private Pair _withLena = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartFreshAsync();
        // Nico has two mentors: Mara on Mondays 10:00 (an hour), Lena on Tuesdays 10:00. All in Amsterdam.
        _withMara = StartPair(_app, new Cadence { Day = DayOfWeek.Monday, At = new TimeOnly(10, 0) }, mentor: Mara, mentee: Nico);
        _app.Get<PairStore>().Replace(_app.Get<PairStore>().Get(_withMara.Id)! with { SessionMinutes = 60 });
        _withLena = StartPair(_app, new Cadence { Day = DayOfWeek.Tuesday, At = new TimeOnly(10, 0) }, mentor: Lena, mentee: Nico);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ACadenceOnTopOfAnotherPairsSlot_IsRefused_NamingThatPair_AndOfferingTheNextFreeSlot()
    {
        var reply = await _app.CommandAsync("/mentor", $"cadence <@{Lena}> weekly on monday at 10:30", Nico);
        var text = Readable.Unescaped(reply.AllText);
        output.WriteLine(text);
        Assert.Contains("That would double-book you: it overlaps your check-in with <@UMARA>", text);
        Assert.Contains("The next slot free for both of you: every week on Monday at 11:00 (Amsterdam time)", text); // Mara's hour ends at 11:00
        Assert.Contains($"`/mentor cadence <@{Lena}> weekly on monday at 11:00`", text);
        Assert.Equal(DayOfWeek.Tuesday, _app.Get<PairStore>().Get(_withLena.Id)!.Cadence.Day); // nothing changed

        var taken = await _app.CommandAsync("/mentor", $"cadence <@{Lena}> weekly on monday at 11:00", Nico);
        Assert.Contains("Done", taken.AllText);
        Assert.Equal(new TimeOnly(11, 0), _app.Get<PairStore>().Get(_withLena.Id)!.Cadence.At);
    }

    [Fact]
    public async Task TheOtherMentor_IsToldWhoseSlotItIs_WithoutSeeingMore()
    {
        var reply = await _app.CommandAsync("/mentor", $"cadence <@{Nico}> weekly on monday at 10:00", Lena);
        Assert.Contains("That would double-book <@UNICO>: it overlaps their check-in with <@UMARA>", Readable.Unescaped(reply.AllText));
    }

    [Fact]
    public async Task AKickoffAnswerOnTopOfAnotherPairsSlot_IsAViewErrorOnTheTime()
    {
        var response = await _app.InteractAsync(Interactions.Submit(Nico, KickoffModal.CallbackId,
            PairsTestKit.KickoffValues("Grow as a lead", "Weekly", "Monday", "10:00", "video"), _withLena.Id.ToString()));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("errors", body["response_action"]!.ToString());
        Assert.Contains("double-book you", body["errors"]!["time"]!.ToString());
        Assert.Contains("every week on Monday at 11:00", body["errors"]!["time"]!.ToString());
    }

    [Fact]
    public async Task TwoPairsBookedIntoOneSlotAnyway_ThePromptSaysSo()
    {
        // A mentor whose two mentees both started on the programme default (Monday 10:00), before anyone chose a time.
        await using var app = await TestApp.StartFreshAsync();
        var first = StartPair(app, mentor: Mentor, mentee: "UE1");
        StartPair(app, mentor: Mentor, mentee: "UE2");
        await TickAtAsync(app, first.NextCheckInUtc!.Value + Session);

        var prompts = Prompts(app);
        Assert.Equal(2, prompts.Count);
        Assert.Contains(prompts, p => p.Shown().Contains("This overlaps your check-in with <@UE2>: you were booked twice"));
        Assert.Contains(prompts, p => p.Shown().Contains("This overlaps your check-in with <@UE1>: you were booked twice"));
    }
}
