using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>Every registered <see cref="IProgrammeFigures"/>, gathered for /mentor stats, the admin App Home and the digest.</summary>
public sealed class ProgrammeFiguresReport(IEnumerable<IProgrammeFigures> sources, ILogger<ProgrammeFiguresReport> logger)
{
    public IReadOnlyList<ProgrammeFigure> Collect(DateTimeOffset now)
    {
        using var everything = Storage.ScanGuard.Aggregate("programme figures"); // counts over everyone: a read of all, by design
        var all = new List<ProgrammeFigure>();
        foreach (var source in sources)
        {
            try
            {
                all.AddRange(source.Figures(now));
            }
            catch (Exception ex)
            {
                // One broken source must not hide the others' figures.
                logger.LogError(ex, "Programme figures from {Source} failed", source.GetType().Name);
            }
        }
        return all;
    }
}

/// <summary>
/// How figures read, in every view (stats, admin Home, digest): grouped, most important group first, figures at zero
/// left out unless asked for, and a trend where one exists. What a view may show at all is decided before it gets here
/// (the digest passes only <see cref="PublicFigures"/>).
/// </summary>
public static class FiguresView
{
    public static string GroupName(FigureGroup group) => group switch
    {
        FigureGroup.NeedsAttention => "Needs attention",
        FigureGroup.Pairs => "Pairs",
        FigureGroup.CheckIns => "Check-ins",
        FigureGroup.Goals => "Goals",
        FigureGroup.Feedback => "Feedback",
        FigureGroup.SignUps => "Sign-ups",
        _ => group.ToString(),
    };

    public static IReadOnlyList<ProgrammeFigure> Shown(IReadOnlyList<ProgrammeFigure> figures, bool withZeros = false) =>
        figures.Where(f => withZeros || f.Amount != 0).OrderBy(f => f.Group).ToList(); // OrderBy is stable: each source's order holds

    /// <summary>One section per group, its name as the text and its figures as fields (ten to a block, Slack's limit).</summary>
    public static IEnumerable<JsonObject> Render(IReadOnlyList<ProgrammeFigure> figures, bool withZeros = false)
    {
        var shown = Shown(figures, withZeros);
        if (shown.Count == 0)
        {
            yield return Blocks.Section("Nothing to count yet: figures appear once people pair up, check in, set goals or ask for feedback.");
            yield break;
        }
        foreach (var group in shown.GroupBy(f => f.Group))
        {
            var first = true;
            foreach (var chunk in group.Chunk(Limits.SectionFields))
            {
                var fields = chunk.Select(f => $"*{Mrkdwn.Escape(f.Label)}*\n{Mrkdwn.Escape(Line(f))}").ToArray();
                yield return Blocks.SectionWithFields(first ? $"*{GroupName(group.Key)}*" : null, fields);
                first = false;
            }
        }
    }

    public static string AsText(IReadOnlyList<ProgrammeFigure> figures, bool withZeros = false) =>
        string.Join("; ", Shown(figures, withZeros).Select(f => $"{f.Label}: {Line(f with { Trend = null })}" + (f.Trend is { } t ? $" ({Trend(t)})" : "")));

    /// <summary>The value, an admin's detail when present, and the trend on its own line.</summary>
    public static string Line(ProgrammeFigure f) =>
        (f.AdminDetail is { } detail ? $"{f.Value}: {detail}" : f.Value) + (f.Trend is { } trend ? "\n" + Trend(trend) : "");

    public static string Trend(FigureTrend t)
    {
        var arrow = t.ThisWeek > t.WeeklyBefore + 0.5 ? "↑" : t.ThisWeek < t.WeeklyBefore - 0.5 ? "↓" : "→";
        return string.Create(CultureInfo.InvariantCulture, $"{arrow} {t.ThisWeek} this week, {t.WeeklyBefore:0.#} a week before");
    }
}

/// <summary>The admin feature's own figures: sign-ups and how many of them got paired.</summary>
public sealed class SignUpFigures(SignUpStore signUps) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var all = signUps.All();
        var mentors = signUps.Mentors();
        var mentees = all.Where(s => s.Role == SignUpRole.Mentee).ToList();
        var waiting = mentees.Count(s => s.Status == SignUpStatus.Waiting);
        yield return new(FigureGroup.NeedsAttention, "Mentees waiting to be paired", waiting.ToString(), waiting, waiting);
        yield return new(FigureGroup.SignUps, "Mentors signed up", $"{mentors.Count} ({mentors.Count(m => !m.IsFull)} with room)", mentors.Count, mentors.Count);
        yield return new(FigureGroup.SignUps, "Mentees paired from sign-ups", $"{mentees.Count(s => s.Status == SignUpStatus.Paired)} of {mentees.Count}",
            mentees.Count, mentees.Count);
        var recent = all.Where(s => s.SignedUpAt > now.AddDays(-28)).ToList();
        var people = recent.Select(s => s.UserId).Distinct().Count();
        yield return new(FigureGroup.SignUps, "Sign-ups in the last 4 weeks", people.ToString(), people, people,
            Trend: FigureTrend.Of(all, s => s.SignedUpAt, s => s.UserId, now));
    }
}
