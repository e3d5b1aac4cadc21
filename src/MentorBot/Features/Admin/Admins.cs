using MentorBot.People;
using Microsoft.Extensions.Options;

namespace MentorBot.Features.Admin;

/// <summary>Who may run the programme: ids in Slack:AdminUserIds plus workspace admins and owners (users.info).</summary>
public sealed class Admins(IOptionsMonitor<AdminOptions> options, UserDirectory people)
{
    public const string Refusal = "Sorry, only programme admins can do that. Ask a workspace admin or owner if you need it.";

    public IReadOnlyList<string> ConfiguredAdmins => options.CurrentValue.AdminUserIds;

    public bool IsConfiguredAdmin(string userId) => options.CurrentValue.AdminUserIds.Contains(userId, StringComparer.Ordinal);

    public async Task<bool> IsAdminAsync(string userId, CancellationToken ct)
    {
        if (IsConfiguredAdmin(userId)) return true;
        var person = await people.GetAsync(userId, ct);
        return person is { IsWorkspaceAdmin: true, IsDeactivated: false };
    }
}
