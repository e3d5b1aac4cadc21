using MentorBot.Features.Pairs;

namespace MentorBot.Features.Goals;

/// <summary>The goals' part of the pair card: open goals the guided person shares with the other, with progress over 30 days.</summary>
public sealed class GoalCardFacts(GoalStore goals) : IPairCardFacts
{
    public void AddTo(Pair pair, DateTimeOffset now, PairCardFacts facts)
    {
        var cutoff = now.AddDays(-30);
        foreach (var owner in new[] { pair.MenteeId, pair.MentorId }.Distinct().Where(pair.IsMenteeFor))
        foreach (var goal in goals.OpenSharedWith(owner, pair.OtherThan(owner))) // the privacy rule: shared, and only while mentoring them
        {
            var before = goal.CreatedAt > cutoff ? 0 : goal.History.Where(n => n.At <= cutoff && n.Progress is not null).Select(n => n.Progress!.Value).LastOrDefault();
            facts.SharedGoals.Add((goal.Title, goal.Progress, goal.Progress - before));
        }
    }
}
