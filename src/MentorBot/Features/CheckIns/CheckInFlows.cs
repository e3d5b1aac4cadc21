using MentorBot.Features.Pairs;
using MentorBot.Slack.Api;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.CheckIns;

/// <summary>What happens after a member decides: messages updated, summaries sent. Shared by buttons and modals.</summary>
public sealed class CheckInFlows(CheckInStore store, SlackApiClient slack, ILogger<CheckInFlows> logger)
{
    public const string Stranger = "Sorry, this check-in belongs to another pair: only its two members can use it.";

    /// <summary>
    /// Rewrites every delivered prompt and reminder of the check-in (both people in a peer pair), plus the message the
    /// click came from, to show what was chosen.
    /// </summary>
    public async Task RefreshPromptsAsync(CheckIn checkIn, Pair pair, string? clickedChannel, string? clickedTs, string? extra, string? clicker, CancellationToken ct)
    {
        var targets = store.NudgesOf(checkIn.Id)
            .Where(n => n.Kind is NudgeKind.Prompt or NudgeKind.Reminder && n is { Status: NudgeStatus.Sent, Channel: not null, Ts: not null })
            .Select(n => (Channel: n.Channel!, Ts: n.Ts!, Recipient: n.RecipientId))
            .ToList();
        if (clickedChannel is not null && clickedTs is not null && clicker is not null && !targets.Any(t => t.Channel == clickedChannel && t.Ts == clickedTs))
            targets.Add((clickedChannel, clickedTs, clicker));
        foreach (var (channel, ts, recipient) in targets)
        {
            var content = CheckInMessages.Decided(checkIn, recipient, pair, recipient == clicker ? extra : null);
            await TryAsync(() => slack.UpdateMessageAsync(channel, ts, content.Text, content.Blocks, ct), "update a prompt");
        }
    }

    /// <summary>The short summary to both people; the mentee's copy asks how useful it was.</summary>
    public async Task SendSummariesAsync(CheckIn checkIn, Pair pair, CancellationToken ct)
    {
        var discussed = Discussed(checkIn);
        foreach (var person in new[] { pair.MentorId, pair.MenteeId })
        {
            var content = CheckInMessages.Summary(checkIn, pair, person, discussed, askRating: person == pair.MenteeId);
            await TryAsync(() => slack.SendDmAsync(person, content.Text, content.Blocks, ct), "send a summary");
        }
    }

    /// <summary>The rater's summary again, with their rating where the question was.</summary>
    public Task ShowRatedAsync(CheckIn checkIn, Pair pair, string rater, string channel, string ts, CancellationToken ct)
    {
        var content = CheckInMessages.Summary(checkIn, pair, rater, Discussed(checkIn), askRating: false);
        content.Blocks.Insert(content.Blocks.Count - 1, Slack.BlockKit.Blocks.Context($":star: You rated this check-in {checkIn.Rating}/5. Thanks!"));
        return TryAsync(() => slack.UpdateMessageAsync(channel, ts, content.Text, content.Blocks, ct), "show a rating");
    }

    private List<AgendaItem> Discussed(CheckIn checkIn) =>
        store.Agenda.Find(a => a.DiscussedIn == checkIn.Id).OrderBy(a => a.AddedAt).ToList();

    private async Task TryAsync(Func<Task> call, string what)
    {
        try
        {
            await call();
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not {What}: {Error}", what, ex.Error);
        }
    }
}
