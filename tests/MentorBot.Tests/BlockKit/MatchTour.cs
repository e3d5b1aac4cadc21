using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Scheduling;
using MentorBot.Tests.Features.AdminTests;

namespace MentorBot.Tests.BlockKit;

/// <summary>Matching: the settings modal, the Join modal with a topic list, the staged proposal on App Home, swap, heads-up, approval.</summary>
public sealed class MatchTour : IBlockKitTour
{
    public async Task RunAsync(TestApp app)
    {
        const string admin = "UMATCHADMIN";
        app.Slack.AddUser(admin, "Ada Admin", isAdmin: true);
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 6, 10, 0, 0, TimeSpan.Zero));

        await app.CommandAsync("/mentor", "match", admin);
        await app.CommandAsync("/mentor", "match settings", admin);
        await app.Slack.WaitForCallAsync("views.open", c => c.Visible.Contains(MatchSettingsModal.CallbackId));
        await app.InteractAsync(Interactions.Submit(admin, MatchSettingsModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["topics"] = Interactions.TextValue("Public speaking\nKubernetes\nLeading a team, for the first time as a new manager in a growing company"),
            ["mode"] = Interactions.SelectValue("MostMatched", type: "radio_buttons"), ["min"] = Interactions.SelectValue("30"),
            ["rules"] = Interactions.CheckboxValue("value", "firsttimers", "managers"),
        }));
        await app.InteractAsync(Interactions.ButtonClick("UJOIN", SignUpModal.JoinMentor, "mentor"));
        await app.Slack.WaitForCallAsync("views.open", c => c.Visible.Contains(SignUpModal.CallbackId));

        for (var i = 0; i < 8; i++) await app.SignUpAsync($"UMENTEE{i}", "mentee", i % 2 == 0 ? "public speaking, Kubernetes" : "sales <b>&</b> design");
        await app.SignUpAsync("UMENTOR1", "mentor", "Kubernetes, public speaking", 2);
        await app.SignUpAsync("UMENTOR2", "mentor", "sales, design", 3);
        await app.SignUpAsync("UMENTOR3", "mentor", "cooking", 5);
        await app.CommandAsync("/mentor", "match", admin);
        await app.Slack.WaitForCallAsync("response_url", c => c.Visible.Contains("proposal is ready"));
        await app.OpenHomeAsync(admin);
        var run = app.Get<MatchStore>().Staged()!;
        await app.InteractAsync(Interactions.Choose(admin, MatchProposalView.PairMenu, $"swap|{run.Id}|{run.Pairs[0].MenteeId}", type: "overflow"));
        await app.Slack.WaitForCallAsync("views.open", c => c.Visible.Contains(MatchSwapModal.CallbackId));

        await app.CommandAsync("/mentor", "match on 2027-01-11", admin);
        app.Time.SetUtcNow(new DateTimeOffset(2027, 1, 8, 9, 30, 0, TimeSpan.Zero));
        await app.Get<PeriodicJobs>().RunOnceAsync();
        await app.InteractAsync(Interactions.ButtonClick("UMENTEE1", MatchActions.Skip, app.Get<MatchStore>().NextRound()!.Id.ToString(), responseUrl: app.Slack.ResponseUrl("skip")));
        await app.InteractAsync(Interactions.ViewButtonClick(admin, MatchProposalView.ApproveAll, run.Id.ToString()));
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(admin));
        await app.DrainFollowUpsAsync();

        var rejected = app.Slack.Calls().Where(c => c.Rejected is not null).Select(c => $"{c.Method}: {c.Rejected}").ToList();
        Assert.True(rejected.Count == 0, string.Join("\n", rejected));
    }
}
