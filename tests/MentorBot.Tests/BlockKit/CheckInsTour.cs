using System.Text.Json.Nodes;
using MentorBot.Features.CheckIns;
using MentorBot.Features.Goals;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Tests.Features.CheckIns;
using MentorBot.Tests.Support;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.BlockKit;

/// <summary>Every check-in surface: prep DM, prompt, reminder, decided prompt, every modal, async request, summary with rating, keep-going, App Home.</summary>
public sealed class CheckInsTour : IBlockKitTour
{
    public async Task RunAsync(TestApp app)
    {
        var now = app.Time.GetUtcNow();
        var pair = StartPair(app);
        app.Get<GoalStore>().Add(Mentee, "Ship <the> billing & more", now);
        app.Get<CheckInStore>().AddAgenda(pair.Id, Mentee, "Promo *case* <!channel>", now);
        var due = pair.NextCheckInUtc!.Value;

        await TickAtAsync(app, due - TimeSpan.FromHours(1));
        var prep = DmsContaining(app, Mentee, "What do you want to talk about?").Single();
        await ClickAsync(app, Mentee, CheckInMessages.AddAgenda, ButtonValue(prep, CheckInMessages.AddAgenda));
        await ClickAsync(app, Mentee, CheckInMessages.UpdateGoal, ButtonValue(prep, CheckInMessages.UpdateGoal));
        await ClickAsync(app, "UNOGOALS", CheckInMessages.UpdateGoal, "999");

        await TickAtAsync(app, due + Session);
        var checkInId = ButtonValue(Prompts(app).Single(), CheckInMessages.Met);
        await ClickAsync(app, Mentor, CheckInMessages.Snooze, checkInId, checkInId);
        await TickAtAsync(app, due + TimeSpan.FromDays(1));
        await ClickAsync(app, Mentor, CheckInMessages.Met, checkInId, checkInId);
        await ClickAsync(app, Mentor, CheckInMessages.AsyncStart, checkInId, checkInId);
        await TickAtAsync(app, due + TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var ask = app.Slack.DmsTo(Mentee).Single(c => c.Shown().Contains("three short questions"));
        await ClickAsync(app, Mentee, CheckInMessages.AsyncAnswer, ButtonValue(ask, CheckInMessages.AsyncAnswer));
        await SubmitNotesAsync(app, Mentor, checkInId, "We covered *a lot* <!here>", "Next: write it up", meta: "||");
        var summary = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(Mentee) && c.Shown().Contains("Summary"));
        await app.Slack.WaitForCallAsync("chat.update");
        await ChooseAsync(app, Mentee, CheckInMessages.Rate, MenuValues(summary, CheckInMessages.Rate)[4]);
        await ClickAsync(app, Mentor, CheckInMessages.Notes, checkInId, checkInId);
        await ClickAsync(app, "USTRANGER", CheckInMessages.Skip, checkInId);

        // Three ignored prompts later: the keep-going question, answered.
        await RunUntilAsync(app, due + TimeSpan.FromDays(29), TimeSpan.FromHours(6));
        var question = app.Slack.DmsTo(Mentor).Single(c => c.Shown().Contains("Do you want to keep going?"));
        await ChooseAsync(app, Mentor, CheckInMessages.KeepPause, MenuValues(question, CheckInMessages.KeepPause).Single(v => v.StartsWith("2w|")));

        var home = await app.Services.GetServices<MentorBot.Features.Home.IAppHomeSection>().OfType<CheckInHomeSection>().Single()
            .BlocksForAsync(Mentee, app.Time.GetUtcNow(), default);
        await app.Get<SlackApiClient>().PublishHomeAsync(Mentee, Views.Home(new JsonArray(home.Select(b => (JsonNode)b.DeepClone()).ToArray())), default);
        await app.Slack.WaitForCallsAsync("chat.update", 2);
        await Task.Delay(200); // let the last follow-ups land before the tour's surfaces are read

        Assert.All(app.Slack.Calls(), c => Assert.True(c.Rejected is null, $"{c.Method} was rejected: {c.Rejected}"));
    }
}
