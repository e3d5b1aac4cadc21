using System.Globalization;
using System.Text;
using MentorBot.Slack.Http;

namespace MentorBot.Tests.Support;

/// <summary>Signs request bodies the way Slack does, so tests send really signed requests.</summary>
public static class SlackSigner
{
    public const string Secret = "test-signing-secret-0123456789abcdef";

    public static HttpRequestMessage Signed(string body, string contentType, DateTimeOffset at, string secret = Secret, string path = "/slack/events")
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Encoding.ASCII.GetString(SlackSignature.Compute(secret, timestamp, bytes)));
        return request;
    }

    public static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
