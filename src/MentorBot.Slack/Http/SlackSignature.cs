using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MentorBot.Slack.Http;

public enum SignatureCheck { Valid, MissingHeaders, BadTimestamp, Stale, Mismatch, NoSecret }

/// <summary>
/// Slack's v0 request signature: HMAC-SHA256 over "v0:{timestamp}:{raw body}".
/// https://docs.slack.dev/authentication/verifying-requests-from-slack
/// </summary>
public static class SlackSignature
{
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static SignatureCheck Verify(string secret, string? timestamp, ReadOnlySpan<byte> body, string? signature, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret)) return SignatureCheck.NoSecret;
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.MissingHeaders;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return SignatureCheck.BadTimestamp;

        // Stricter than Bolt for JS: timestamps from the future are refused too.
        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > MaxClockSkew) return SignatureCheck.Stale;

        var expected = Compute(secret, timestamp, body);
        var given = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The "v0=…" header value for a body, as ASCII bytes.</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        var baseString = new byte[prefix.Length + body.Length];
        prefix.CopyTo(baseString, 0);
        body.CopyTo(baseString.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), baseString);
        return Encoding.ASCII.GetBytes("v0=" + Convert.ToHexStringLower(mac));
    }
}
