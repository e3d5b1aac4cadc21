using MentorBot.Features.CheckIns;
using MentorBot.Features.Pairs;
using static MentorBot.Tests.Features.CheckIns.CheckInKit;

namespace MentorBot.Tests.Features.CheckIns;

[Trait(Tier.Name, Tier.Host)]
public class NudgeDeliveryTests
{
    [Fact]
    public async Task A429_ParksTheNudgeUntilRetryAfter_WithoutAHotLoop_ThenDeliversItOnce()
    {
        await using var app = await TestApp.StartFreshAsync();
        var due = StartPair(app).NextCheckInUtc!.Value + Session; // when "did you meet?" goes out
        app.Slack.RateLimitNext("chat.postMessage", 40);

        await TickAtAsync(app, due);
        Assert.Single(app.Slack.Calls("chat.postMessage"));
        var parked = app.Get<CheckInStore>().Nudges.FindAll().Single(n => n.Kind == NudgeKind.Prompt);
        Assert.Equal((NudgeStatus.Pending, due + TimeSpan.FromSeconds(40)), (parked.Status, parked.QueueAt));

        await TickAtAsync(app, due + TimeSpan.FromSeconds(10));
        await TickAtAsync(app, due + TimeSpan.FromSeconds(39));
        Assert.Single(app.Slack.Calls("chat.postMessage"));

        await TickAtAsync(app, due + TimeSpan.FromSeconds(40));
        await TickAtAsync(app, due + TimeSpan.FromMinutes(5));
        Assert.Equal(2, app.Slack.Calls("chat.postMessage").Count);
        Assert.Equal(NudgeStatus.Sent, app.Get<CheckInStore>().GetNudge(parked.Id)!.Status);
    }

    [Fact]
    public async Task A429Storm_OverManyPairsDueTogether_DeliversEachPromptExactlyOnce()
    {
        await using var app = await TestApp.StartFreshAsync();
        const int pairs = 30;
        for (var i = 0; i < pairs; i++) StartPair(app, mentor: $"UM{i}", mentee: $"UE{i}");
        var due = app.Get<PairStore>().Get(1)!.NextCheckInUtc!.Value + Session;
        for (var i = 0; i < 5; i++) app.Slack.RateLimitNext("chat.postMessage", 30);

        var ticks = 0;
        for (var t = due; ticks < 60 && app.Get<CheckInStore>().Nudges.Count(n => n.Kind == NudgeKind.Prompt && n.Status == NudgeStatus.Sent) < pairs; t += TimeSpan.FromSeconds(15), ticks++)
            await TickAtAsync(app, t);

        var posts = app.Slack.Calls("chat.postMessage");
        Assert.Equal(pairs + 5, posts.Count); // every nudge once, plus the five refused attempts
        for (var i = 0; i < pairs; i++)
            Assert.InRange(posts.Count(c => c.Arg("channel") == FakeSlackApi.DmOf($"UM{i}")), 1, 2);
        Assert.All(app.Get<CheckInStore>().Nudges.Find(n => n.Kind == NudgeKind.Prompt), n => Assert.Equal(NudgeStatus.Sent, n.Status));
        Assert.InRange(ticks, 6, 20); // each 429 cost one 30 s wait, not a spin
    }

    [Theory]
    [InlineData("user_not_found")]
    [InlineData("account_inactive")]
    [InlineData("channel_not_found")]
    public async Task PermanentErrors_MarkTheNudgeFailed_PauseThatPersonsPairs_AndOthersStillGetPrompts(string error)
    {
        await using var app = await TestApp.StartFreshAsync();
        var gone = StartPair(app, mentor: "UGONE", mentee: "UA");
        var gone2 = StartPair(app, mentor: "UGONE", mentee: "UB");
        StartPair(app, mentor: "UOK", mentee: "UC");
        app.Slack.FailNext("chat.postMessage", error);

        await TickAtAsync(app, gone.NextCheckInUtc!.Value + Session);
        await TickAtAsync(app, gone.NextCheckInUtc!.Value + TimeSpan.FromDays(1));

        var store = app.Get<CheckInStore>();
        var failed = store.Nudges.Find(n => n.Status == NudgeStatus.Failed).ToList();
        Assert.Single(failed);
        Assert.Equal(("UGONE", error), (failed[0].RecipientId, failed[0].Error));
        Assert.Equal(PairStatus.Paused, app.Get<PairStore>().Get(gone.Id)!.Status);
        Assert.Equal(PairStatus.Paused, app.Get<PairStore>().Get(gone2.Id)!.Status);
        Assert.Null(app.Get<PairStore>().Get(gone2.Id)!.NextCheckInUtc);
        Assert.Single(Prompts(app, "UOK"));
        Assert.Contains(app.Services.GetServices<MentorBot.Programme.IProgrammeFigures>().SelectMany(f => f.Figures(app.Time.GetUtcNow())),
            fig => fig.Label.Contains("could not be delivered") && fig.Value == "1");
    }

    [Fact]
    public async Task ServerErrors_AreRetriedLater_AndDeliveredOnce()
    {
        await using var app = await TestApp.StartFreshAsync();
        var due = StartPair(app).NextCheckInUtc!.Value + Session; // when "did you meet?" goes out
        app.Slack.ServerErrorNext("chat.postMessage", times: 2);

        await TickAtAsync(app, due);
        await TickAtAsync(app, due + TimeSpan.FromSeconds(30));
        Assert.Single(app.Slack.Calls("chat.postMessage"));
        await RunUntilAsync(app, due + TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(1));

        Assert.Equal(3, app.Slack.Calls("chat.postMessage").Count);
        Assert.Equal(NudgeStatus.Sent, app.Get<CheckInStore>().Nudges.FindAll().Single(n => n.Kind == NudgeKind.Prompt).Status);
    }
}
