using MentorBot.Features.Pairs;

namespace MentorBot.Features.Feedback;

/// <summary>The feedback part of the pair card: how often the guided person asked for feedback in 90 days, and how much came back. Counts only.</summary>
public sealed class FeedbackCardFacts(FeedbackStore feedback) : IPairCardFacts
{
    public void AddTo(Pair pair, DateTimeOffset now, PairCardFacts facts)
    {
        var since = now.AddDays(-90);
        foreach (var asker in new[] { pair.MenteeId, pair.MentorId }.Distinct().Where(pair.IsMenteeFor))
        {
            var asked = feedback.AskedBy(asker).Where(r => !r.Unprompted && r.CreatedAt >= since).ToList();
            facts.FeedbackAsked += asked.Count;
            facts.FeedbackAnswered += asked.Count(r => r.Status == FeedbackStatus.Answered);
        }
    }
}
