using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using MentorBot.Tests.Features.AdminTests;

namespace MentorBot.Tests.BlockKit;

/// <summary>The pair card on App Home and in /mentor pairs, the private pulse, its low-answer offer and its comment modal.</summary>
public sealed class PulseTour : IBlockKitTour
{
    public async Task RunAsync(TestApp app)
    {
        app.Slack.AddUser("UPULSEADMIN", "Ada", isAdmin: true);
        app.Time.SetUtcNow(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));
        var pair = app.AddPair("UPM", "UPE", with: p => p with { StartedAt = app.Time.GetUtcNow().AddDays(-31), NextCheckInUtc = app.Time.GetUtcNow().AddDays(2) });
        app.Get<MentorBot.Features.Goals.GoalStore>().Add("UPE", "Give a <conference> talk & more", app.Time.GetUtcNow().AddDays(-40));
        await app.OpenHomeAsync("UPE");
        await app.CommandAsync("/mentor", "pairs", "UPM");
        await app.Get<PeriodicJobs>().RunOnceAsync();
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UPM"));
        var id = PulseAnswer.IdOf(pair.Id, "UPM", 0);
        var choose = Interactions.Choose("UPM", PulseActions.Rate, "2");
        choose["actions"]![0]!["block_id"] = "pulse." + id;
        choose["response_url"] = app.Slack.ResponseUrl("pulse");
        await app.InteractAsync(choose);
        await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "pulse");
        await app.InteractAsync(Interactions.ButtonClick("UPM", PulseActions.Comment, id));
        await app.Slack.WaitForCallAsync("views.open", c => c.Visible.Contains(PulseActions.CommentModal));
        await app.InteractAsync(Interactions.Submit("UPM", PulseActions.CommentModal, new Dictionary<string, System.Text.Json.Nodes.JsonObject>
        {
            ["rating"] = Interactions.SelectValue("4", type: "radio_buttons"), ["comment"] = Interactions.TextValue("fine"),
        }, privateMetadata: id));
        await app.InteractAsync(Interactions.ButtonClick("UPM", PulseActions.EndKindly, id, responseUrl: app.Slack.ResponseUrl("end")));
        await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "end");
        await app.DrainFollowUpsAsync();

        var rejected = app.Slack.Calls().Where(c => c.Rejected is not null).Select(c => $"{c.Method}: {c.Rejected}").ToList();
        Assert.True(rejected.Count == 0, string.Join("\n", rejected));
    }
}
