using System.Globalization;
using MentorBot.Programme;

namespace MentorBot.Features.Feedback;

/// <summary>Programme health for admins: how many asked, how many got an answer, how fast. Counts only, never content.</summary>
public sealed class FeedbackFigures(FeedbackStore store) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var all = store.All().ToList();
        var asked = all.Where(r => !r.Unprompted).ToList();
        var recent = asked.Count(r => r.CreatedAt > now.AddDays(-30));
        var settled = asked.Where(r => !r.IsPending).ToList();
        var answered = settled.Where(r => r.Status == FeedbackStatus.Answered).ToList();

        var recentAsked = asked.Where(r => r.CreatedAt > now.AddDays(-30)).ToList();
        var unprompted = all.Where(r => r.Unprompted && r.CreatedAt > now.AddDays(-30)).ToList();

        yield return new(FigureGroup.Feedback, "Feedback requests (last 30 days)", recent.ToString(CultureInfo.InvariantCulture), recent, Askers(recentAsked),
            Trend: FigureTrend.Of(asked, r => r.CreatedAt, r => r.AskerId, now));
        yield return new(FigureGroup.Feedback, "Feedback requests (all time)", asked.Count.ToString(CultureInfo.InvariantCulture), asked.Count, Askers(asked));
        yield return new(FigureGroup.Feedback, "Feedback answer rate", settled.Count == 0 ? "no settled requests yet"
            : $"{Math.Round(100.0 * answered.Count / settled.Count)}% ({answered.Count} of {settled.Count} settled)", settled.Count, settled.Count);
        yield return new(FigureGroup.Feedback, "Median time to answer feedback", answered.Count == 0 ? "no answers yet"
            : Describe(Median(answered.Select(r => r.ClosedAt!.Value - r.CreatedAt).ToList())), answered.Count, answered.Count);
        yield return new(FigureGroup.Feedback, "Unprompted feedback from mentors (last 30 days)", unprompted.Count.ToString(CultureInfo.InvariantCulture),
            unprompted.Count, unprompted.Select(r => r.GiverId).Distinct().Count());
    }

    private static int Askers(IEnumerable<FeedbackRequest> requests) => requests.Select(r => r.AskerId).Distinct().Count();

    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string Describe(TimeSpan span) => span.TotalHours < 1 ? "under an hour"
        : span.TotalHours < 48 ? $"{Math.Round(span.TotalHours)} hours"
        : $"{Math.Round(span.TotalDays, 1).ToString(CultureInfo.InvariantCulture)} days";
}
