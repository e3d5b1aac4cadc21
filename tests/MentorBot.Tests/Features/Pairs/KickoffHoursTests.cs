using System.Text.Json.Nodes;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>One meeting time in one named zone, checked against both people's working hours (Amsterdam mentee, Los Angeles mentor).</summary>
[Trait(Tier.Name, Tier.Unit)]
public class MeetingFitTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    // meeting start (UTC), length, second person's zone → null (fits) or part of the refusal
    [Theory]
    [InlineData("2026-03-02T14:00Z", 30, "America/New_York", null)]                          // 15:00 Amsterdam / 09:00 New York
    [InlineData("2026-03-02T09:00Z", 30, "America/New_York", "Mon 04:00 for @tomas")]         // 10:00 Amsterdam is New York's night
    [InlineData("2026-03-02T09:00Z", 30, "America/New_York", "You overlap 15:00–17:30 Amsterdam / 09:00–11:30 New York")]
    [InlineData("2026-03-09T09:00Z", 30, "America/New_York", "You overlap 14:00–17:30 Amsterdam / 09:00–12:30 New York")] // US already on summer time
    [InlineData("2026-03-02T16:15Z", 30, "America/New_York", "Mon 17:15 for you")]             // runs past 17:30 in Amsterdam
    [InlineData("2026-03-02T09:00Z", 30, "America/Los_Angeles", "no working hours at all")]    // Amsterdam and Los Angeles never meet
    [InlineData("2026-03-07T10:00Z", 30, "Europe/Amsterdam", "Sat 11:00 for you")]             // a Saturday
    public void Check_SaysWhoseNightItIs_AndProposesTheSharedHours(string start, int minutes, string zone, string? expected)
    {
        var error = MeetingFit.Check(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), minutes,
            new MeetingFit.Person("you", Amsterdam), new MeetingFit.Person("@tomas", TimeZoneInfo.FindSystemTimeZoneById(zone)), new ProgrammeSettings());
        if (expected is null) Assert.Null(error);
        else Assert.Contains(expected, error);
    }
}

[Trait(Tier.Name, Tier.Host)]
public class KickoffHoursTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await StartAsync();
        _app.Time.SetUtcNow(new DateTimeOffset(2026, 11, 9, 8, 0, 0, TimeSpan.Zero)); // winter on both sides again: six hours apart
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<JsonObject?> SubmitAsync(string userId, Pair pair, Dictionary<string, JsonObject> values)
    {
        var response = await _app.InteractAsync(Interactions.Submit(userId, KickoffModal.CallbackId, values, pair.Id.ToString()));
        var body = await response.Content.ReadAsStringAsync();
        return body.Length > 0 ? JsonNode.Parse(body) as JsonObject : null;
    }

    [Fact]
    public async Task Kickoff_RefusesATimeThatIsSomeonesNight_UnlessBothSayItWorks_AndStoresTheChosenZone()
    {
        var pair = await PairAsync(_app);
        var values = KickoffValues("Grow", "Weekly", "Monday", "10:00", "video");
        values.Remove("fits");
        values["zone"] = Interactions.SelectValue("Europe/Amsterdam", type: "radio_buttons");

        var refused = await SubmitAsync(Mentor, pair, values);
        Assert.Equal("errors", refused!["response_action"]!.ToString());
        Assert.Contains("for <@UMENTEE>", refused["errors"]!["time"]!.ToString());
        Assert.Contains("You overlap 15:00–17:30 Amsterdam / 09:00–11:30 New York", refused["errors"]!["time"]!.ToString());
        Assert.Null(_app.Get<KickoffStore>().Get(pair.Id, Mentor));

        values["time"] = new JsonObject { ["type"] = "timepicker", ["action_id"] = "value", ["selected_time"] = "15:30" };
        Assert.Null(await SubmitAsync(Mentor, pair, values));
        var mentee = KickoffValues("Learn", "Weekly", "Monday", "15:30", "video");
        mentee.Remove("fits");
        mentee["zone"] = Interactions.SelectValue("Europe/Amsterdam", type: "radio_buttons"); // the mentee picks her partner's zone
        Assert.Null(await SubmitAsync(Mentee, pair, mentee));

        var agreed = Current(_app);
        Assert.Equal("Europe/Amsterdam", agreed.MeetingZoneId);
        var menteeView = Read(await _app.CommandAsync("/mentor", "pairs", Mentee));
        Assert.Contains("Mondays 09:30 your time (15:30 for <@UMENTOR>)", menteeView);
        var mentorView = Read(await _app.CommandAsync("/mentor", "pairs", Mentor));
        Assert.Contains("Mondays 15:30 your time (09:30 for <@UMENTEE>)", mentorView);

        // Night-time is allowed when both say so.
        var late = KickoffValues("Grow", "Weekly", "Monday", "22:00", "video");
        Assert.Null(await SubmitAsync(Mentor, pair, late));
    }

    [Fact]
    public async Task KickoffModal_OffersBothZones_WhenTheyDiffer()
    {
        var pair = await PairAsync(_app);
        await _app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.KickoffOpen, pair.Id.ToString()));
        var open = await _app.Slack.WaitForCallAsync("views.open");
        var shown = Read(open);
        Assert.Contains("In whose time zone is that time?", shown);
        Assert.Contains("My time (New York)", shown);
        Assert.Contains("My partner's time (Amsterdam)", shown);
        Assert.Contains("This time works for both of us", shown);
    }
}
