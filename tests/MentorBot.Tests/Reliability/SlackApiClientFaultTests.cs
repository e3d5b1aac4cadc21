using System.Diagnostics;
using MentorBot.Slack;
using MentorBot.Slack.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace MentorBot.Tests.Reliability;

/// <summary>Plan 6.4 W1–W6: the real SlackApiClient (with its resilience pipeline) against a misbehaving fake Slack.</summary>
[Trait(Tier.Name, Tier.Host)]
public class SlackApiClientFaultTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private ServiceProvider _services = null!;
    private readonly LogCapture _logs = new();

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _services = Build(_slack.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _slack.DisposeAsync();
        Assert.DoesNotContain(TestApp.BotToken, _logs.AllText);
    }

    private ServiceProvider Build(string baseUrl)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = TestApp.BotToken, ["Slack:SigningSecret"] = SlackSigner.Secret, ["Slack:ApiBaseUrl"] = baseUrl,
        }).Build();
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSlack(config, _ => { });
        return services.BuildServiceProvider();
    }

    private SlackApiClient Client => _services.GetRequiredService<SlackApiClient>();

    private static Task<PostedMessage> Post(SlackApiClient client, string text = "hello") =>
        client.PostMessageAsync("DU1", text, null, CancellationToken.None);

    [Fact]
    public async Task W1_ShortRetryAfter_IsWaitedOut_AndTheMessageIsPostedOnce()
    {
        _slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 2);
        var posted = await Post(Client);
        Assert.NotEmpty(posted.Ts);
        var calls = _slack.Calls("chat.postMessage");
        Assert.Equal(2, calls.Count); // the 429 and the one that landed
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1.9), $"retried after {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task W2_LongRetryAfter_IsHandedBackToTheCaller_WithoutWaitingOrRetrying()
    {
        _slack.RateLimitNext("chat.postMessage", retryAfterSeconds: 40);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(() => Post(Client));
        Assert.Equal(TimeSpan.FromSeconds(40), error.RetryAfter);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"waited {clock.Elapsed}");
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("notanumber")]
    [InlineData("-5")]
    public async Task W5_MissingOrBadRetryAfter_MeansABoundedDefaultWait_NotAHotLoop(string? header)
    {
        _slack.AnswerNext("chat.postMessage", async http =>
        {
            http.Response.StatusCode = 429;
            if (header is not null) http.Response.Headers.RetryAfter = header;
            await http.Response.WriteAsync("{\"ok\":false,\"error\":\"ratelimited\"}");
        });
        var error = await Assert.ThrowsAsync<SlackRateLimitedException>(() => Post(Client));
        Assert.Equal(SlackApiClient.DefaultRetryAfter, error.RetryAfter);
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task W3_TimeoutAfterSlackProcessedThePost_IsNotRetried_SoNoSecondMessage()
    {
        _slack.Delay("chat.postMessage", TimeSpan.FromSeconds(12)); // recorded (posted) at once, answered after the 10 s attempt timeout
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Post(Client));
        Assert.Equal("timeout", error.Error);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(12));
        await Task.Delay(1500); // a late blind retry would show up here
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task W3_ServerErrorAfterThePost_IsNotRetriedBlindly()
    {
        _slack.ServerErrorNext("chat.postMessage");
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Post(Client));
        Assert.Equal("http_500", error.Error);
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Theory]
    [InlineData("channel_not_found", false)]
    [InlineData("user_not_found", false)]
    [InlineData("account_inactive", false)]
    [InlineData("not_authed", true)]
    [InlineData("invalid_auth", true)]
    public async Task W4_PermanentErrors_AreReportedOnce_AndMarkedPermanent(string slackError, bool authFailure)
    {
        _slack.FailNext("chat.postMessage", slackError);
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Post(Client));
        Assert.Equal(slackError, error.Error);
        Assert.True(error.IsPermanent);
        Assert.Equal(authFailure, error.IsAuthFailure);
        Assert.Single(_slack.Calls("chat.postMessage"));
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "invalid_response")]
    [InlineData("{\"ok\":", "invalid_response")]
    [InlineData("", "invalid_response")]
    [InlineData("[]", "invalid_response")]
    [InlineData("{\"ok\":false,\"error\":5}", "unknown_error")]
    [InlineData("{\"ok\":false,\"error\":\"invalid_blocks\",\"response_metadata\":{\"messages\":\"x\"}}", "invalid_blocks")]
    [InlineData("{\"ok\":false,\"error\":\"invalid_blocks\",\"response_metadata\":{\"messages\":[1,null]}}", "invalid_blocks")]
    [InlineData("{\"ok\":false,\"error\":\"invalid_blocks\",\"response_metadata\":[]}", "invalid_blocks")]
    public async Task W4_GarbageFromSlack_IsAnErrorTheCallerCanHandle_NotACrash(string body, string expected)
    {
        _slack.AnswerNext("chat.postMessage", http => http.Response.WriteAsync(body));
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Post(Client));
        Assert.Equal(expected, error.Error);
    }

    [Fact]
    public async Task W6_SlackUnreachable_ThenBackWithinTheRetries_DeliversOnce()
    {
        var port = BotProcess.FreePort();
        await using var services = Build($"http://127.0.0.1:{port}/api/");
        var client = services.GetRequiredService<SlackApiClient>();
        var posting = Post(client, "while Slack was down");
        await Task.Delay(300);
        await using var back = await FakeSlackApi.StartAsync(port);
        var posted = await posting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.NotEmpty(posted.Ts);
        Assert.Single(back.Calls("chat.postMessage"));
    }

    [Fact]
    public async Task W6_SlackUnreachableLonger_FailsAsUnreachable_NothingPosted_ThenTheNextCallDeliversOnce()
    {
        var port = BotProcess.FreePort();
        await using var services = Build($"http://127.0.0.1:{port}/api/");
        var client = services.GetRequiredService<SlackApiClient>();
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<SlackApiException>(() => Post(client, "lost?"));
        Assert.Equal("unreachable", error.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"took {clock.Elapsed}");

        await using var back = await FakeSlackApi.StartAsync(port);
        await Post(client, "after");
        Assert.Equal(["after"], back.Calls("chat.postMessage").Select(c => c.Arg("text")));
    }
}
