using MentorBot.Features.Pairs;

namespace MentorBot.Tests.Support;

/// <summary>Pairs for tests that are not about starting one: stored as the pairs feature stores them, without kickoff DMs.</summary>
public static class TestPairs
{
    public static Pair AddPair(this TestApp app, string mentor, string mentee, PairType type = PairType.Mentoring,
        PairStatus status = PairStatus.Active, Func<Pair, Pair>? with = null)
    {
        var pair = new Pair { MentorId = mentor, MenteeId = mentee, Type = type, Status = status, StartedAt = app.Time.GetUtcNow() };
        return app.Get<PairStore>().Add(with is null ? pair : with(pair));
    }
}
