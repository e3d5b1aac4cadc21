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
public sealed record ProgrammeFigure(string Label, string Value);

/// <summary>A feature's aggregate figures for /mentor stats, the admin App Home and the weekly digest.</summary>
public interface IProgrammeFigures
{
    IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now);
}
