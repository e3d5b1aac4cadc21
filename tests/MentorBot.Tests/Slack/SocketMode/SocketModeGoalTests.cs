using MentorBot.Features.Goals;

namespace MentorBot.Tests.Slack.SocketMode;

/// <summary>A real feature (/goal add) over the socket: a re-sent envelope stores one goal, even across a restart.</summary>
[Trait(Tier.Name, Tier.Host)]
public class SocketModeGoalTests
{
    [Fact]
    public async Task GoalAddEnvelopeSentAgain_AfterARestart_StoresOneGoal()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var envelope = SocketEnvelopes.SlashCommand("/goal", "add Learn to give a conference talk 🎤");
        var id = envelope["envelope_id"]!.ToString();

        await using (var first = await SocketModeApp.StartAsync(slack, db))
        {
            var socket = await slack.SocketMode.WaitForSocketAsync(1);
            await socket.SendEnvelopeAsync(envelope);
            var ack = await socket.WaitForAckAsync(id);
            Assert.Equal("Saved goal #1: Learn to give a conference talk 🎤", ack["payload"]!["text"]!.GetValue<string>());
            await socket.SendEnvelopeAsync(envelope);
            await FakeSocketMode.Until(() => socket.AcksFor(id).Count == 2, TimeSpan.FromSeconds(5), "the second ack");
        }

        await using var restarted = await SocketModeApp.StartAsync(slack, db);
        var again = await slack.SocketMode.WaitForSocketAsync(2);
        await again.SendEnvelopeAsync(envelope);
        await again.WaitForAckAsync(id);

        Assert.Equal(1, restarted.Get<GoalStore>().CountFor("UMENTEE"));
    }
}
