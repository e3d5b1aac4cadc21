namespace MentorBot.Programme;

/// <summary>
/// The one rule for programme figures posted where everyone reads (the weekly digest in the programme channel):
/// public means anonymous. No names or per-pair detail, and no figure (or trend) that rests on fewer than
/// <see cref="MinGroup"/> people (or ratings). Admins' own views show every figure with its detail.
/// </summary>
public static class PublicFigures
{
    public const int MinGroup = 5;

    /// <summary>The figures a channel may see, and how many non-zero ones were held back.</summary>
    public static (IReadOnlyList<ProgrammeFigure> Shown, int HeldBack) Select(IReadOnlyList<ProgrammeFigure> all)
    {
        var shown = all.Where(f => f.RestsOn >= MinGroup)
            .Select(f => f with { AdminDetail = null, Trend = f.Trend is { RestsOn: >= MinGroup } trend ? trend : null })
            .ToList();
        return (shown, all.Count(f => f.Amount != 0) - shown.Count(f => f.Amount != 0));
    }
}
