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

/// <summary>One aggregate line of programme health: counts and rates only, never content.</summary>
/// <param name="RestsOn">
/// The size of the smallest group the figure describes, in its own unit: people, pairs, requests or ratings ("3 active
/// pairs" rests on 3). <see cref="PublicFigures"/> posts it only from 5 on.
/// </param>
/// <param name="AdminDetail">What only admins may read next to it (which pairs are at risk); never posted in a channel.</param>
public sealed record ProgrammeFigure(string Label, string Value, int RestsOn, string? AdminDetail = null);

/// <summary>A feature's aggregate figures for /mentor stats, the admin App Home and the weekly digest.</summary>
public interface IProgrammeFigures
{
    IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now);
}
