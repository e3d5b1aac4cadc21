using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Feedback;

/// <summary>The App Home's feedback part: requests waiting for me, and the feedback I received lately.</summary>
public sealed class FeedbackHomeSection(FeedbackStore store) : IAppHomeSection
{
    private const int Shown = 5;

    public int Order => 40;

    public Task<IReadOnlyList<JsonObject>> BlocksForAsync(string userId, DateTimeOffset now, CancellationToken ct)
    {
        var blocks = new List<JsonObject> { Blocks.Header("Feedback") };
        var waiting = store.WaitingFor(userId);
        if (waiting.Count > 0)
        {
            blocks.Add(Blocks.Section($"*Waiting for you ({waiting.Count})*"));
            foreach (var r in waiting.Take(Shown)) blocks.AddRange(FeedbackList.WaitingBlocks(r));
        }
        var received = store.AskedBy(userId).Where(r => r.Status == FeedbackStatus.Answered).Take(Shown).ToList();
        if (received.Count > 0)
        {
            blocks.Add(Blocks.Section("*Your recent feedback*"));
            blocks.AddRange(received.Select(FeedbackList.AskedLine));
        }
        var open = store.AskedBy(userId).Count(r => r.IsPending);
        var summary = open > 0 ? $"{open} of your requests are still open. `/askfeedback list` shows them all." : "Asking often is how people grow fastest.";
        blocks.Add(Blocks.Section(summary, Blocks.Button("Ask for feedback", FeedbackMessages.AskMore, "home", "primary")));
        return Task.FromResult<IReadOnlyList<JsonObject>>(blocks);
    }
}
