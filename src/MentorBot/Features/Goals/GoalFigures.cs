using System.Globalization;
using MentorBot.Programme;

namespace MentorBot.Features.Goals;

/// <summary>Programme health for admins: how many goals were set and completed. Counts only, never titles.</summary>
public sealed class GoalFigures(GoalStore goals) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var counts = goals.CountByStatus();
        int Count(GoalStatus s) => counts.GetValueOrDefault(s);
        var set = counts.Values.Sum();
        var done = Count(GoalStatus.Done);
        yield return new ProgrammeFigure("Goals set", set.ToString(CultureInfo.InvariantCulture));
        yield return new ProgrammeFigure("Goals completed", done.ToString(CultureInfo.InvariantCulture));
        yield return new ProgrammeFigure("Goals open", Count(GoalStatus.Open).ToString(CultureInfo.InvariantCulture));
        yield return new ProgrammeFigure("Goal completion rate", set == 0 ? "–" : (done / (double)set).ToString("P0", CultureInfo.InvariantCulture));
    }
}
