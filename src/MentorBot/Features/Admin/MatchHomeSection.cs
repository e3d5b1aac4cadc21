using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Programme;

namespace MentorBot.Features.Admin;

/// <summary>An admin's App Home: the staged match proposal and the next scheduled round.</summary>
public sealed class MatchHomeSection(Admins admins, MatchStore matches, ProgrammeSettingsStore settings) : IAppHomeSection
{
    public int Order => 999;

    public async Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await admins.IsAdminAsync(userId, ct)) return [];
        var round = matches.NextRound();
        return MatchProposalView.Render(matches.Staged(), round, round is null ? null : MatchRoundJob.HeadsUpDay(round.Date, settings.Get()));
    }
}
