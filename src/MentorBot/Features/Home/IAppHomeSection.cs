using System.Text.Json.Nodes;

namespace MentorBot.Features.Home;

/// <summary>
/// One feature's part of a person's App Home (goals, pairs, check-ins, feedback, admin figures). The App Home shows
/// every registered section in <see cref="Order"/>; a section shows only what <paramref name="userId"/> may see.
/// </summary>
public interface IAppHomeSection
{
    int Order { get; }

    Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct);
}
