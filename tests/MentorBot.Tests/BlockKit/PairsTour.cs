using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Tests.Features.Pairs;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.BlockKit;

/// <summary>Every message, modal and App Home section the pairs feature builds.</summary>
public sealed class PairsTour : IBlockKitTour
{
    public async Task RunAsync(TestApp app)
    {
        app.Slack.AddUser(Mentor, "Mara", "Europe/Amsterdam");
        app.Slack.AddUser(Mentee, "Nico", "America/New_York");
        app.Slack.AddUser(Outsider, "Olli", "Pacific/Tongatapu");
        app.Slack.AddUser(Admin, "Ada", isAdmin: true);

        // Invitation with a note (mrkdwn-special characters too), accepted: invitation DM, closed message, kickoff DMs.
        await app.CommandAsync("/mentor", $"ask <@{Mentor}> mentoring I'd love help with <design> & *reviews*", Mentee);
        await LaterReplyAsync(app, "I've invited");
        var invitation = app.Get<InvitationStore>().PendingBetween(Mentee, Mentor)!;
        await app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.Accept, invitation.Id.ToString(), responseUrl: app.Slack.ResponseUrl("tour-accept")));
        await DmAsync(app, Mentee, "Set expectations");
        var pair = Current(app);

        // Declined and expired invitations.
        await app.CommandAsync("/mentor", $"ask <@{Outsider}> peer", Mentee);
        await LaterReplyAsync(app, $"I've invited <@{Outsider}>");
        var declined = app.Get<InvitationStore>().PendingBetween(Mentee, Outsider)!;
        await app.InteractAsync(Interactions.ButtonClick(Outsider, PairActions.Decline, declined.Id.ToString(), responseUrl: app.Slack.ResponseUrl("tour-decline")));
        await DmAsync(app, Mentee, "Thank you for asking");
        await app.CommandAsync("/mentor", $"ask <@{Outsider}> reverse", Mentor);
        await LaterReplyAsync(app, "reverse mentoring with you");
        app.Time.Advance(TimeSpan.FromDays(15));
        await app.Get<PeriodicJobs>().RunOnceAsync();
        await app.Slack.WaitForCallAsync("chat.update");

        // Admin pairing.
        await app.CommandAsync("/mentor", $"pair <@{Outsider}> <@{Admin}> peer", Admin);
        await LaterReplyAsync(app, "are now a peer mentoring pair");

        // Kickoff modal and side-by-side answers.
        await app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.KickoffOpen, pair.Id.ToString()));
        await app.Slack.WaitForCallAsync("views.open", c => c.Args["view"]?["callback_id"]?.ToString() == KickoffModal.CallbackId);
        await app.InteractAsync(Interactions.Submit(Mentor, KickoffModal.CallbackId, KickoffValues("Grow Nico <into> a lead", "Weekly", "Monday", "10:00", "video"), pair.Id.ToString()));
        await app.InteractAsync(Interactions.Submit(Mentee, KickoffModal.CallbackId, KickoffValues("Run design reviews", "EveryTwoWeeks", "Tuesday", "09:30", "dm", "huddle", "in_person"), pair.Id.ToString()));
        await DmAsync(app, Mentor, "Your expectations, side by side");
        await AcceptProposalAsync(app, Mentor);
        await DmAsync(app, Mentee, "You agree");
        // Edit agreement: the modal in its second form, and the proposal the other accepts.
        await app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.KickoffOpen, pair.Id.ToString()));
        await app.Slack.WaitForCallAsync("views.open", c => Read(c).Contains("Edit agreement"));
        await app.InteractAsync(Interactions.Submit(Mentee, KickoffModal.CallbackId, KickoffValues("Run design reviews", "EveryTwoWeeks", "Wednesday", "09:30", "dm"), pair.Id.ToString()));
        await DmAsync(app, Mentor, "proposes a new meeting time");

        // Managing: list, cadence, pause, resume, end.
        await app.CommandAsync("/mentor", "pairs", Mentor);
        await app.CommandAsync("/mentor", "pairs", Mentee);
        await app.CommandAsync("/mentor", $"cadence <@{Mentor}> monthly on the last friday at 16:00", Mentee);
        await app.CommandAsync("/mentor", $"cadence <@{Mentor}> cron 0 9 * * 1-5", Mentee);
        await app.CommandAsync("/mentor", $"pause <@{Mentor}> 2w", Mentee);
        await app.CommandAsync("/mentor", $"resume <@{Mentor}>", Mentee);
        await app.CommandAsync("/mentor", $"pause <@{Mentor}> 1w", Mentee);
        app.Time.Advance(TimeSpan.FromDays(8));
        await app.Get<PeriodicJobs>().RunOnceAsync();
        await DmAsync(app, Mentor, "Your pause is over");

        // App Home section, published as a home view.
        var home = app.Services.GetServices<IAppHomeSection>().OfType<PairsHomeSection>().Single();
        foreach (var person in new[] { Mentor, Mentee, Outsider })
        {
            var blocks = await home.BlocksForAsync(person, app.Time.GetUtcNow(), CancellationToken.None);
            await app.Get<SlackApiClient>().PublishHomeAsync(person, Views.Home(PairMessages.Array(blocks)), CancellationToken.None);
        }

        await app.CommandAsync("/mentor", $"end <@{Mentor}>", Mentee);
        await app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.EndKeep, pair.Id.ToString(), responseUrl: app.Slack.ResponseUrl("tour-keep")));
        await app.InteractAsync(Interactions.ButtonClick(Mentee, PairActions.EndOpen, pair.Id.ToString()));
        await app.Slack.WaitForCallAsync("views.open", c => c.Args["view"]?["callback_id"]?.ToString() == EndPairModal.CallbackId);
        await app.InteractAsync(Interactions.Submit(Mentee, EndPairModal.CallbackId, new Dictionary<string, System.Text.Json.Nodes.JsonObject> { ["reason"] = Interactions.SelectValue(null) }, pair.Id.ToString()));
        await DmAsync(app, Mentor, "has ended your");
        await app.CommandAsync("/mentor", "pairs", Mentor);

        Assert.Empty(app.Slack.Calls().Where(c => c.Rejected is not null).Select(c => $"{c.Method}: {c.Rejected}"));
    }
}

[Trait(Tier.Name, Tier.Host)]
public class PairsTourTests
{
    [Fact]
    public async Task Tour_SendsOnlyValidBlockKit()
    {
        await using var app = await TestApp.StartFreshAsync();
        await new PairsTour().RunAsync(app);
    }
}
