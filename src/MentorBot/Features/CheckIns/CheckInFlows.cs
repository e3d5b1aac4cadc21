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
    /// click came from: still open, it shows who and when and keeps its buttons; closed, one line and no buttons.
    /// </summary>
    public async Task RefreshPromptsAsync(CheckIn checkIn, Pair pair, string? clickedChannel, string? clickedTs, string? extra, string? clicker, CancellationToken ct)
    {
        var targets = store.NudgesOf(checkIn.Id)
            .Where(CheckInStore.IsLivePrompt)
            .Select(n => (Channel: n.Channel!, Ts: n.Ts!, Recipient: n.RecipientId, NudgeId: (string?)n.Id))
            .ToList();
        if (clickedChannel is not null && clickedTs is not null && clicker is not null && !targets.Any(t => t.Channel == clickedChannel && t.Ts == clickedTs))
            targets.Add((clickedChannel, clickedTs, clicker, null));
        var open = checkIn.Status == CheckInStatus.Open;
        foreach (var (channel, ts, recipient, nudgeId) in targets)
        {
            var content = open
                ? CheckInMessages.StillOpen(checkIn, recipient, pair, recipient == clicker ? extra : null)
                : CheckInMessages.Closed(checkIn, recipient, pair);
            if (await TryAsync(() => slack.UpdateMessageAsync(channel, ts, content.Text, content.Blocks, ct), "update a prompt") && !open && nudgeId is not null)
                store.MarkRetired(nudgeId);
        }
    }

    /// <summary>The record to both people, each asked privately how useful it was; where it was posted is kept for later updates.</summary>
    public async Task SendSummariesAsync(CheckIn checkIn, Pair pair, CancellationToken ct)
    {
        var discussed = Discussed(checkIn);
        foreach (var person in new[] { pair.MentorId, pair.MenteeId })
        {
            var content = CheckInMessages.Summary(checkIn, pair, person, discussed);
            PostedMessage? posted = null;
            if (await TryAsync(async () => posted = await slack.SendDmAsync(person, content.Text, content.Blocks, ct), "send a summary") && posted is not null)
                store.AddSummary(checkIn.Id, new PostedSummary(person, posted.Channel, posted.Ts));
        }
    }

    /// <summary>Notes changed: both summaries show them, each with its reader's own rating (or the question).</summary>
    public async Task RefreshSummariesAsync(CheckIn checkIn, Pair pair, CancellationToken ct)
    {
        var discussed = Discussed(checkIn);
        foreach (var summary in checkIn.Summaries)
        {
            var content = CheckInMessages.Summary(checkIn, pair, summary.UserId, discussed);
            await TryAsync(() => slack.UpdateMessageAsync(summary.Channel, summary.Ts, content.Text, content.Blocks, ct), "update a summary");
        }
    }

    /// <summary>The rater's summary again, with their rating where the question was.</summary>
    public Task ShowRatedAsync(CheckIn checkIn, Pair pair, string rater, string channel, string ts, CancellationToken ct)
    {
        var content = CheckInMessages.Summary(checkIn, pair, rater, Discussed(checkIn));
        return TryAsync(() => slack.UpdateMessageAsync(channel, ts, content.Text, content.Blocks, ct), "show a rating");
    }

    private List<AgendaItem> Discussed(CheckIn checkIn) =>
        store.Agenda.Find(a => a.DiscussedIn == checkIn.Id).OrderBy(a => a.AddedAt).ToList();

    private async Task<bool> TryAsync(Func<Task> call, string what)
    {
        try
        {
            await call();
            return true;
        }
        catch (SlackApiException ex)
        {
            logger.LogWarning("Could not {What}: {Error}", what, ex.Error);
            return false;
        }
    }
}
