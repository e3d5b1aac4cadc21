using MentorBot.Features.Home;
using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MentorBot.Tests.Reliability;

/// <summary>
/// Plan 6.3 H5 and H6: Slack's retries of one event have one effect (also across a restart), and a slow Slack
/// never slows the ack. The effect measured is the App Home publish that app_home_opened causes.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class DeliveryTests(ITestOutputHelper output) : FakeSlackAndDatabase
{
    private static JsonObject HomeOpened(string user) => new()
    {
        ["type"] = "app_home_opened", ["user"] = user, ["channel"] = FakeSlackApi.DmOf(user), ["tab"] = "home", ["event_ts"] = "1700000000.000100",
    };

    private int PublishesFor(string user) => Slack.Calls("views.publish").Count(c => c.Arg("user_id") == user);

    /// <summary>Waits for the first publish, then long enough for any duplicate to show up too.</summary>
    private async Task<int> SettledPublishesAsync(string user)
    {
        await Slack.WaitForCallAsync("views.publish", c => c.Arg("user_id") == user, TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        return PublishesFor(user);
    }

    private static async Task AssertAckedFastAsync(Task<HttpResponseMessage> delivery)
    {
        var clock = Stopwatch.StartNew();
        using var response = await delivery;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"ack took {clock.Elapsed}");
    }

    [Fact]
    public async Task H5_SameEventIdThreeTimesInARow_HasOneEffect()
    {
        await using var app = await TestApp.StartAsync(Slack, Db);
        for (var retry = 0; retry < 3; retry++) await AssertAckedFastAsync(app.EventAsync(HomeOpened("USEQ"), "EvSEQ1", retry));
        Assert.Equal(1, await SettledPublishesAsync("USEQ"));

        // Control: a new delivery (another event id) does have an effect, so the count above means something.
        await AssertAckedFastAsync(app.EventAsync(HomeOpened("USEQ"), "EvSEQ2"));
        await Slack.WaitForCallsAsync("views.publish", 2, c => c.Arg("user_id") == "USEQ", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task H5_SameEventIdThreeTimesAtOnce_HasOneEffect()
    {
        await using var app = await TestApp.StartAsync(Slack, Db);
        await Task.WhenAll(Enumerable.Range(0, 3).Select(retry => AssertAckedFastAsync(app.EventAsync(HomeOpened("UPAR"), "EvPAR1", retry))));
        Assert.Equal(1, await SettledPublishesAsync("UPAR"));
    }

    [Fact]
    public async Task H5_SameEventIdAcrossARestart_HasOneEffect()
    {
        await using (var first = await TestApp.StartAsync(Slack, Db))
        {
            await AssertAckedFastAsync(first.EventAsync(HomeOpened("URST"), "EvRST1"));
            Assert.Equal(1, await SettledPublishesAsync("URST"));
        }
        await using var second = await TestApp.StartAsync(Slack, Db);
        await AssertAckedFastAsync(second.EventAsync(HomeOpened("URST"), "EvRST1", 1));
        await AssertAckedFastAsync(second.EventAsync(HomeOpened("URST"), "EvRST1", 2));
        await Task.Delay(500);
        Assert.Equal(1, PublishesFor("URST"));
    }

    [Fact]
    public async Task H6_SlowSlack_DoesNotSlowTheAck_AndTheWorkStillArrives()
    {
        foreach (var method in new[] { "views.publish", "views.open", "chat.postMessage", "chat.postEphemeral", "users.info", "conversations.open", "conversations.info" })
            Slack.Delay(method, TimeSpan.FromSeconds(5));
        await using var app = await TestApp.StartAsync(Slack, Db);
        var requests = new List<Func<Task<HttpStatusCode>>>();
        for (var i = 0; i < 4; i++)
        {
            var n = i;
            requests.Add(async () => (await app.CommandAsync("/mentor", "help", $"USLOW{n}")).Status);
            requests.Add(async () => (await app.CommandAsync("/goal", $"add slow goal {n}", $"USLOW{n}")).Status);
            requests.Add(async () => (await app.CommandAsync("/goal", "list", $"USLOW{n}")).Status);
            requests.Add(async () => (await app.CommandAsync("/goal", "", $"USLOW{n}", $"trigger-{n}")).Status);
            requests.Add(async () => (await app.EventAsync(HomeOpened($"USLOW{n}"))).StatusCode);
            requests.Add(async () => (await app.InteractAsync(Interactions.ButtonClick($"USLOW{n}", "retired.button", "x"))).StatusCode);
        }
        var latencies = await Task.WhenAll(requests.Select(async send =>
        {
            var clock = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.OK, await send());
            return clock.Elapsed.TotalMilliseconds;
        }));
        Array.Sort(latencies);
        var p99 = latencies[(int)(0.99 * (latencies.Length - 1))];
        output.WriteLine($"acks with a 5 s Slack: p50 {latencies[latencies.Length / 2]:N0} ms, p99 {p99:N0} ms, max {latencies[^1]:N0} ms");
        // Wide margin by design (plan 6.3): every ack inside Slack's 3 s although each Slack call takes 5 s.
        Assert.True(latencies[^1] < 3000, $"slowest ack {latencies[^1]:N0} ms with a slow Slack");

        // The work behind the acks still happens, just later.
        await Slack.WaitForCallAsync("views.publish", c => c.Arg("user_id") == "USLOW0", TimeSpan.FromSeconds(15));
    }
    [Fact]
    public async Task H6_AnAdminCommandWaitingOnASlowUsersInfo_IsAckedInTime_AndItsAnswerFollows()
    {
        // The admin check needs Slack (users.info) for someone never looked up: the ack never waits for it, says it is
        // checking, and the answer comes through response_url once Slack answered.
        Slack.AddUser("UADMINSLOW", "Ada Admin", isAdmin: true);
        Slack.Delay("users.info", TimeSpan.FromSeconds(5));
        await using var app = await TestApp.StartAsync(Slack, Db);

        var stats = await app.CommandAsync("/mentor", "stats", "UADMINSLOW");
        output.WriteLine($"/mentor stats acked in {stats.Elapsed.TotalMilliseconds:N0} ms");
        Assert.Equal(HttpStatusCode.OK, stats.Status);
        Assert.True(stats.Elapsed < TimeSpan.FromSeconds(3), $"ack took {stats.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(stats.Elapsed < TimeSpan.FromSeconds(1), $"ack took {stats.Elapsed.TotalMilliseconds:N0} ms: it waited on Slack");
        Assert.Equal(MentorCommand.CheckingAdmin, stats.Text);

        var late = await Slack.WaitForCallAsync("response_url", c => c.Arg("response_url_id") == "cmd-UADMINSLOW", TimeSpan.FromSeconds(15));
        Assert.Null(late.Rejected);
        Assert.Equal("ephemeral", late.Arg("response_type"));
        Assert.DoesNotContain("Sorry, something went wrong", late.Args.ToJsonString());
        Assert.Contains("Programme figures", late.Visible);
    }
}
