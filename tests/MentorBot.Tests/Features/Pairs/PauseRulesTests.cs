using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>The pause rules' reading of "until when", without a host: the one parser /mentor pause and the menus use.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class PauseRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero); // Monday 10:00 in Amsterdam

    [Theory]
    // Every pause ends at the start of the working day (09:00 in the pauser's zone), never at the minute it was made.
    [InlineData("3w", "2026-03-23T08:00:00Z")]
    [InlineData("1 week", "2026-03-09T08:00:00Z")]
    [InlineData("26weeks", "2026-08-31T07:00:00Z")]   // summer time by then: 09:00 CEST
    [InlineData("2026-05-01", "2026-05-01T07:00:00Z")] // Friday 1 May, 09:00 CEST
    [InlineData("2026-03-03", "2026-03-03T08:00:00Z")] // Tuesday 3 March, 09:00 CET
    [InlineData("12 April", "2026-04-13T07:00:00Z")]   // a Sunday: the next working day
    [InlineData("3 March 2026", "2026-03-03T08:00:00Z")]
    public void Pause_EndsAtTheStartOfTheWorkingDay(string text, string expectedUtc)
    {
        Assert.True(PairPauses.TryParseUntil(text.Split(' '), Now, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"), new MentorBot.Programme.ProgrammeSettings(),
            out var until, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), until);
    }

    [Theory]
    [InlineData("", "Until when?")]
    [InlineData("0w", "Pause for 1 to 26 weeks")]
    [InlineData("27w", "Pause for 1 to 26 weeks")]
    [InlineData("2026-03-01", "is in the past")]
    [InlineData("2026-03-02", "is today")]
    [InlineData("2027-03-01", "at most 26 weeks")]
    [InlineData("next tuesday", "I didn't understand `next tuesday`")]
    public void TryParseUntil_ExplainsWhatIsWrong(string text, string expected)
    {
        var words = text.Length == 0 ? [] : text.Split(' ');
        Assert.False(PairPauses.TryParseUntil(words, Now, TimeZoneInfo.Utc, new MentorBot.Programme.ProgrammeSettings(), out _, out var error));
        Assert.Contains(expected, error);
    }
}
