using System.Globalization;
using MentorBot.Features.Pairs;
using MentorBot.People;
using MentorBot.Programme;

namespace MentorBot.Features.CheckIns;

/// <summary>
/// Check-in health: counts and rates, never notes or answers. Only admins see which pairs have three unanswered check-ins
/// (<see cref="ProgrammeFigure.AdminDetail"/>); the public digest sees how many, once that rests on 5 people.
/// </summary>
public sealed class CheckInFigures(CheckInStore store, PairStore pairs, UserDirectory people) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var atRisk = pairs.AllActive().Where(IsAtRisk).ToList();
        var names = string.Join(", ", atRisk.Take(20).Select(p => $"{Name(p.MentorId)} & {Name(p.MenteeId)}"));
        yield return new(FigureGroup.NeedsAttention, "Pairs with 3 unanswered check-ins in a row", atRisk.Count.ToString(CultureInfo.InvariantCulture),
            atRisk.Count, atRisk.Count, atRisk.Count == 0 ? null : names + (atRisk.Count > 20 ? ", …" : ""));

        var failed = store.Nudges.Find(n => n.Status == NudgeStatus.Failed).ToList();
        var failedFor = failed.Select(n => n.RecipientId).Distinct().Count();
        yield return new(FigureGroup.NeedsAttention, "Check-in DMs that could not be delivered", failed.Count.ToString(CultureInfo.InvariantCulture),
            failed.Count, failedFor);

        // Five weeks back: the last four for the figure, and the one before them for the trend's comparison.
        var due = store.DueBetween(now - 5 * FigureTrend.Week, now).Where(c => c.Status is not (CheckInStatus.Suppressed or CheckInStatus.Cancelled)).ToList();
        var recent = due.Where(c => c.DueUtc > now - 4 * FigureTrend.Week).ToList();
        var held = recent.Count(c => c.IsHeld);
        var involved = recent.Select(c => c.PairId).Distinct().Count();
        yield return new(FigureGroup.CheckIns, "Check-ins held (last 4 weeks)", $"{held} of {recent.Count} due", recent.Count, involved,
            Trend: FigureTrend.Of(due.Where(c => c.IsHeld), c => c.DueUtc, c => c.PairId.ToString(CultureInfo.InvariantCulture), now));

        var ratings = store.AllRatings(); // mentors' and mentees' alike, each private to its giver
        yield return new(FigureGroup.CheckIns, "Value score (check-in usefulness, 1–5)", ratings.Count == 0 ? "no ratings yet"
            : string.Create(CultureInfo.InvariantCulture, $"{ratings.Average():0.0} average, {100.0 * ratings.Count(r => r >= 4) / ratings.Count:0}% rated 4–5 ({ratings.Count} ratings)"),
            ratings.Count, ratings.Count);
    }

    /// <summary>
    /// Three check-ins in a row that nobody answered. An explicit skip or an async check-in is an answer (an honest
    /// skip is not punished), and a paused pair is not active, so neither ever counts.
    /// </summary>
    public bool IsAtRisk(Pair pair)
    {
        var last = store.ForPair(pair.Id).Where(c => c.Status is not (CheckInStatus.Suppressed or CheckInStatus.Open or CheckInStatus.Cancelled)).TakeLast(3).ToList();
        return last.Count == 3 && last.All(c => c.Status is CheckInStatus.NoAnswer or CheckInStatus.Missed);
    }

    private string Name(string userId) => people.Cached(userId)?.DisplayName is { Length: > 0 } name ? name : userId;
}
