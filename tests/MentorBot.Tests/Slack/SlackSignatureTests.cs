using System.Text;
using MentorBot.Slack.Http;

namespace MentorBot.Tests.Slack;

[Trait(Tier.Name, Tier.Unit)]
public class SlackSignatureTests
{
    // Slack's published test vector (fixtures/signing-test-vector.json).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Expected = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static byte[] Body => Fixture.Bytes("slash-command.form.txt");

    [Fact]
    public void Compute_MatchesSlacksPublishedVector() =>
        Assert.Equal(Expected, Encoding.ASCII.GetString(SlackSignature.Compute(Secret, Timestamp, Body)));

    [Fact]
    public void Verify_Accepts_SlacksPublishedVector() =>
        Assert.Equal(SignatureCheck.Valid, SlackSignature.Verify(Secret, Timestamp, Body, Expected, SignedAt));

    [Theory]
    [InlineData(-299, SignatureCheck.Valid)]
    [InlineData(299, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Stale)]   // replayed: signed more than 5 minutes ago
    [InlineData(-301, SignatureCheck.Stale)]  // from the future
    [InlineData(600, SignatureCheck.Stale)]
    public void Verify_RefusesTimestampsOutsideFiveMinutes(int secondsAfterSigning, SignatureCheck expected) =>
        Assert.Equal(expected, SlackSignature.Verify(Secret, Timestamp, Body, Expected, SignedAt.AddSeconds(secondsAfterSigning)));

    [Theory]
    [InlineData(null, Expected, SignatureCheck.MissingHeaders)]
    [InlineData(Timestamp, null, SignatureCheck.MissingHeaders)]
    [InlineData("", Expected, SignatureCheck.MissingHeaders)]
    [InlineData("abc", Expected, SignatureCheck.BadTimestamp)]
    [InlineData("-1531420618", Expected, SignatureCheck.BadTimestamp)]
    [InlineData("99999999999999999999", Expected, SignatureCheck.BadTimestamp)]
    [InlineData(Timestamp, "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50", SignatureCheck.Mismatch)]
    [InlineData(Timestamp, "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SignatureCheck.Mismatch)]
    [InlineData(Timestamp, "V0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", SignatureCheck.Mismatch)]
    public void Verify_RefusesBadHeaders(string? timestamp, string? signature, SignatureCheck expected) =>
        Assert.Equal(expected, SlackSignature.Verify(Secret, timestamp, Body, signature, SignedAt));

    [Fact]
    public void Verify_Refuses_WrongSecret() =>
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify("another-secret", Timestamp, Body, Expected, SignedAt));

    [Fact]
    public void Verify_Refuses_BodyChangedByOneByte()
    {
        var body = Body;
        body[^1] ^= 1;
        Assert.Equal(SignatureCheck.Mismatch, SlackSignature.Verify(Secret, Timestamp, body, Expected, SignedAt));
    }

    [Fact]
    public void Verify_Refuses_WhenNoSecretIsConfigured() =>
        Assert.Equal(SignatureCheck.NoSecret, SlackSignature.Verify("", Timestamp, Body, Expected, SignedAt));
}
