using MentorBot.Features.Pairs;
using MentorBot.Programme;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

[Trait(Tier.Name, Tier.Host)]
public class AdminPairingTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Admin_PairsTwoPeopleAtOnce_AndBothGetTheKickoff()
    {
        var reply = await _app.CommandAsync("/mentor", $"pair <@{Mentor}> <@{Mentee}> reverse", Admin);
        Assert.Contains("Pairing", Read(reply));
        await LaterReplyAsync(_app, "are now a reverse mentoring pair");
        var mentorKickoff = await DmAsync(_app, Mentor, "Set expectations");
        Assert.Contains("you reverse-mentor", Read(mentorKickoff));
        var menteeKickoff = await DmAsync(_app, Mentee, "Set expectations");
        Assert.Contains("reverse-mentors you", Read(menteeKickoff));
        Assert.Equal(PairType.Reverse, Current(_app).Type);
        Assert.Equal(Admin, Current(_app).StartedBy);
    }

    [Fact]
    public async Task NonAdmin_IsPolitelyRefused()
    {
        var reply = await _app.CommandAsync("/mentor", $"pair <@{Mentor}> <@{Mentee}>", Outsider);
        Assert.Equal(Admins.Refusal, reply.Text);
        Assert.Empty(_app.Get<PairStore>().EverFor(Mentor));
    }

    [Theory]
    [InlineData($"pair <@{Mentor}> <@{Mentor}>", "same person twice")]
    [InlineData($"pair <@{Mentor}>", "Who?")]
    [InlineData($"pair <@{Mentor}> <@{Mentee}> buddies", "don't know the pair type")]
    public async Task Admin_GetsAtOnceRefusals_ForBadInput(string text, string expected)
    {
        var reply = await _app.CommandAsync("/mentor", text, Admin);
        Assert.Contains(expected, Read(reply));
    }

    [Theory]
    [InlineData(Bot, "is a bot")]
    [InlineData(Gone, "deactivated")]
    public async Task Admin_CannotPairBotsOrDeactivatedPeople(string who, string expected)
    {
        await _app.CommandAsync("/mentor", $"pair <@{who}> <@{Mentee}>", Admin);
        await LaterReplyAsync(_app, expected);
        Assert.Empty(_app.Get<PairStore>().EverFor(Mentee));
        Assert.Empty(_app.Slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task Admin_CannotPairAnExistingPairAgain_InEitherOrder()
    {
        await PairAsync(_app);
        await _app.CommandAsync("/mentor", $"pair <@{Mentee}> <@{Mentor}> peer", Admin);
        await LaterReplyAsync(_app, "already a mentoring pair");
        Assert.Single(_app.Get<PairStore>().EverFor(Mentor));
    }

    [Fact]
    public async Task PairStarter_RefusesSelf_WithoutCallingSlack()
    {
        var result = await _app.Get<PairStarter>().StartAsync(Mentor, Mentor, PairType.Peer, Admin, CancellationToken.None);
        Assert.Equal(PairStartOutcome.SamePerson, result.Outcome);
        Assert.Null(result.Pair);
    }
}
