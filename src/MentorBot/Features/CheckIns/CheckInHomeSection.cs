using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Features.Pairs;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.CheckIns;

/// <summary>App Home: my next check-ins and what is on the agenda for them.</summary>
public sealed class CheckInHomeSection(CheckInStore store, PairStore pairStore) : IAppHomeSection
{
    public int Order => 30;

    public Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var pairs = pairStore.CurrentFor(userId);
        var blocks = new List<JsonObject> { Blocks.Header("Your next check-ins") };
        if (pairs.Count == 0)
        {
            blocks.Add(Blocks.Context("No check-ins yet: they start when you are paired."));
            return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
        }
        foreach (var pair in pairs.OrderBy(p => p.NextCheckInUtc ?? DateTimeOffset.MaxValue).Take(10))
        {
            var when = pair.Status == PairStatus.Paused || pair.NextCheckInUtc is null ? "paused" : Mrkdwn.Date(pair.NextCheckInUtc.Value);
            var line = $"With {Mrkdwn.User(pair.OtherThan(userId))}: {when}";
            var agenda = store.OpenAgenda(pair.Id);
            if (agenda.Count > 0)
                line += "\n" + string.Join("\n", agenda.Take(5).Select(a => "• " + Mrkdwn.Escape(a.Text))) + (agenda.Count > 5 ? $"\n…and {agenda.Count - 5} more" : "");
            var id = pair.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            blocks.Add(Blocks.Section(line, pair.IsMenteeFor(userId) ? Blocks.Button("Add agenda item", CheckInMessages.AddAgenda, id) : null));
        }
        return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
    }
}
