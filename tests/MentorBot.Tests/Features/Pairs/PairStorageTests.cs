using MentorBot.Features.Pairs;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

[Trait(Tier.Name, Tier.Host)]
public class PairStorageTests
{
    [Fact]
    public async Task Pair_SurvivesARestart_WithItsNextCheckInInstantExact()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var db = new TempDatabase();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestApp.DefaultStart);
        slack.AddUser(Mentor, "Mara", "Europe/Amsterdam");
        slack.AddUser(Mentee, "Nico", "America/New_York");

        Pair before;
        await using (var first = await TestApp.StartAsync(slack, db, time))
        {
            await PairAsync(first);
            await first.CommandAsync("/mentor", $"cadence <@{Mentor}> 2w on friday at 17:45", Mentee);
            before = Current(first);
        }
        await using var second = await TestApp.StartAsync(slack, db, time);
        var after = Current(second);
        Assert.Equal(before, after);
        Assert.Equal(Utc(2026, 3, 6, 22, 45), after.NextCheckInUtc); // Friday 17:45 EST
    }
}
