using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>The pause rules' reading of "until when", without a host: the one parser /mentor pause and the menus use.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class PauseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Amsterdam

    [Theory]
    [InlineData("3w", "2026-03-23T09:00:00Z")]
    [InlineData("1 week", "2026-03-09T09:00:00Z")]
    [InlineData("26weeks", "2026-08-31T09:00:00Z")]
    [InlineData("2026-05-01", "2026-04-30T22:00:00Z")] // the start of 1 May in Amsterdam (CEST, +2)
    [InlineData("2026-03-03", "2026-03-02T23:00:00Z")] // the start of 3 March in Amsterdam (CET, +1)
    public void TryParseUntil_Reads(string text, string expectedUtc)
    {
        Assert.True(PairPauses.TryParseUntil(text.Split(' '), Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"), out var until, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), until);
    }

    [Theory]
    [InlineData("", "Until when?")]
    [InlineData("0w", "Pause for 1 to 26 weeks")]
    [InlineData("27w", "Pause for 1 to 26 weeks")]
    [InlineData("2026-03-01", "is in the past")]
    [InlineData("2027-03-01", "at most 26 weeks")]
    [InlineData("next tuesday", "I didn't understand `next tuesday`")]
    public void TryParseUntil_ExplainsWhatIsWrong(string text, string expected)
    {
        var words = text.Length == 0 ? [] : text.Split(' ');
        Assert.False(PairPauses.TryParseUntil(words, Now, TimeZoneInfo.Utc, out _, out var error));
        Assert.Contains(expected, error);
    }
}
