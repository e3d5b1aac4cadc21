using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Features.Pairs;
using MentorBot.Programme;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static MentorBot.Tests.Features.AdminTests.AdminTestKit;

namespace MentorBot.Tests.Features.AdminTests;

[Trait(Tier.Name, Tier.Host)]
public class SignUpFlowTests
{
    [Theory]
    [InlineData(SignUpModal.JoinMentee, "mentee")]
    [InlineData(SignUpModal.JoinMentor, "mentor")]
    public async Task JoinButton_OpensTheSignUpModal_WithTheRoleChosen(string actionId, string role)
    {
        await using var app = await StartAsync();

        await app.InteractAsync(Interactions.ButtonClick("UNEW", actionId, role));
        var open = await app.Slack.WaitForCallAsync("views.open");

        Assert.Null(open.Rejected);
        Assert.Equal(SignUpModal.CallbackId, open.Args["view"]!["callback_id"]!.ToString());
        var roleBlock = open.Args["view"]!["blocks"]!.AsArray().Single(b => b!["block_id"]?.ToString() == "role")!;
        Assert.Equal(role, roleBlock["element"]!["initial_option"]!["value"]!.ToString());
    }

    [Fact]
    public async Task SignUp_IsSaved_AndThePersonIsThanked()
    {
        await using var app = await StartAsync();

        await app.SignUpAsync("UMENTEE", "mentee", "public speaking 🎤 and <!channel> stuff");

        var saved = app.Get<SignUpStore>().Get("UMENTEE", SignUpRole.Mentee)!;
        Assert.Equal("public speaking 🎤 and <!channel> stuff", saved.Topics);
        Assert.Equal(SignUpStatus.Waiting, saved.Status);
        var home = await app.Slack.WaitForCallAsync("views.publish", c => c.Arg("user_id") == "UMENTEE");
        Assert.Contains("signed up as a mentee", home.Visible);
        var adminHome = await app.Slack.WaitForCallAsync("views.publish", c => c.Arg("user_id") == AdminId);
        Assert.Contains("public speaking", adminHome.Visible);
    }

    [Fact]
    public async Task SignUp_AsMentorWithoutCapacity_AsksHowMany()
    {
        await using var app = await StartAsync();
        var submit = Interactions.Submit("UMENTOR", SignUpModal.CallbackId, new Dictionary<string, JsonObject>
        {
            ["role"] = Interactions.SelectValue("mentor", type: "radio_buttons"),
            ["topics"] = Interactions.TextValue("Kubernetes"),
        });

        var body = JsonNode.Parse(await (await app.InteractAsync(submit)).Content.ReadAsStringAsync())!;

        Assert.Equal("errors", body["response_action"]!.ToString());
        Assert.NotNull(body["errors"]!["capacity"]);
        Assert.Null(app.Get<SignUpStore>().Get("UMENTOR", SignUpRole.Mentor));
    }

    [Fact]
    public async Task SignUps_ListsWaitingMenteesWithAPairButton_AndMarksFullMentors()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UFREE", "mentor", "sales", 2);
        await app.SignUpAsync("UFULL", "mentor", "design", 1);
        app.Get<PairStore>().Add(new Pair { MentorId = "UFULL", MenteeId = "UOTHER", Status = PairStatus.Active });

        var reply = await app.CommandAsync("/mentor", "signups", AdminId);

        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("<@UMENTEE> wants to learn: negotiation", Readable(reply.AllText));
        Assert.Contains(PairingModal.OpenAction, reply.AllText);
        Assert.Contains("<@UFULL> 1/1 (full)", Readable(reply.AllText));
        Assert.Contains("<@UFREE> 0/2", Readable(reply.AllText));
    }

    [Fact]
    public async Task SignUps_WithMoreMenteesThanAMessageHolds_StaysInsideSlackLimits_AndSaysSo()
    {
        await using var app = await StartAsync();
        var store = app.Get<SignUpStore>();
        for (var i = 0; i < 60; i++) store.Save($"UM{i:00}", SignUpRole.Mentee, new string('t', 500), 0, app.Time.GetUtcNow());

        var reply = await app.CommandAsync("/mentor", "signups", AdminId);
        var home = await app.OpenHomeAsync(AdminId);

        Assert.InRange(reply.Blocks.Count, 1, 50);
        Assert.InRange(reply.AllText.Length, 1, 12_000);
        Assert.Contains("more; pair these first", reply.AllText);
        Assert.Null(home.Rejected);
    }

    [Fact]
    public async Task PairButton_OpensAModalOfMentors_WithFullOnesMarked()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UFULL", "mentor", "design", 1);
        app.Get<PairStore>().Add(new Pair { MentorId = "UFULL", MenteeId = "UOTHER", Status = PairStatus.Active });

        await app.InteractAsync(Interactions.ViewButtonClick(AdminId, PairingModal.OpenAction, "UMENTEE"));
        var open = await app.Slack.WaitForCallAsync("views.open");

        Assert.Null(open.Rejected);
        Assert.Contains("(full)", open.Visible);
        Assert.Equal("UMENTEE", open.Args["view"]!["private_metadata"]!.ToString());
    }

    [Fact]
    public async Task PairButton_FromANonAdmin_IsRefusedByDm_AndOpensNothing()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");

        await app.InteractAsync(Interactions.ViewButtonClick("UPLAIN", PairingModal.OpenAction, "UMENTEE"));
        var dm = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf("UPLAIN"));

        Assert.Equal(Admins.Refusal, dm.Arg("text"));
        Assert.Empty(app.Slack.Calls("views.open"));
    }

    [Fact]
    public async Task Pairing_AFullMentor_IsRefusedInTheModal()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UFULL", "mentor", "design", 1);
        app.Get<PairStore>().Add(new Pair { MentorId = "UFULL", MenteeId = "UOTHER", Status = PairStatus.Active });

        var body = await SubmitPairingAsync(app, "UMENTEE", "UFULL");

        Assert.Contains("is full", body);
        Assert.Empty(app.Get<PairStore>().CurrentFor("UMENTEE"));
    }

    [Fact]
    public async Task Pairing_StartsThePairThroughThePairStarter_AndTellsTheAdmin()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UMENTOR", "mentor", "sales", 1);

        var body = await SubmitPairingAsync(app, "UMENTEE", "UMENTOR");
        var dm = await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(AdminId));

        Assert.Contains("\"update\"", body);
        Assert.Contains("Paired <@UMENTOR> (mentor) with <@UMENTEE>", dm.Arg("text"));
        var pair = Assert.Single(app.Get<PairStore>().CurrentFor("UMENTEE"));
        Assert.Equal(("UMENTOR", "UMENTEE", AdminId), (pair.MentorId, pair.MenteeId, pair.StartedBy));
        Assert.Equal(SignUpStatus.Paired, app.Get<SignUpStore>().Get("UMENTEE", SignUpRole.Mentee)!.Status);
        var mentor = Assert.Single(app.Get<SignUpStore>().Mentors());
        Assert.True(mentor.IsFull);
        var list = await app.CommandAsync("/mentor", "signups", AdminId);
        Assert.DoesNotContain("<@UMENTEE> wants to learn", Readable(list.AllText));
    }

    [Fact]
    public async Task Pairing_WithTheRealPairsFeature_StartsThePairAndSendsTheKickoffToBoth()
    {
        await using var app = await StartAsync();
        await app.SignUpAsync("UMENTEE", "mentee", "negotiation");
        await app.SignUpAsync("UMENTOR", "mentor", "sales", 1);

        await SubmitPairingAsync(app, "UMENTEE", "UMENTOR");
        await app.Slack.WaitForCallAsync("chat.postMessage", c => c.Arg("channel") == FakeSlackApi.DmOf(AdminId) && c.Visible.Contains("Paired"));

        var pair = Assert.Single(app.Get<PairStore>().CurrentFor("UMENTEE"));
        Assert.Equal("UMENTOR", pair.MentorId);
        Assert.NotEmpty(app.Slack.DmsTo("UMENTEE"));
        Assert.NotEmpty(app.Slack.DmsTo("UMENTOR"));
        Assert.Equal(SignUpStatus.Paired, app.Get<SignUpStore>().Get("UMENTEE", SignUpRole.Mentee)!.Status);
    }

    private static async Task<string> SubmitPairingAsync(TestApp app, string menteeId, string mentorId)
    {
        var submit = Interactions.Submit(AdminId, PairingModal.CallbackId,
            new Dictionary<string, JsonObject> { ["mentor"] = Interactions.SelectValue(mentorId) }, privateMetadata: menteeId);
        return await (await app.InteractAsync(submit)).Content.ReadAsStringAsync();
    }
}
