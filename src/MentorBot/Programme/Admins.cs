using MentorBot.People;
using MentorBot.Storage;
using Microsoft.Extensions.Options;

namespace MentorBot.Programme;

/// <summary>Who may run the programme: ids in Slack:AdminUserIds plus workspace admins and owners (users.info).</summary>
public sealed class Admins(IOptionsMonitor<AdminOptions> options, UserDirectory people, MentorDb db)
{
    public const string Refusal = "Sorry, only programme admins can do that. Ask a workspace admin or owner if you need it.";

    public IReadOnlyList<string> ConfiguredAdmins => options.CurrentValue.AdminUserIds;

    /// <summary>Admins known without asking Slack: configured ones and cached workspace admins (for refreshing their App Home).</summary>
    public IReadOnlyList<string> KnownAdmins() =>
        ConfiguredAdmins
            .Concat(db.Collection<Person>("people").Find(p => p.IsWorkspaceAdmin && !p.IsDeactivated).Select(p => p.Id))
            .Distinct(StringComparer.Ordinal).ToList();

    public bool IsConfiguredAdmin(string userId) => options.CurrentValue.AdminUserIds.Contains(userId, StringComparer.Ordinal);

    /// <summary>
    /// The answer without asking Slack: true for configured admins and cached workspace admins, false for someone
    /// cached as neither, null for someone MentorBot has never looked up.
    /// </summary>
    public bool? IsAdminFromCache(string userId) =>
        IsConfiguredAdmin(userId) ? true : people.Cached(userId) is { } person ? person is { IsWorkspaceAdmin: true, IsDeactivated: false } : null;

    public async Task<bool> IsAdminAsync(string userId, CancellationToken ct)
    {
        if (IsConfiguredAdmin(userId)) return true;
        var person = await people.GetAsync(userId, ct);
        return person is { IsWorkspaceAdmin: true, IsDeactivated: false };
    }
}
