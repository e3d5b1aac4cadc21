using MentorBot.Features.Pairs;
using MentorBot.Scheduling;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

[Trait(Tier.Name, Tier.Host)]
public class InvitationTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Invitation> AskAsync(string text = $"ask <@{Mentor}> Would love your help with system design")
    {
        var reply = await _app.CommandAsync("/mentor", text, Mentee);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("Sending your invitation", Read(reply));
        await LaterReplyAsync(_app, "I've invited");
        return _app.Get<InvitationStore>().PendingBetween(Mentee, Mentor)!;
    }

    [Fact]
    public async Task Ask_WithAMistypedPairType_SaysTheValidChoices_AndSendsNothing()
    {
        var reply = await _app.CommandAsync("/mentor", $"ask <@{Mentor}> peeer would love your help", Mentee);

        Assert.Contains("I don't know the pair type `peeer`", Read(reply));
        Assert.Contains("`mentoring`, `peer` or `reverse`", Read(reply));
        Assert.Null(_app.Get<InvitationStore>().PendingBetween(Mentee, Mentor));
        Assert.DoesNotContain(_app.Slack.Calls(), c => c.Method is "chat.postMessage" or "conversations.open");
    }

    [Fact]
    public async Task Ask_ThenAccept_StartsThePair_WithKickoffDmsAndFirstCheckIn()
    {
        var invitation = await AskAsync();
        var dm = await DmAsync(_app, Mentor, "would like you to be their mentor");
        Assert.Null(dm.Rejected);
        Assert.Contains("system design", Read(dm));
        Assert.Contains("Accept", Read(dm));

        await _app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.Accept, invitation.Id.ToString(), responseUrl: _app.Slack.ResponseUrl("invite")));
        await DmAsync(_app, Mentee, "accepted your invitation");
        await DmAsync(_app, Mentor, "Set expectations");
        await DmAsync(_app, Mentee, "Set expectations");
        var closed = await LaterReplyAsync(_app, "You accepted");
        Assert.Equal("true", closed.Arg("replace_original"));

        var pair = Current(_app);
        Assert.Equal((Mentor, Mentee, PairType.Mentoring, PairStatus.Active), (pair.MentorId, pair.MenteeId, pair.Type, pair.Status));
        // Programme default, Monday 10:00 in the mentee's New York time: 15:00 UTC on the start day.
        Assert.Equal(Utc(2026, 3, 2, 15), pair.NextCheckInUtc);

        // A second click changes nothing.
        await _app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.Accept, invitation.Id.ToString(), responseUrl: _app.Slack.ResponseUrl("again")));
        await LaterReplyAsync(_app, "already accepted");
        Assert.Single(_app.Get<PairStore>().EverFor(Mentor));
    }

    [Theory]
    [InlineData("peer", PairType.Peer, "peer mentors with you")]
    [InlineData("reverse", PairType.Reverse, "reverse mentor")]
    public async Task Ask_WithAType_SaysSo(string word, PairType type, string expected)
    {
        var invitation = await AskAsync($"ask <@{Mentor}> {word}");
        Assert.Equal(type, invitation.Type);
        Assert.Null(invitation.Note);
        await DmAsync(_app, Mentor, expected);
    }

    [Fact]
    public async Task Decline_TellsTheAskerKindly_AndStartsNothing()
    {
        var invitation = await AskAsync();
        await _app.InteractAsync(Interactions.ButtonClick(Mentor, PairActions.Decline, invitation.Id.ToString(), responseUrl: _app.Slack.ResponseUrl("invite")));
        var note = await DmAsync(_app, Mentee, "Thank you for asking");
        Assert.Contains(Mentor, Read(note));
        await LaterReplyAsync(_app, "You declined");
        Assert.Empty(_app.Get<PairStore>().EverFor(Mentee));
        Assert.Equal(InvitationStatus.Declined, _app.Get<InvitationStore>().Get(invitation.Id)!.Status);
    }

    [Fact]
    public async Task SomeoneElse_CannotAnswerAnInvitation()
    {
        var invitation = await AskAsync();
        await _app.InteractAsync(Interactions.ButtonClick(Outsider, PairActions.Accept, invitation.Id.ToString(), responseUrl: _app.Slack.ResponseUrl("x")));
        await LaterReplyAsync(_app, "isn't for you");
        Assert.Equal(InvitationStatus.Pending, _app.Get<InvitationStore>().Get(invitation.Id)!.Status);
        Assert.Empty(_app.Get<PairStore>().EverFor(Mentee));
    }

    [Fact]
    public async Task UnansweredInvitation_ExpiresAfter14Days_AndTheAskerIsTold()
    {
        var invitation = await AskAsync();
        var jobs = _app.Get<PeriodicJobs>();
        _app.Time.Advance(TimeSpan.FromDays(13.9));
        await jobs.RunOnceAsync();
        Assert.Equal(InvitationStatus.Pending, _app.Get<InvitationStore>().Get(invitation.Id)!.Status);

        _app.Time.Advance(TimeSpan.FromDays(0.2));
        await jobs.RunOnceAsync();
        await DmAsync(_app, Mentee, "expired after 14 days");
        var update = await _app.Slack.WaitForCallAsync("chat.update");
        Assert.Contains("expired", Read(update));
        Assert.Equal(InvitationStatus.Expired, _app.Get<InvitationStore>().Get(invitation.Id)!.Status);

        await jobs.RunOnceAsync(); // told once only
        Assert.Single(_app.Slack.DmsTo(Mentee), c => Read(c).Contains("expired"));
    }

    [Theory]
    [InlineData($"ask <@{Mentee}>", "can't invite yourself")]
    [InlineData("ask @nobody", "couldn't find @nobody")]
    [InlineData("ask", "Who?")]
    [InlineData("ask hello", "isn't a person")]
    public async Task Ask_RefusesAtOnce_WithAReason(string text, string expected)
    {
        var reply = await _app.CommandAsync("/mentor", text, Mentee);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains(expected, Read(reply));
        Assert.Empty(_app.Slack.Calls("chat.postMessage"));
    }

    [Theory]
    [InlineData(Bot, "is a bot")]
    [InlineData(Gone, "deactivated")]
    public async Task Ask_RefusesBotsAndDeactivatedPeople(string who, string expected)
    {
        await _app.CommandAsync("/mentor", $"ask <@{who}>", Mentee);
        await LaterReplyAsync(_app, expected);
        Assert.Empty(_app.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Ask_RefusesSomeoneSlackDoesNotKnow()
    {
        _app.Slack.FailNext("users.info", "user_not_found");
        await _app.CommandAsync("/mentor", "ask <@UNOSUCH>", Mentee);
        await LaterReplyAsync(_app, "couldn't find <@UNOSUCH> in this workspace");
        Assert.Empty(_app.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Ask_WhenTheDmCannotBeDelivered_SaysSo_AndAllowsAskingAgain()
    {
        _app.Slack.FailNext("chat.postMessage", "cannot_dm_bot");
        await _app.CommandAsync("/mentor", $"ask <@{Mentor}>", Mentee);
        await LaterReplyAsync(_app, "no invitation went out");
        Assert.Null(_app.Get<InvitationStore>().PendingBetween(Mentee, Mentor));
        await AskAsync();
    }

    [Fact]
    public async Task Ask_RefusesExistingPairsAndRepeatInvitations()
    {
        await AskAsync();
        var again = await _app.CommandAsync("/mentor", $"ask <@{Mentee}>", Mentor);
        Assert.Contains("already an invitation", Read(again));

        await PairAsync(_app);
        var paired = await _app.CommandAsync("/mentor", $"ask <@{Mentee}>", Mentor);
        Assert.Contains("already a mentoring pair", Read(paired));
    }
}
