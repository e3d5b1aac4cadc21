namespace MentorBot.Programme;

/// <summary>
/// One feature's share of a person's data, for /mentor export and /mentor forget-me. Each feature that stores
/// something about a person registers one (services.AddSingleton&lt;IPersonalData, ...&gt;()).
/// </summary>
public interface IPersonalData
{
    /// <summary>Heading in the export, e.g. "goals".</summary>
    string Name { get; }

    /// <summary>Everything stored about <paramref name="userId"/> that they may see, as plain serialisable objects.</summary>
    object Export(string userId);

    /// <summary>Deletes (or anonymises, where another person's record needs it) what is stored about <paramref name="userId"/>; returns how many records changed.</summary>
    int Forget(string userId);
}

/// <summary>Where a figure sits, most important first: what needs someone's attention leads every view.</summary>
public enum FigureGroup { NeedsAttention, Pairs, CheckIns, Goals, Feedback, SignUps }

/// <summary>This week (the last 7 days) against the 4 weeks before it, as a weekly average.</summary>
/// <param name="RestsOn">The smallest group behind this week's count, in the figure's own unit (see <see cref="ProgrammeFigure.RestsOn"/>).</param>
public sealed record FigureTrend(int ThisWeek, double WeeklyBefore, int RestsOn)
{
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The trend of dated events: how many fall in this week, and per week in the four before.</summary>
    public static FigureTrend Of<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at, Func<T, string> who, DateTimeOffset now)
    {
        var list = items.Select(i => (At: at(i), Who: who(i))).ToList();
        var thisWeek = list.Where(i => i.At > now - Week && i.At <= now).ToList();
        var before = list.Count(i => i.At > now - 5 * Week && i.At <= now - Week);
        return new FigureTrend(thisWeek.Count, before / 4.0, thisWeek.Select(i => i.Who).Distinct().Count());
    }
}

/// <summary>One aggregate line of programme health: counts and rates only, never content.</summary>
/// <param name="Amount">The headline count behind the figure: every view leaves a figure at 0 out (zeros say nothing).</param>
/// <param name="RestsOn">
/// The size of the smallest group the figure describes, in its own unit: people, pairs, requests or ratings ("3 active
/// pairs" rests on 3). <see cref="PublicFigures"/> posts it only from 5 on.
/// </param>
/// <param name="AdminDetail">What only admins may read next to it (which pairs are at risk); never posted in a channel.</param>
public sealed record ProgrammeFigure(FigureGroup Group, string Label, string Value, int Amount, int RestsOn, string? AdminDetail = null,
    FigureTrend? Trend = null);

/// <summary>A feature's aggregate figures for /mentor stats, the admin App Home and the weekly digest.</summary>
public interface IProgrammeFigures
{
    IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now);
}
