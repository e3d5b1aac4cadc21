using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MentorBot.Tests.Slack;

/// <summary>POST /slack/events with really signed (and badly signed) requests into the real app.</summary>
[Trait(Tier.Name, Tier.Host)]
public class SlackHttpEndpointTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartFreshAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string HelpForm => SlackSigner.Form(new Dictionary<string, string>
    {
        ["command"] = "/mentor", ["text"] = "help", ["user_id"] = "U1", ["response_url"] = "http://127.0.0.1:1/response/x", ["trigger_id"] = "t",
    });

    [Fact]
    public async Task Healthz_Answers200_WhenDatabaseIsOpen()
    {
        var response = await _app.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignedRequest_IsAccepted()
    {
        var response = await _app.PostSignedAsync(HelpForm, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongSecret_Gets401_AndNothingHappens()
    {
        var response = await _app.PostSignedAsync(HelpForm, "application/x-www-form-urlencoded", secret: "not-the-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(-600)] // ten minutes old
    [InlineData(-301)]
    [InlineData(301)]  // from the future
    public async Task TimestampOutsideFiveMinutes_Gets401(int offsetSeconds)
    {
        var response = await _app.PostSignedAsync(HelpForm, "application/x-www-form-urlencoded", _app.Time.GetUtcNow().AddSeconds(offsetSeconds));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("abc", "v0=00")]
    [InlineData("", "")]
    [InlineData("1", "garbage")]
    public async Task MissingOrGarbledHeaders_Get401(string? timestamp, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events")
        {
            Content = new StringContent(HelpForm, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        if (timestamp is not null) request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp);
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
        var response = await _app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UrlVerification_EchoesTheChallenge()
    {
        var body = Fixture.Text("url-verification.json");
        var challenge = JsonNode.Parse(body)!["challenge"]!.ToString();
        var response = await _app.PostSignedAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(challenge, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnsignedSslCheck_Gets200_AndSmuggledPayloadIsIgnored()
    {
        var smuggled = "ssl_check=1&token=x&command=%2Fmentor&text=help&user_id=U1";
        var response = await _app.Client.PostAsync("/slack/events", new StringContent(smuggled, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnsignedSslCheckZero_Gets401()
    {
        var response = await _app.Client.PostAsync("/slack/events",
            new StringContent("ssl_check=0&token=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        var big = "command=%2Fmentor&text=" + new string('a', 1024 * 1024);
        var response = await _app.PostSignedAsync(big, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);

        var next = await _app.PostSignedAsync(HelpForm, "application/x-www-form-urlencoded");
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":", "application/json")]
    [InlineData("[1,2]", "application/json")]
    [InlineData("payload=%7Bbroken", "application/x-www-form-urlencoded")]
    [InlineData("hello=world", "application/x-www-form-urlencoded")]
    [InlineData("just text", "text/plain")]
    public async Task MalformedSignedBody_Gets4xx_Never500(string body, string contentType)
    {
        var response = await _app.PostSignedAsync(body, contentType);
        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Fact]
    public async Task LoneSurrogateInPayload_IsDroppedWithout500()
    {
        var response = await _app.PostSignedAsync("payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":{\"id\":\"\\ud800\"}}"),
            "application/x-www-form-urlencoded");
        Assert.True((int)response.StatusCode < 500);
    }

    [Fact]
    public async Task UnknownCommand_GetsAFriendlyPointerToHelp()
    {
        var reply = await _app.CommandAsync("/frobnicate", "now");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.Contains("/mentor help", reply.Text);
    }

    [Fact]
    public async Task UnknownAction_View_AndEvent_AreAcknowledgedQuietly()
    {
        var click = await _app.InteractAsync(Interactions.ButtonClick("U1", "nobody.handles.this", "x"));
        Assert.Equal(HttpStatusCode.OK, click.StatusCode);
        var submit = await _app.InteractAsync(Interactions.Submit("U1", "no.such.modal", new Dictionary<string, JsonObject>()));
        Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        var ev = await _app.EventAsync(new JsonObject { ["type"] = "reaction_added", ["user"] = "U1" });
        Assert.Equal(HttpStatusCode.OK, ev.StatusCode);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Level >= LogLevel.Error);
    }
}
