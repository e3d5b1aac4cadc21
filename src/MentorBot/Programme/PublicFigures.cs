namespace MentorBot.Programme;

/// <summary>
/// The one rule for programme figures posted where everyone reads (the weekly digest in the programme channel):
/// public means anonymous. No names or per-pair detail, and no figure that rests on fewer than <see cref="MinGroup"/>
/// people (or ratings); zeros say nothing and are left out too. Admins' own views show every figure with its detail.
/// </summary>
public static class PublicFigures
{
    public const int MinGroup = 5;

    /// <summary>The figures a channel may see, and how many were held back.</summary>
    public static (IReadOnlyList<ProgrammeFigure> Shown, int HeldBack) Select(IReadOnlyList<ProgrammeFigure> all)
    {
        var shown = all.Where(f => f.RestsOn >= MinGroup).Select(f => f with { AdminDetail = null }).ToList();
        return (shown, all.Count - shown.Count);
    }
}
