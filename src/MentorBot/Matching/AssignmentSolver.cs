namespace MentorBot.Matching;

/// <summary>
/// Pure: the best assignment of mentees to mentors with capacities, exactly, as a min-cost flow solved by successive
/// shortest paths (Dijkstra with a heap on reduced costs, Johnson potentials). Source → each mentee (1) → each allowed mentor
/// (1, cost −score) → sink (the mentor's room). Every augmenting path adds one match; the path costs never decrease,
/// so stopping at the first path that does not lower the cost gives the highest total. In most-matched mode each edge
/// also carries a bonus larger than any total score, which makes the number of matches count first.
/// Deterministic: the same edges in the same order give the same assignment.
/// </summary>
public static class AssignmentSolver
{
    public readonly record struct Edge(int Mentee, int Mentor, int Weight);

    /// <returns>For each mentee, the index of their mentor, or −1.</returns>
    public static int[] Solve(int mentees, IReadOnlyList<int> room, IReadOnlyList<Edge> edges, bool countFirst)
    {
        var mentors = room.Count;
        var nodes = mentees + mentors + 2;
        int source = 0, sink = nodes - 1;
        long bonus = countFirst ? 101L * (mentees + 1) : 0; // beats any difference in total score (≤ 100 per mentee)

        var graph = new Graph(nodes, mentees + edges.Count + mentors);
        for (var i = 0; i < mentees; i++) graph.Add(source, 1 + i, 1, 0);
        var firstPairEdge = graph.Count;
        foreach (var e in edges) graph.Add(1 + e.Mentee, 1 + mentees + e.Mentor, 1, -(bonus + e.Weight));
        for (var j = 0; j < mentors; j++) graph.Add(1 + mentees + j, sink, Math.Max(0, room[j]), 0);

        // Potentials that make every reduced cost ≥ 0 on the layered graph (only mentee → mentor edges cost anything).
        var potential = new long[nodes];
        foreach (var e in edges)
            potential[1 + mentees + e.Mentor] = Math.Min(potential[1 + mentees + e.Mentor], -(bonus + e.Weight));
        for (var j = 0; j < mentors; j++) potential[sink] = Math.Min(potential[sink], potential[1 + mentees + j]);

        var dist = new long[nodes];
        var via = new int[nodes];
        var done = new bool[nodes];
        var queue = new PriorityQueue<int, (long Distance, int Node)>(); // ties by node: the same answer every time
        while (true)
        {
            Array.Fill(dist, long.MaxValue);
            Array.Fill(done, false);
            dist[source] = 0;
            queue.Clear();
            queue.Enqueue(source, (0, source));
            while (queue.TryDequeue(out var u, out var key))
            {
                if (done[u] || key.Distance != dist[u]) continue;
                if (u == sink) break;
                done[u] = true;
                for (var id = graph.Head[u]; id >= 0; id = graph.Next[id])
                {
                    if (graph.Capacity[id] == 0) continue;
                    var v = graph.To[id];
                    var candidate = dist[u] + graph.Cost[id] + potential[u] - potential[v];
                    if (candidate < dist[v]) { dist[v] = candidate; via[v] = id; queue.Enqueue(v, (candidate, v)); }
                }
            }
            if (dist[sink] == long.MaxValue) break;
            for (var v = 0; v < nodes; v++) potential[v] += Math.Min(dist[v], dist[sink]);
            if (potential[sink] - potential[source] >= 0) break; // one more match would not raise the total

            for (var v = sink; v != source; v = graph.To[via[v] ^ 1])
            {
                graph.Capacity[via[v]] -= 1;
                graph.Capacity[via[v] ^ 1] += 1;
            }
        }

        var assignment = Enumerable.Repeat(-1, mentees).ToArray();
        for (var k = 0; k < edges.Count; k++)
            if (graph.Capacity[firstPairEdge + 2 * k] == 0) assignment[edges[k].Mentee] = edges[k].Mentor;
        return assignment;
    }

    /// <summary>Residual graph in flat arrays; edge k and k ^ 1 are each other's reverse.</summary>
    private sealed class Graph
    {
        public readonly int[] Head;
        public int[] Next, To, Capacity;
        public long[] Cost;
        public int Count;

        public Graph(int nodes, int edges)
        {
            Head = Enumerable.Repeat(-1, nodes).ToArray();
            Next = new int[2 * edges]; To = new int[2 * edges]; Capacity = new int[2 * edges]; Cost = new long[2 * edges];
        }

        public void Add(int from, int to, int capacity, long cost)
        {
            Put(from, to, capacity, cost);
            Put(to, from, 0, -cost);
        }

        private void Put(int from, int to, int capacity, long cost)
        {
            To[Count] = to; Capacity[Count] = capacity; Cost[Count] = cost; Next[Count] = Head[from]; Head[from] = Count; Count++;
        }
    }
}
