using System.Text.Json;
using System.Text;
using MentorBot.Features.Admin;
using MentorBot.Programme;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

[Trait(Tier.Name, Tier.Host)]
public class DataRightsTests
{
    [Fact]
    public async Task Export_SendsMyOwnDataFromEveryFeature_AsAJsonFileInMyDm()
    {
        var notes = new FakeNotes();
        notes.Notes["UME"] = "my private note ✍️";
        notes.Notes["UOTHER"] = "OTHER-PERSON-NOTE";
        await using var app = await StartAsync(s => s.AddSingleton<IPersonalData>(notes));
        await app.SignUpAsync("UME", "mentee", "MY-TOPICS public speaking");
        await app.SignUpAsync("UOTHER", "mentor", "OTHER-TOPICS", 1);

        var reply = await app.CommandAsync("/mentor", "export", "UME");
        var complete = await app.Slack.WaitForCallAsync("files.completeUploadExternal");

        Assert.Contains("file in your DM", reply.Text);
        Assert.Equal(FakeSlackApi.DmOf("UME"), complete.Arg("channel_id"));
        var fileId = complete.Args["files"]![0]!["id"]!.ToString();
        var json = Encoding.UTF8.GetString(app.Slack.Uploads[fileId]);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("UME", doc.RootElement.GetProperty("userId").GetString());
        var data = doc.RootElement.GetProperty("data");
        Assert.Equal("MY-TOPICS public speaking", data.GetProperty("programme").GetProperty("signUps")[0].GetProperty("topics").GetString());
        Assert.Equal("my private note ✍️", data.GetProperty("test-notes")[0].GetString());
        Assert.DoesNotContain("OTHER-", json);
    }

    [Fact]
    public async Task ForgetMe_AsksForConfirmationFirst_AndDeletesNothingUntilThen()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UME", "mentee", "topics");

        var reply = await app.CommandAsync("/mentor", "forget-me", "UME");

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(ForgetMeCommand.ConfirmAction, reply.AllText);
        Assert.Contains("\"confirm\"", reply.AllText);
        Assert.NotNull(app.Get<SignUpStore>().Get("UME", SignUpRole.Mentee));
    }

    [Fact]
    public async Task ForgetMe_Confirmed_ForgetsInEveryFeature_KeepsOthers_AndTheMarkerIsGoneFromTheFile()
    {
        const string marker = "FORGET-ME-MARKER-7f3a9c";
        var notes = new FakeNotes();
        notes.Notes["UME"] = "note";
        await using var app = await StartAsync(s => s.AddSingleton<IPersonalData>(notes));
        await app.SignUpAsync("UME", "mentee", marker);
        await app.SignUpAsync("UOTHER", "mentor", "OTHER-KEEPS-THIS", 1);
        app.Get<MentorBot.Features.Goals.GoalStore>().Add("UME", "GOAL-" + marker, app.Time.GetUtcNow());
        await app.OpenHomeAsync("UME");
        app.Get<MentorBot.Storage.MentorDb>().Checkpoint();
        Assert.True(Contains(app.Db.AllBytes(), marker), "the marker should be on disk before forgetting");

        await app.InteractAsync(Interactions.ButtonClick("UME", ForgetMeCommand.ConfirmAction, "UME", responseUrl: app.Slack.ResponseUrl("forget")));
        var done = await app.Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "forget");

        Assert.Contains("Done", done.Arg("text"));
        Assert.Equal("true", done.Arg("replace_original"));
        Assert.Empty(app.Get<SignUpStore>().Of("UME"));
        Assert.Empty(notes.Notes);
        Assert.NotNull(app.Get<SignUpStore>().Get("UOTHER", SignUpRole.Mentor));
        Assert.False(Contains(app.Db.AllBytes(), marker), "the marker is still in the database file");
        Assert.Empty(app.Get<MentorBot.Features.Goals.GoalStore>().ListFor("UME", includeDropped: true));
        Assert.True(Contains(app.Db.AllBytes(), "OTHER-KEEPS-THIS"));
    }

    [Fact]
    public async Task ForgetMe_TellsTheCurrentPartnerOnce_Neutrally_AndNotTheOnesFromEndedPairs()
    {
        await using var app = await StartAsync();
        app.AddPair("UMENTOR", "UME");
        app.AddPair("UOLD", "UME", status: MentorBot.Features.Pairs.PairStatus.Ended);

        await app.InteractAsync(Interactions.ButtonClick("UME", ForgetMeCommand.ConfirmAction, "UME", responseUrl: app.Slack.ResponseUrl("forget")));
        var told = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UMENTOR"));
        await app.DrainFollowUpsAsync();

        Assert.Equal(ForgetMeCommand.PartnerNotice, told.Arg("text"));
        Assert.DoesNotContain("<@UME>", told.Visible);
        Assert.Single(app.Slack.DmsTo("UMENTOR"));
        Assert.Empty(app.Slack.DmsTo("UOLD"));
        Assert.Equal(MentorBot.Features.Pairs.PairStatus.Ended, Assert.Single(app.Get<MentorBot.Features.Pairs.PairStore>().EverFor("UMENTOR")).Status);
    }

    [Fact]
    public async Task ForgetMe_ButtonOfSomeoneElse_DeletesNothing()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UVICTIM", "mentee", "topics");

        await app.InteractAsync(Interactions.ButtonClick("UATTACKER", ForgetMeCommand.ConfirmAction, "UVICTIM"));
        await app.DrainFollowUpsAsync();

        Assert.NotNull(app.Get<SignUpStore>().Get("UVICTIM", SignUpRole.Mentee));
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
