using MentorBot.Matching;
using Edge = MentorBot.Matching.AssignmentSolver.Edge;

namespace MentorBot.Tests.Matching;

[Trait(Tier.Name, Tier.Unit)]
public class AssignmentSolverTests
{
    private static (int Count, int Total) Value(int[] assignment, IReadOnlyList<Edge> edges) =>
        (assignment.Count(a => a >= 0), assignment.Select((m, i) => m < 0 ? 0 : edges.First(e => e.Mentee == i && e.Mentor == m).Weight).Sum());

    private static void AssertFeasible(int[] assignment, IReadOnlyList<int> room, IReadOnlyList<Edge> edges)
    {
        for (var i = 0; i < assignment.Length; i++)
            if (assignment[i] >= 0) Assert.Contains(edges, e => e.Mentee == i && e.Mentor == assignment[i]);
        for (var j = 0; j < room.Count; j++) Assert.True(assignment.Count(a => a == j) <= room[j], $"mentor {j} over capacity");
    }

    /// <summary>Every feasible assignment, by enumeration: the best (count, total) for each mode.</summary>
    private static (int Count, int Total) BruteForce(int mentees, IReadOnlyList<int> room, IReadOnlyList<Edge> edges, bool countFirst)
    {
        var weight = edges.ToDictionary(e => (e.Mentee, e.Mentor), e => e.Weight);
        var used = new int[room.Count];
        (int, int) best = (0, 0);
        void Go(int i, int count, int total)
        {
            if (i == mentees)
            {
                var better = countFirst ? count > best.Item1 || (count == best.Item1 && total > best.Item2) : total > best.Item2;
                if (better) best = (count, total);
                return;
            }
            Go(i + 1, count, total);
            for (var j = 0; j < room.Count; j++)
            {
                if (used[j] >= room[j] || !weight.TryGetValue((i, j), out var w)) continue;
                used[j]++;
                Go(i + 1, count + 1, total + w);
                used[j]--;
            }
        }
        Go(0, 0, 0);
        return best;
    }

    private static (int Count, int Total) Greedy(int mentees, IReadOnlyList<int> room, IReadOnlyList<Edge> edges)
    {
        var left = room.ToArray();
        var taken = new bool[mentees];
        var (count, total) = (0, 0);
        foreach (var e in edges.OrderByDescending(e => e.Weight).ThenBy(e => e.Mentee).ThenBy(e => e.Mentor))
        {
            if (taken[e.Mentee] || left[e.Mentor] == 0) continue;
            taken[e.Mentee] = true; left[e.Mentor]--; count++; total += e.Weight;
        }
        return (count, total);
    }

    private static (int Mentees, int[] Room, List<Edge> Edges) RandomCase(Random random)
    {
        var mentees = random.Next(1, 7);
        var room = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(0, 3)).ToArray();
        var edges = new List<Edge>();
        for (var i = 0; i < mentees; i++)
        for (var j = 0; j < room.Length; j++)
            if (random.NextDouble() < 0.7) edges.Add(new(i, j, random.Next(0, 101)));
        return (mentees, room, edges);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Solve_EqualsBruteForce_OnSmallRandomCases(bool countFirst)
    {
        var random = new Random(20261204);
        for (var n = 0; n < 400; n++)
        {
            var (mentees, room, edges) = RandomCase(random);
            var assignment = AssignmentSolver.Solve(mentees, room, edges, countFirst);
            AssertFeasible(assignment, room, edges);
            var best = BruteForce(mentees, room, edges, countFirst);
            var got = Value(assignment, edges);
            if (countFirst) Assert.Equal(best, got);
            else Assert.Equal(best.Total, got.Total);
        }
    }

    [Fact]
    public void Solve_NeverScoresBelowGreedy()
    {
        var random = new Random(7);
        for (var n = 0; n < 300; n++)
        {
            var (mentees, room, edges) = RandomCase(random);
            var greedy = Greedy(mentees, room, edges);
            Assert.True(Value(AssignmentSolver.Solve(mentees, room, edges, countFirst: false), edges).Total >= greedy.Total);
            Assert.True(Value(AssignmentSolver.Solve(mentees, room, edges, countFirst: true), edges).Count >= greedy.Count);
        }
    }

    [Fact]
    public void Solve_CountsPeopleFirst_OnlyInMostMatchedMode()
    {
        // A fits X very well and Y badly; B fits only X. Best total: A–X alone (90). Most matched: A–Y and B–X (30).
        Edge[] edges = [new(0, 0, 90), new(0, 1, 10), new(1, 0, 20)];
        Assert.Equal([0, -1], AssignmentSolver.Solve(2, [1, 1], edges, countFirst: false));
        Assert.Equal([1, 0], AssignmentSolver.Solve(2, [1, 1], edges, countFirst: true));
    }

    [Fact]
    public void Solve_RespectsCapacity_AndGivesTheSameAnswerEveryTime()
    {
        var random = new Random(11);
        var edges = new List<Edge>();
        for (var i = 0; i < 60; i++)
        for (var j = 0; j < 10; j++)
            edges.Add(new(i, j, random.Next(0, 4) * 25)); // many ties
        int[] room = [3, 3, 3, 3, 3, 2, 2, 2, 1, 0];
        var first = AssignmentSolver.Solve(60, room, edges, countFirst: true);
        AssertFeasible(first, room, edges);
        Assert.Equal(22, first.Count(a => a >= 0));
        for (var n = 0; n < 3; n++) Assert.Equal(first, AssignmentSolver.Solve(60, room, edges, countFirst: true));
    }
}
