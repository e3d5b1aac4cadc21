using MentorBot.Features.CheckIns;
using MentorBot.Programme;

namespace MentorBot.Tests.Features.CheckIns;

/// <summary>When "come prepared" reaches its reader: working days back in the reader's own zone, inside working hours.</summary>
[Trait(Tier.Name, Tier.Unit)]
public class PrepTimingTests
{
    // meeting (UTC), reader's zone, lead, expected prep moment (UTC)
    [Theory]
    [InlineData("2026-03-09T09:00Z", "Europe/Amsterdam", "1.00:00", "2026-03-06T09:00Z")]    // Monday 10:00 → Friday 10:00
    [InlineData("2026-03-10T09:00Z", "Europe/Amsterdam", "1.00:00", "2026-03-09T09:00Z")]    // Tuesday → Monday
    [InlineData("2026-03-09T09:00Z", "Europe/Amsterdam", "2.00:00", "2026-03-05T09:00Z")]    // two working days: Thursday
    [InlineData("2026-03-30T08:00Z", "Europe/Amsterdam", "1.00:00", "2026-03-27T09:00Z")]    // across the spring-forward weekend: Friday 10:00 CET
    [InlineData("2026-03-09T06:30Z", "Europe/Amsterdam", "1.00:00", "2026-03-06T08:00Z")]    // 07:30 meeting: prep at the start of Friday's working day
    [InlineData("2026-03-09T17:00Z", "Europe/Amsterdam", "1.00:00", "2026-03-06T15:30Z")]    // 18:00 meeting: the last working hour on Friday
    [InlineData("2026-03-09T09:00Z", "America/Los_Angeles", "1.00:00", "2026-03-06T17:00Z")] // Monday 02:00 in LA (a Sunday-evening-ish slot): Friday 09:00
    [InlineData("2026-03-09T09:00Z", "Europe/Amsterdam", "04:00:00", "2026-03-09T05:00Z")]   // hours: simply earlier (working hours applied after)
    public void PrepAt_CountsWorkingDaysInTheReadersZone(string meeting, string zone, string lead, string expected)
    {
        var settings = new ProgrammeSettings { PrepLead = TimeSpan.Parse(lead, System.Globalization.CultureInfo.InvariantCulture) };
        var at = CheckInScheduler.PrepAt(DateTimeOffset.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone), settings);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }
}
