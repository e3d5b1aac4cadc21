using MentorBot.Features.Home;
using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.Admin;
using MentorBot.Programme;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

[Trait(Tier.Name, Tier.Host)]
public class AdminCommandTests
{
    [Theory]
    [InlineData("channel <#C9|x>")]
    [InlineData("announce")]
    [InlineData("settings")]
    [InlineData("signups")]
    [InlineData("stats")]
    public async Task AdminVerb_IsPolitelyRefused_ForNonAdmins(string text)
    {
        await using var app = await StartAsync();
        // Someone MentorBot has never looked up: the ack says it is checking, the refusal follows once Slack answered.
        var reply = await app.CommandAsync("/mentor", text, "UPLAIN");
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Equal(MentorCommand.CheckingAdmin, reply.Text);
        var later = await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "cmd-UPLAIN");
        Assert.Equal(Admins.Refusal, later.Arg("text"));

        // Known now (cached): refused in the ack itself, without asking Slack again.
        var lookups = app.Slack.Calls("users.info").Count;
        var again = await app.CommandAsync("/mentor", text, "UPLAIN");
        Assert.Equal(Admins.Refusal, again.Text);
        Assert.Equal(lookups, app.Slack.Calls("users.info").Count);
        Assert.DoesNotContain(app.Slack.Calls(), c => c.Method is "views.open" or "chat.postMessage" or "conversations.info");
    }

    [Fact]
    public async Task WorkspaceAdmin_FromUsersInfo_MayRunAdminVerbs()
    {
        await using var app = await StartAsync();
        app.Slack.AddUser("UOWNER", "Olga", isAdmin: true);

        var reply = await app.CommandAsync("/mentor", "stats", "UOWNER");

        Assert.Equal(MentorCommand.CheckingAdmin, reply.Text);
        var figures = await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "cmd-UOWNER");
        Assert.Contains("Programme figures", figures.Visible);
        // Cached from then on: the next admin verb answers in the ack.
        Assert.Contains("Programme figures", (await app.CommandAsync("/mentor", "stats", "UOWNER")).AllText);
    }

    [Fact]
    public async Task DeactivatedWorkspaceAdmin_IsRefused()
    {
        await using var app = await StartAsync();
        app.Slack.AddUser("UGONE", "Gone", isAdmin: true, deleted: true);

        await app.CommandAsync("/mentor", "stats", "UGONE");

        var later = await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "cmd-UGONE");
        Assert.Equal(Admins.Refusal, later.Arg("text"));
    }

    [Fact]
    public async Task Channel_WhenTheBotIsNotAMember_SaysToInviteItFirst_AndKeepsNoChannel()
    {
        await using var app = await StartAsync();
        app.Slack.Channels["CNOTIN"] = new JsonObject { ["id"] = "CNOTIN", ["name"] = "mentoring", ["is_member"] = false };

        var reply = await app.CommandAsync("/mentor", "channel <#CNOTIN|mentoring>", AdminId);
        var answer = await app.Slack.WaitForCallAsync("response_url");

        Assert.Contains("Checking", reply.Text);
        Assert.Contains("/invite @MentorBot", answer.Arg("text"));
        Assert.Null(app.Get<ProgrammeSettingsStore>().Get().ChannelId);
    }

    [Fact]
    public async Task Channel_WhenTheBotIsAMember_BecomesTheProgrammeChannel()
    {
        await using var app = await StartAsync();

        await app.SetChannelAsync();

        Assert.Equal(ProgrammeChannel, app.Get<ProgrammeSettingsStore>().Get().ChannelId);
        var again = await app.CommandAsync("/mentor", "channel", AdminId);
        Assert.Contains($"<#{ProgrammeChannel}>", again.Text);
    }

    [Fact]
    public async Task Announce_WithoutAChannel_AsksForOneFirst()
    {
        await using var app = await StartAsync();

        var reply = await app.CommandAsync("/mentor", "announce", AdminId);

        Assert.Equal(AnnounceCommand.NoChannel, reply.Text);
        Assert.Empty(app.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Announce_PostsJoinButtonsInTheProgrammeChannel()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();

        await app.CommandAsync("/mentor", "announce", AdminId);
        var post = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == ProgrammeChannel);

        Assert.Null(post.Rejected);
        Assert.Contains(SignUpModal.JoinMentee, post.Visible);
        Assert.Contains(SignUpModal.JoinMentor, post.Visible);
        Assert.Contains("Join as mentee", post.Visible);
    }

    [Fact]
    public async Task Announce_WhenSlackSaysNotInChannel_TellsTheAdminToInvite()
    {
        await using var app = await StartAsync();
        await app.SetChannelAsync();
        app.Slack.FailNext("chat.postMessage", "not_in_channel");

        await app.CommandAsync("/mentor", "announce", AdminId);
        var answer = await app.Slack.WaitForCallAsync("response_url", c => c.Visible.Contains("/invite"));

        Assert.Contains("/invite @MentorBot", answer.Arg("text"));
    }

    [Fact]
    public async Task Admins_ListsConfiguredAndWorkspaceAdmins_ToAnyone()
    {
        await using var app = await StartAsync();
        app.Slack.Respond("users.list", _ => new
        {
            ok = true,
            members = new object[]
            {
                new { id = "UOWN", is_owner = true, deleted = false, is_bot = false },
                new { id = "UPLAIN", is_admin = false, deleted = false, is_bot = false },
                new { id = "UEX", is_admin = true, deleted = true, is_bot = false },
            },
            response_metadata = new { next_cursor = "" },
        });

        await app.CommandAsync("/mentor", "admins", "UPLAIN");
        var answer = await app.Slack.WaitForCallAsync("response_url");

        var text = answer.Arg("text")!;
        Assert.Contains($"<@{AdminId}>", text);
        Assert.Contains("<@UOWN>", text);
        Assert.DoesNotContain("UPLAIN", text);
        Assert.DoesNotContain("UEX", text);
    }

    [Fact]
    public async Task Admins_WhenSlacksMemberListFails_StillListsConfiguredAdmins_AndSaysSo()
    {
        await using var app = await StartAsync();
        app.Slack.FailNext("users.list", "missing_scope");

        await app.CommandAsync("/mentor", "admins", "UPLAIN");
        var answer = await app.Slack.WaitForCallAsync("response_url");

        Assert.Contains($"<@{AdminId}>", answer.Arg("text"));
        Assert.Contains("couldn't read Slack's member list", answer.Arg("text"));
    }

    [Fact]
    public async Task Settings_OpensAModal_AndSavingChangesTheProgrammeDefaults()
    {
        await using var app = await StartAsync();

        var reply = await app.CommandAsync("/mentor", "settings", AdminId);
        var open = await app.Slack.WaitForCallAsync("views.open");
        Assert.True(reply.Body is null, reply.Text);
        Assert.Null(open.Rejected);
        Assert.Contains(SettingsModal.CallbackId, open.Visible);

        var submit = Interactions.Submit(AdminId, SettingsModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["name"] = Interactions.TextValue("Grow Together"),
            ["kind"] = Interactions.SelectValue("EveryTwoWeeks"),
            ["day"] = Interactions.SelectValue("Tuesday"),
            ["at"] = AdminTestKit.Time("09:30"),
            ["start"] = AdminTestKit.Time("08:00"),
            ["end"] = AdminTestKit.Time("16:00"),
            ["days"] = Interactions.CheckboxValue("value", "Monday", "Tuesday", "Thursday"),
            ["prep"] = Interactions.SelectValue("2h"),
            ["reminders"] = Interactions.SelectValue("2"),
        });
        var response = await app.InteractAsync(submit);
        Assert.Contains("every 2 weeks on Tuesday at 09:30", await response.Content.ReadAsStringAsync());

        var s = app.Get<ProgrammeSettingsStore>().Get();
        Assert.Equal("Grow Together", s.ProgrammeName);
        Assert.Equal(CadenceKind.EveryTwoWeeks, s.DefaultCadence.Kind);
        Assert.Equal(DayOfWeek.Tuesday, s.DefaultCadence.Day);
        Assert.Equal(new TimeOnly(9, 30), s.DefaultCadence.At);
        Assert.Equal((new TimeOnly(8, 0), new TimeOnly(16, 0)), (s.WorkdayStart, s.WorkdayEnd));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday], s.WorkingDays);
        Assert.Equal(TimeSpan.FromHours(2), s.PrepLead);
        Assert.Equal(2, s.MaxReminders);
    }

    [Fact]
    public async Task Settings_WithAWorkdayEndingBeforeItStarts_KeepsTheModalOpenWithAnError()
    {
        await using var app = await StartAsync();
        var submit = Interactions.Submit(AdminId, SettingsModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["name"] = Interactions.TextValue("X"), ["kind"] = Interactions.SelectValue("Weekly"), ["day"] = Interactions.SelectValue("Monday"),
            ["at"] = AdminTestKit.Time("10:00"), ["start"] = AdminTestKit.Time("17:00"), ["end"] = AdminTestKit.Time("09:00"),
            ["days"] = Interactions.CheckboxValue("value", "Monday"), ["prep"] = Interactions.SelectValue("1d"), ["reminders"] = Interactions.SelectValue("1"),
        });

        var body = JsonNode.Parse(await (await app.InteractAsync(submit)).Content.ReadAsStringAsync())!;

        Assert.Equal("errors", body["response_action"]!.ToString());
        Assert.Contains("end after it starts", body["errors"]!["end"]!.ToString());
        Assert.Equal("Mentoring programme", app.Get<ProgrammeSettingsStore>().Get().ProgrammeName);
    }

    [Fact]
    public async Task Settings_SubmittedByANonAdmin_IsRefusedAndNotSaved()
    {
        await using var app = await StartAsync();
        var submit = Interactions.Submit("UPLAIN", SettingsModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["name"] = Interactions.TextValue("Hijacked"),
        });

        var body = await (await app.InteractAsync(submit)).Content.ReadAsStringAsync();

        Assert.Contains("only programme admins", body);
        Assert.Equal("Mentoring programme", app.Get<ProgrammeSettingsStore>().Get().ProgrammeName);
    }
}
