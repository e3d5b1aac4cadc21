using System.Globalization;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;

namespace MentorBot.Features.CheckIns;

/// <summary>Check-in health for admins: counts, rates and (for pairs at risk) names only, never notes or answers.</summary>
public sealed class CheckInFigures(CheckInStore store, PairStore pairs, UserDirectory people) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var recent = store.DueBetween(now - TimeSpan.FromDays(28), now).Where(c => c.Status != CheckInStatus.Suppressed).ToList();
        var held = recent.Count(c => c.IsHeld);
        yield return new ProgrammeFigure("Check-ins held (last 4 weeks)", $"{held} of {recent.Count} due");

        var atRisk = pairs.AllActive().Where(IsAtRisk).ToList();
        var names = string.Join(", ", atRisk.Take(20).Select(p => $"{Name(p.MentorId)} & {Name(p.MenteeId)}"));
        yield return new ProgrammeFigure("Pairs at risk (no check-in for 3 cycles)",
            atRisk.Count == 0 ? "0" : $"{atRisk.Count}: {names}{(atRisk.Count > 20 ? ", …" : "")}");

        var ratings = store.Rated().Select(c => c.Rating!.Value).ToList();
        yield return new ProgrammeFigure("Value score (check-in usefulness, 1–5)", ratings.Count == 0 ? "no ratings yet"
            : string.Create(CultureInfo.InvariantCulture, $"{ratings.Average():0.0} average, {100.0 * ratings.Count(r => r >= 4) / ratings.Count:0}% rated 4–5 ({ratings.Count} ratings)"));

        var failed = store.Nudges.Count(n => n.Status == NudgeStatus.Failed);
        yield return new ProgrammeFigure("Check-in DMs that could not be delivered", failed.ToString(CultureInfo.InvariantCulture));
    }

    private bool IsAtRisk(Pair pair)
    {
        var last = store.ForPair(pair.Id).Where(c => c.Status != CheckInStatus.Suppressed).TakeLast(3).ToList();
        return last.Count == 3 && !last.Any(c => c.IsHeld);
    }

    private string Name(string userId) => people.Cached(userId)?.DisplayName is { Length: > 0 } name ? name : userId;
}
