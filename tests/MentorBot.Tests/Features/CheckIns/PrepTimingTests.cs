using MentorBot.Features.CheckIns;
using MentorBot.Programme;

namespace MentorBot.Tests.Features.CheckIns;

/// <summary>
/// When "come prepared" reaches its reader (working days back in the reader's own zone, inside working hours) and when
/// "did you meet?" does (after the session, inside the reader's working hours: at the latest their next working morning).
/// </summary>
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

    // meeting (UTC), minutes, reader's zone, expected prompt (UTC). An Amsterdam mentee, a Los Angeles mentor.
    [Theory]
    [InlineData("2026-03-09T09:00Z", 30, "Europe/Amsterdam", "2026-03-09T09:30Z")]    // Monday 10:00–10:30: at 10:30
    [InlineData("2026-03-09T09:00Z", 30, "America/Los_Angeles", "2026-03-09T16:00Z")] // that is 02:30 in LA: 09:00 LA, not at night
    [InlineData("2026-03-09T16:00Z", 60, "Europe/Amsterdam", "2026-03-10T08:00Z")]    // 17:00–18:00 Amsterdam: the next working morning
    [InlineData("2026-03-09T16:00Z", 60, "America/Los_Angeles", "2026-03-09T17:00Z")] // that is 09:00–10:00 in LA: at 10:00 LA
    [InlineData("2026-03-13T16:00Z", 60, "Europe/Amsterdam", "2026-03-16T08:00Z")]    // a Friday-evening end: Monday morning
    [InlineData("2026-03-10T01:00Z", 30, "America/Los_Angeles", "2026-03-10T16:00Z")] // Monday 18:00 LA: Tuesday 09:00 LA
    [InlineData("2026-03-30T08:00Z", 30, "Europe/Amsterdam", "2026-03-30T08:30Z")]    // the Monday after spring-forward: 10:30 CEST
    [InlineData("2026-10-26T09:00Z", 45, "Europe/Amsterdam", "2026-10-26T09:45Z")]    // the Monday after fall-back: 10:45 CET
    public void PromptAt_IsAfterTheSession_InsideTheReadersWorkingHours(string meeting, int minutes, string zone, string expected)
    {
        var at = CheckInScheduler.PromptAt(DateTimeOffset.Parse(meeting, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(minutes),
            TimeZoneInfo.FindSystemTimeZoneById(zone), new ProgrammeSettings());
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }
}
