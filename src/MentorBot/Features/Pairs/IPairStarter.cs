namespace MentorBot.Features.Pairs;

public enum PairStartOutcome { Started, SamePerson, NotAPerson, AlreadyPaired }

public sealed record PairStartResult(PairStartOutcome Outcome, Pair? Pair, string Message);

/// <summary>
/// Starts a pair with all its side effects (kickoff DMs, first check-in scheduled). Implemented by the pairs
/// feature; used by /mentor ask, /mentor pair and admin pairing from sign-ups.
/// </summary>
public interface IPairStarter
{
    /// <param name="startedBy">Who started it (an admin, or the person who accepted an invitation).</param>
    Task<PairStartResult> StartAsync(string mentorId, string menteeId, PairType type, string startedBy, CancellationToken ct);
}
