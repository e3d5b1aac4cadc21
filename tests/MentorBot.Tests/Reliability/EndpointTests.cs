using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LiteDB;
using MentorBot.Storage;

namespace MentorBot.Tests.Reliability;

/// <summary>Plan 6.3 H1–H4, H7–H11: hostile and odd requests into the real endpoint. Nothing may happen, nothing may 500.</summary>
[Trait(Tier.Name, Tier.Host)]
public class EndpointTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartFreshAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static string GoalAdd(string title, string user = "UMENTEE") =>
        SlackSigner.Form(BotProcess.CommandFields("/goal", "add " + title, user));

    private long StoredGoals() => _app.Get<MentorDb>().Collection<BsonDocument>("goals").Count();

    private HttpRequestMessage WithHeaders(string body, string? timestamp, string? signature, string contentType = "application/x-www-form-urlencoded")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/events") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        if (timestamp is not null) request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp);
        if (signature is not null) request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
        return request;
    }

    private string Now => _app.Time.GetUtcNow().ToUnixTimeSeconds().ToString();

    private string SignatureOf(string body, string timestamp) =>
        Encoding.ASCII.GetString(MentorBot.Slack.Http.SlackSignature.Compute(SlackSigner.Secret, timestamp, Encoding.UTF8.GetBytes(body)));

    public static TheoryData<string> ForgedSignatures => new()
    {
        "truncated", "v1=", "uppercase", "other-body", "empty", "only-prefix", "doubled",
    };

    [Theory]
    [MemberData(nameof(ForgedSignatures))]
    public async Task H1_ForgedSignature_Gets401_NoWrite_NoSlackCall(string kind)
    {
        var body = GoalAdd("forged goal");
        var ts = Now;
        var good = SignatureOf(body, ts);
        var signature = kind switch
        {
            "truncated" => good[..^2],
            "v1=" => "v1=" + good[3..],
            "uppercase" => "v0=" + good[3..].ToUpperInvariant(),
            "other-body" => SignatureOf(GoalAdd("another goal"), ts),
            "empty" => "",
            "only-prefix" => "v0=",
            _ => good + good[3..],
        };
        var response = await _app.Client.SendAsync(WithHeaders(body, ts, signature));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, StoredGoals());
        Assert.DoesNotContain(_app.Slack.Calls(), c => c.Method != "auth.test");
    }

    [Theory]
    [InlineData(-299, HttpStatusCode.OK)]
    [InlineData(299, HttpStatusCode.OK)]
    [InlineData(-301, HttpStatusCode.Unauthorized)]
    [InlineData(301, HttpStatusCode.Unauthorized)]
    [InlineData(-86_400 * 365, HttpStatusCode.Unauthorized)]
    public async Task H2_OnlyTimestampsWithinFiveMinutesBothWays_AreAccepted(int offsetSeconds, HttpStatusCode expected)
    {
        var response = await _app.PostSignedAsync(SlackSigner.Form(BotProcess.CommandFields("/mentor", "help", "U1")),
            "application/x-www-form-urlencoded", _app.Time.GetUtcNow().AddSeconds(offsetSeconds));
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-1")]
    [InlineData("+NOW")]
    [InlineData(" NOW")]
    [InlineData("NOW.0")]
    [InlineData("1e9")]
    [InlineData("99999999999999999999999")]
    [InlineData("9223372036854775807")]
    [InlineData("٣٤٥")] // Arabic-Indic digits
    public async Task H3_NonNumericOrOddTimestamp_Gets401_Not500(string timestamp)
    {
        // Signed correctly over the odd timestamp, so only the timestamp rule can refuse it.
        timestamp = timestamp.Replace("NOW", Now);
        var body = GoalAdd("odd timestamp goal");
        var response = await _app.Client.SendAsync(WithHeaders(body, timestamp, SignatureOf(body, timestamp)));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, StoredGoals());
    }

    [Fact]
    public async Task H4_SignatureIsOverRawBytes_WhitespaceEscapesAndFormEncodingsAreAccepted()
    {
        // JSON with odd whitespace, escapes and key order: re-serialising would change the bytes and break the HMAC.
        var json = "{ \"challenge\" :\t\"caf\\u00e9 \\/ x\" ,\n  \"token\":\"t\", \"type\" : \"url_verification\" }";
        var challenge = await _app.PostSignedAsync(json, "application/json");
        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
        Assert.Equal("café / x", await challenge.Content.ReadAsStringAsync());

        // '+' and '%20' both mean a space in a form; '%2f' in lower case.
        var form = "token=x&team_id=T1&user_id=U1&command=%2fmentor&text=+help%20&response_url=http%3A%2F%2F127.0.0.1%3A9%2Fr&trigger_id=t";
        var reply = await _app.PostSignedAsync(form, "application/x-www-form-urlencoded; charset=utf-8");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("/goal", await reply.Content.ReadAsStringAsync()); // the full help, not "unknown command"
    }

    [Fact]
    public async Task H7_UnsignedMegabyte_Gets413_BeforeAnyParsing()
    {
        var response = await _app.Client.PostAsync("/slack/events",
            new StringContent("payload=" + new string('{', 1024 * 1024), Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    public static TheoryData<string, string> OddPayloads => new()
    {
        // Interactions missing what handlers read.
        { "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\"}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":{\"id\":\"U1\"},\"actions\":[]}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":null,\"actions\":[{}]}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"view_submission\",\"user\":{\"id\":\"U1\"}}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"view_submission\",\"view\":{\"callback_id\":42}}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"view_closed\"}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"shortcut\",\"callback_id\":\"x\"}"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("[]"), "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("\"text\""), "application/x-www-form-urlencoded" },
        { "payload=", "application/x-www-form-urlencoded" },
        { "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"user\":{\"id\":\"\\ud800\"},\"actions\":[{\"action_id\":\"\\udfff\"}]}"), "application/x-www-form-urlencoded" },
        // Commands missing fields, or with odd ones.
        { "command=%2Fmentor", "application/x-www-form-urlencoded" },
        { "command=%2Fgoal", "application/x-www-form-urlencoded" },
        { "command=%2Fgoal&text=add%20x", "application/x-www-form-urlencoded" },
        { "command=&text=help&user_id=U1", "application/x-www-form-urlencoded" },
        { "command=%2Fmentor&command=%2Fgoal&text=help&user_id=U1", "application/x-www-form-urlencoded" },
        { "command=%2Fmentor&text=%FF%FE&user_id=U1", "application/x-www-form-urlencoded" },
        // Events missing what handlers read.
        { "{\"type\":\"event_callback\"}", "application/json" },
        { "{\"type\":\"event_callback\",\"event_id\":\"Ev1\",\"event\":null}", "application/json" },
        { "{\"type\":\"event_callback\",\"event_id\":\"Ev2\",\"event\":{\"type\":\"app_home_opened\"}}", "application/json" },
        { "{\"type\":\"event_callback\",\"event_id\":\"Ev3\",\"event\":{\"type\":\"message\",\"channel_type\":\"im\",\"text\":null}}", "application/json" },
        { "{\"type\":\"event_callback\",\"event_id\":\"Ev4\",\"event\":{\"type\":\"member_joined_channel\",\"user\":5}}", "application/json" },
        { "{\"type\":\"event_callback\",\"event_id\":\"Ev5\",\"event\":{\"type\":\"app_home_opened\",\"user\":[\"U1\"],\"tab\":7}}", "application/json" },
        { "{\"type\":\"url_verification\"}", "application/json" },
        { "{\"type\":\"event_callback\",\"event\":{\"type\":\"\\ud800\"}}", "application/json" },
        { "{\"type\":42}", "application/json" },
        { "command=%2Fmentor&text=help", "application/json" },
        { "{\"type\":\"url_verification\",\"challenge\":\"x\"}", "application/x-www-form-urlencoded" },
        { "--b\r\nContent-Disposition: form-data; name=\"command\"\r\n\r\n/mentor\r\n--b--", "multipart/form-data; boundary=b" },
    };

    [Theory]
    [MemberData(nameof(OddPayloads))]
    public async Task H8_SignedButMalformedOrIncompletePayload_NeverGets500_AndWritesNothing(string body, string contentType)
    {
        var response = await _app.PostSignedAsync(body, contentType);
        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {body}");
        Assert.Equal(0, StoredGoals());
        await Task.Delay(50); // let any follow-up run before the log is read
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Level >= LogLevel.Error);
    }

    [Theory]
    [InlineData("/mentor", "frobnicate")]
    [InlineData("/mentor", "   ")]
    [InlineData("/goal", "frobnicate")]
    [InlineData("/goal", "add")]
    [InlineData("/goal", "done seven")]
    [InlineData("/unheard-of", "")]
    public async Task H9_UnknownOrIncompleteCommand_GetsAFriendlyEphemeralAnswer(string command, string text)
    {
        var reply = await _app.CommandAsync(command, text, triggerId: null);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.True(reply.AllText.Trim().Length > 10, "no answer the user can read");
        Assert.DoesNotContain(MentorBot.Slack.Routing.SlackRouter.SorryText, reply.AllText);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Level >= LogLevel.Error);
        Assert.Equal(0, StoredGoals());
    }

    [Fact]
    public async Task H9_UnknownButton_GetsAFriendlyEphemeralNote_ViaItsResponseUrl()
    {
        var click = Interactions.ButtonClick("U1", "retired.button", "x", responseUrl: _app.Slack.ResponseUrl("old-button"));
        var response = await _app.InteractAsync(click);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var note = await _app.Slack.WaitForCallAsync("response_url");
        Assert.Equal("ephemeral", note.Arg("response_type"));
        Assert.Contains("/mentor help", note.Arg("text"));
        Assert.Equal("false", note.Arg("replace_original"));
    }

    [Fact]
    public async Task H11_SslCheckWithASmuggledInteraction_IsIgnored()
    {
        var payload = Interactions.ButtonClick("U1", "retired.button", "x", responseUrl: _app.Slack.ResponseUrl("smuggled"));
        var body = "ssl_check=1&token=x&payload=" + Uri.EscapeDataString(payload.ToJsonString());
        var response = await _app.Client.PostAsync("/slack/events", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.Empty(_app.Slack.Calls("response_url"));

        // ssl_check=1 in a JSON body is not Slack's ssl_check: unsigned, refused.
        var json = await _app.Client.PostAsync("/slack/events", new StringContent("{\"ssl_check\":1,\"type\":\"event_callback\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, json.StatusCode);
    }

    [Fact]
    public async Task H10_UnicodeGoal_IsStoredByteEqual_AndMentionsAreEscapedWhenShown()
    {
        const string Title = "👩🏽‍💻 learn Rust 🦀 — naïve café 目標 مرحبا <!channel> <@U0BOSS> <!here|here> *_~&";
        var reply = await _app.CommandAsync("/goal", "add " + Title);
        Assert.True(Storage.IsGoalSaved(reply), reply.AllText);
        var stored = _app.Get<MentorDb>().Collection<BsonDocument>("goals").FindAll().Select(d => d["Title"].AsString).Single();
        Assert.Equal(Title, stored);

        var list = await _app.CommandAsync("/goal", "list");
        foreach (var shown in new[] { Visible(reply.Body), Visible(list.Body) })
        {
            Assert.DoesNotContain("<!channel>", shown);
            Assert.DoesNotContain("<@U0BOSS>", shown);
            Assert.DoesNotContain("<!here", shown);
        }
        Assert.Contains("👩🏽‍💻 learn Rust 🦀", Visible(list.Body));
        Assert.Contains("&lt;!channel&gt;", Visible(list.Body));
    }

    [Fact]
    public async Task H10_OverlongGoal_IsRefusedKindly_OrStoredWhole_NeverRejectedBySlack()
    {
        var title = string.Concat(Enumerable.Repeat("长目标 long goal ", 250)); // > 3,000 characters
        var reply = await _app.CommandAsync("/goal", "add " + title);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("ephemeral", reply.ResponseType);
        Assert.DoesNotContain(MentorBot.Slack.Routing.SlackRouter.SorryText, reply.AllText);
        var problems = BlockKitChecker.Check("response_url", reply.Body!);
        Assert.Empty(problems);
        var stored = _app.Get<MentorDb>().Collection<BsonDocument>("goals").FindAll().Select(d => d["Title"].AsString).ToList();
        if (stored.Count == 0) Assert.Contains("150", reply.AllText); // refused with the limit named
        else Assert.Equal(title.Trim(), Assert.Single(stored));
    }

    /// <summary>Every string in a reply, unescaped (what Slack would render), so "&lt;" checks are not fooled by JSON escaping.</summary>
    private static string Visible(JsonNode? node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => Visible(p.Value))),
        JsonArray a => string.Join("\n", a.Select(Visible)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };
}
