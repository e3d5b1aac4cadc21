using System.Globalization;
using MentorBot.Programme;

namespace MentorBot.Features.Goals;

/// <summary>Programme health for admins: how many goals were set and completed. Counts only, never titles.</summary>
public sealed class GoalFigures(GoalStore goals) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var counts = goals.CountByStatus();
        var set = counts.Values.Sum(c => c.Goals);
        var done = counts.GetValueOrDefault(GoalStatus.Done);
        var open = counts.GetValueOrDefault(GoalStatus.Open);
        var owners = goals.CountOwners();
        yield return new(FigureGroup.Goals, "Goals set", set.ToString(CultureInfo.InvariantCulture), set, owners,
            Trend: FigureTrend.Of(goals.CreatedSince(now - 5 * FigureTrend.Week), g => g.CreatedAt, g => g.OwnerId, now));
        yield return new(FigureGroup.Goals, "Goals completed", done.Goals.ToString(CultureInfo.InvariantCulture), done.Goals, done.Owners);
        yield return new(FigureGroup.Goals, "Goals open", open.Goals.ToString(CultureInfo.InvariantCulture), open.Goals, open.Owners);
        yield return new(FigureGroup.Goals, "Goal completion rate", set == 0 ? "–" : (done.Goals / (double)set).ToString("P0", CultureInfo.InvariantCulture),
            done.Goals, owners);
    }
}
