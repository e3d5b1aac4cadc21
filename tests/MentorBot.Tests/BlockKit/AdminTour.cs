using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using MentorBot.Tests.Features.AdminTests;
using MentorBot.Tests.Support;

namespace MentorBot.Tests.BlockKit;

/// <summary>
/// Every surface of the admin feature and the App Home: channel and announce replies, the sign-up message and welcome DM,
/// the sign-up and pairing modals, settings, stats, signups, admins, export, forget-me, the digest and App Homes.
/// </summary>
public sealed class AdminTour : IBlockKitTour
{
    public async Task RunAsync(TestApp app)
    {
        // The tour gets a fresh app without configured admins: make the admin a workspace admin.
        const string admin = "UTOURADMIN";
        app.Slack.AddUser(admin, "Ada Admin", isAdmin: true);

        await app.OpenHomeAsync("UNEWCOMER");
        await app.CommandAsync("/mentor", "stats", "UNOTADMIN");
        await app.CommandAsync("/mentor", "announce", admin);
        await app.CommandAsync("/mentor", "channel", admin);
        await app.CommandAsync("/mentor", "channel <#CPROG|mentoring>", admin);
        await app.Slack.WaitForCallAsync("response_url", c => c.Visible.Contains("now lives in"));
        await app.CommandAsync("/mentor", "announce", admin);
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == "CPROG");

        await app.EventAsync(new JsonObject { ["type"] = "member_joined_channel", ["user"] = "UJOINER", ["channel"] = "CPROG", ["channel_type"] = "C" });
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UJOINER"));

        await app.InteractAsync(Interactions.ButtonClick("UJOINER", SignUpModal.JoinMentee, "mentee"));
        await app.InteractAsync(Interactions.ViewButtonClick("UNEWCOMER", SignUpModal.JoinAny, "any"));
        await app.InteractAsync(Interactions.Submit("UJOINER", SignUpModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["role"] = Interactions.SelectValue("mentor", type: "radio_buttons"), ["topics"] = Interactions.TextValue(""),
        }));
        await app.SignUpAsync("UJOINER", "mentee", "Public speaking & <b>negotiation</b> 🎤 " + new string('x', 480));
        await app.SignUpAsync("UMENTOR", "mentor", "Sales, leadership", 2);
        await app.SignUpAsync("UFULL", "mentor", "Design", 1);
        app.Get<PairStore>().Add(new Pair { MentorId = "UFULL", MenteeId = "USOMEONE", Status = PairStatus.Active });

        await app.CommandAsync("/mentor", "signups", admin);
        await app.CommandAsync("/mentor", "stats", admin);
        await app.CommandAsync("/mentor", "digest", admin);
        await app.CommandAsync("/mentor", "admins", admin);
        await app.Slack.WaitForCallAsync("response_url", c => c.Visible.Contains("admins"));
        await app.InteractAsync(Interactions.ViewButtonClick(admin, PairingModal.OpenAction, "UJOINER"));
        await app.Slack.WaitForCallAsync("views.open", c => c.Visible.Contains(PairingModal.CallbackId));
        await app.InteractAsync(Interactions.Submit(admin, PairingModal.CallbackId,
            new Dictionary<string, JsonObject> { ["mentor"] = Interactions.SelectValue("UFULL") }, privateMetadata: "UJOINER"));
        await app.InteractAsync(Interactions.Submit(admin, PairingModal.CallbackId,
            new Dictionary<string, JsonObject> { ["mentor"] = Interactions.SelectValue("UMENTOR") }, privateMetadata: "UJOINER"));

        await app.CommandAsync("/mentor", "settings", admin);
        await app.InteractAsync(Interactions.Submit(admin, SettingsModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["name"] = Interactions.TextValue("Grow Together"), ["kind"] = Interactions.SelectValue("Weekly"), ["day"] = Interactions.SelectValue("Monday"),
            ["at"] = AdminTestKit.Time("10:00"), ["start"] = AdminTestKit.Time("09:00"), ["end"] = AdminTestKit.Time("17:00"),
            ["days"] = Interactions.CheckboxValue("value", "Monday", "Friday"), ["prep"] = Interactions.SelectValue("1d"), ["reminders"] = Interactions.SelectValue("1"),
        }));

        await app.OpenHomeAsync(admin);
        await app.OpenHomeAsync("UJOINER");
        await app.CommandAsync("/mentor", "export", "UJOINER");
        await app.Slack.WaitForCallAsync("files.completeUploadExternal");
        await app.CommandAsync("/mentor", "forget-me", "UJOINER");
        await app.InteractAsync(Interactions.ButtonClick("UJOINER", ForgetMeCommand.ConfirmAction, "UJOINER", responseUrl: app.Slack.ResponseUrl("forget")));
        await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "forget");

        app.Time.SetUtcNow(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero));
        await app.Get<PeriodicJobs>().RunOnceAsync();
        await app.DrainFollowUpsAsync();

        var rejected = app.Slack.Calls().Where(c => c.Rejected is not null).Select(c => $"{c.Method}: {c.Rejected}").ToList();
        Assert.True(rejected.Count == 0, string.Join("\n", rejected));
    }
}
