using System.Text.Json;
using MentorBot.Matching;
using MentorBot.Programme;

namespace MentorBot.Tests.Matching;

[Trait(Tier.Name, Tier.Unit)]
public class MatcherTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");
    private static readonly DateOnly Monday = new(2027, 1, 11);

    private static MatchPerson Mentee(string id, string topics, TimeZoneInfo? zone = null) => new() { UserId = id, Topics = topics, Zone = zone ?? Amsterdam };
    private static MatchPerson Mentor(string id, string topics, int room = 1, TimeZoneInfo? zone = null) => new() { UserId = id, Topics = topics, Zone = zone ?? Amsterdam, Room = room };

    private static Matcher For(MatchMode mode = MatchMode.BestMatches, int min = 30) =>
        new(new ProgrammeSettings { Matching = new MatchSettings { Mode = mode, MinScore = min } }, Monday);

    [Fact]
    public void Run_ListsEveryoneItCouldNotMatch_WithTheReason()
    {
        var pool = new MatchPool(
            [Mentee("UA", "sales"), Mentee("UB", "sales"), Mentee("UC", "design"), Mentee("UD", "sales", LosAngeles)],
            [Mentor("UX", "sales"), Mentor("UY", "cooking")],
            [new LeftOut("UE", MatchRole.Mentee, "paused")],
            new MatchHistory(new HashSet<string> { MatchHistory.PairKey("UB", "UX") }, new HashSet<string>()));
        var outcome = For().Run(pool);

        Assert.Equal([("UA", "UX")], outcome.Proposals.Select(p => (p.MenteeId, p.MentorId)));
        var reasons = outcome.Unmatched.ToDictionary(u => u.UserId, u => u.Reason);
        Assert.Equal("no mentor scores at least 30 (best 25)", reasons["UB"]); // UX was their mentor before; cooking shares nothing
        Assert.Equal("no mentor scores at least 30 (best 25)", reasons["UC"]);
        Assert.Equal("no eligible mentor: no shared working hours (2)", reasons["UD"]);
        Assert.Equal("paused", reasons["UE"]);
        Assert.Equal("no waiting mentee fits", reasons["UY"]);
        Assert.Equal(5, outcome.Report.Mentees);
        Assert.Equal(1, outcome.Report.Matched);
        Assert.Equal(1, outcome.Report.IdleMentors);
        Assert.Equal(0, outcome.Report.Repeats);
        Assert.Equal(0, outcome.Report.Violations);
    }

    [Fact]
    public void Run_GivesAByteIdenticalProposal_WhateverTheOrderOfTheSignUps()
    {
        var random = new Random(3);
        string[] topics = ["sales", "design", "kubernetes", "public speaking", "hiring", "budgets"];
        string Pick() => string.Join(", ", topics.OrderBy(_ => random.Next()).Take(random.Next(1, 4)));
        var mentees = Enumerable.Range(0, 30).Select(i => Mentee($"UE{i:00}", Pick())).ToList();
        var mentors = Enumerable.Range(0, 10).Select(i => Mentor($"UM{i:00}", Pick(), room: 1 + i % 3)).ToList();
        var history = new MatchHistory(new HashSet<string> { MatchHistory.PairKey("UE01", "UM01") }, new HashSet<string> { MatchHistory.DeclineKey("UE02", "UM02") });

        string Json(MatchOutcome o) => JsonSerializer.Serialize(new { o.Proposals, o.Unmatched, o.Report });
        var first = Json(For(MatchMode.MostMatched, 0).Run(new MatchPool(mentees, mentors, [], history)));
        var reversed = Json(For(MatchMode.MostMatched, 0).Run(new MatchPool(mentees.AsEnumerable().Reverse().ToList(), mentors.AsEnumerable().Reverse().ToList(), [], history)));
        Assert.Equal(first, reversed);
        Assert.DoesNotContain("\"MenteeId\":\"UE01\",\"MentorId\":\"UM01\"", first);
        Assert.DoesNotContain("\"MenteeId\":\"UE02\",\"MentorId\":\"UM02\"", first);
    }

    [Fact]
    public void Run_FillsEveryPlace_InMostMatchedMode_AndFlagsTheWeakPairs()
    {
        var pool = new MatchPool([Mentee("UA", "sales"), Mentee("UB", "sales, design")], [Mentor("UX", "design", room: 2)], [], MatchHistory.None);
        var best = For(MatchMode.BestMatches, 40).Run(pool);
        var most = For(MatchMode.MostMatched, 40).Run(pool);
        Assert.Single(best.Proposals); // UB shares design (45); UA shares nothing (25)
        Assert.Equal(2, most.Proposals.Count);
        Assert.Equal(1, most.Report.BelowThreshold);
        Assert.Equal(25, most.Report.LowestScore);
    }

    [Fact]
    public void Alternatives_AreEligibleMentorsWithRoom_BestFirst()
    {
        var pool = new MatchPool([Mentee("UA", "sales, design")],
            [Mentor("UX", "sales"), Mentor("UY", "sales, design"), Mentor("UZ", "design"), Mentor("UFAR", "sales, design", zone: LosAngeles)], [], MatchHistory.None);
        var alternatives = For().Alternatives(pool, "UA", id => id == "UZ" ? 0 : 1);
        Assert.Equal(["UY", "UX"], alternatives.Select(a => a.Mentor.UserId));
        Assert.Equal(((string?)null, "no shared working hours"), For().Recheck(pool, "UA", "UFAR"));
        Assert.Equal("UGONE", For().Recheck(pool, "UA", "UGONE")!.Value.UserId);
        Assert.Null(For().Recheck(pool, "UA", "UY"));
    }
}
