using System.Text.Json.Nodes;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>Every registered <see cref="IProgrammeFigures"/>, gathered for /mentor stats, the admin App Home and the digest.</summary>
public sealed class ProgrammeFiguresReport(IEnumerable<IProgrammeFigures> sources, ILogger<ProgrammeFiguresReport> logger)
{
    public IReadOnlyList<ProgrammeFigure> Collect(DateTimeOffset now)
    {
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

    /// <summary>Figures as section fields, ten to a block (Slack's limit), with what only admins may read.</summary>
    public static IEnumerable<JsonObject> Render(IReadOnlyList<ProgrammeFigure> figures)
    {
        if (figures.Count == 0)
        {
            yield return Blocks.Section("No figures yet.");
            yield break;
        }
        foreach (var chunk in figures.Chunk(Limits.SectionFields))
            yield return Blocks.Fields(chunk.Select(f => $"*{Mrkdwn.Escape(f.Label)}*\n{Mrkdwn.Escape(Shown(f))}").ToArray());
    }

    public static string AsText(IReadOnlyList<ProgrammeFigure> figures) =>
        "Programme figures: " + string.Join("; ", figures.Select(f => $"{f.Label}: {Shown(f)}"));

    private static string Shown(ProgrammeFigure f) => f.AdminDetail is { } detail ? $"{f.Value}: {detail}" : f.Value;
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
        yield return new ProgrammeFigure("Mentees waiting to be paired", waiting.ToString(), waiting);
        yield return new ProgrammeFigure("Mentors signed up", $"{mentors.Count} ({mentors.Count(m => !m.IsFull)} with room)", mentors.Count);
        yield return new ProgrammeFigure("Mentees paired from sign-ups", $"{mentees.Count(s => s.Status == SignUpStatus.Paired)} of {mentees.Count}", mentees.Count);
        var recent = all.Where(s => s.SignedUpAt > now.AddDays(-28)).Select(s => s.UserId).Distinct().Count();
        yield return new ProgrammeFigure("Sign-ups in the last 4 weeks", recent.ToString(), recent);
    }
}
