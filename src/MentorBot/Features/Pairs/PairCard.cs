using MentorBot.Programme;
using System.Text.Json.Nodes;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Pairs;

public enum CheckInMark { Met, Async, Skipped, Missed, Waiting }

public enum PairHealthState { GettingStarted, OnTrack, AtRisk, Dormant }

/// <summary>What MentorBot's own records say about one pair, gathered from each feature (<see cref="IPairCardFacts"/>).</summary>
public sealed class PairCardFacts
{
    /// <summary>The pair's due check-ins, oldest first (only the last eight are shown).</summary>
    public List<(DateTimeOffset Due, CheckInMark Mark)> Due { get; } = [];

    /// <summary>The last logged meeting or async check-in.</summary>
    public DateTimeOffset? LastTouch { get; set; }

    /// <summary>Asked "keep going, pause or end?" after three ignored prompts, and not answered.</summary>
    public bool Dormant { get; set; }

    /// <summary>Shared goals of the person (or people) being guided: title, progress, change over 30 days.</summary>
    public List<(string Title, int Progress, int Change)> SharedGoals { get; } = [];

    /// <summary>The last three logged check-ins, newest first, with their next steps (private to the pair).</summary>
    public List<(DateTimeOffset Due, CheckInMark Mark, string? NextSteps)> Recent { get; } = [];

    public int FeedbackAsked { get; set; }
    public int FeedbackAnswered { get; set; }
}

/// <summary>A feature's part of the pair card (check-ins, goals, feedback): it adds what it knows, and nothing private.</summary>
public interface IPairCardFacts
{
    void AddTo(Pair pair, DateTimeOffset now, PairCardFacts facts);
}

public sealed record PairHealth(PairHealthState State, string Why, string NextStep);

/// <summary>Pure: the pair's state and the one next step both people see. Table-tested in PairHealthTests.</summary>
public static class PairHealthRules
{
    public static readonly TimeSpan FirstMeetingWithin = TimeSpan.FromDays(14);
    public static readonly TimeSpan FirstGoalWithin = TimeSpan.FromDays(30);

    public static PairHealth Of(Pair pair, TimeSpan interval, PairCardFacts facts, DateTimeOffset now)
    {
        if (facts.Dormant)
            return new(PairHealthState.Dormant, "three check-ins in a row went unanswered",
                "Answer the keep-going question in your DM: carry on, pause for a while, or end kindly.");
        var age = now - pair.StartedAt;
        if (facts.LastTouch is null && age > FirstMeetingWithin)
            return new(PairHealthState.AtRisk, "no meeting yet, two weeks after the start",
                "Pick a time together now; the calendar file in your DM puts it in both calendars.");
        var counted = facts.Due.Where(d => d.Mark is not (CheckInMark.Skipped or CheckInMark.Waiting)).TakeLast(2).ToList();
        if (counted.Count == 2 && counted.All(d => d.Mark == CheckInMark.Missed))
            return new(PairHealthState.AtRisk, "the last two check-ins were missed",
                "Agree on a time that works for you both, or change the rhythm with `/mentor cadence`.");
        if (facts.LastTouch is { } last && now - last > 2 * interval)
            return new(PairHealthState.AtRisk, $"no check-in logged for {(int)(now - last).TotalDays} days (you agreed every {(int)Math.Round(interval.TotalDays)})",
                "Book the next session now, even a short one.");
        if (facts.SharedGoals.Count == 0 && age > FirstGoalWithin)
            return new(PairHealthState.AtRisk, "no shared goal after a month",
                "Mentee: add a goal with `/goal add` and keep it shared, so you both know what you're working on.");
        if (facts.LastTouch is null)
            return new(PairHealthState.GettingStarted, "no meeting logged yet", "No meeting yet: pick a time with the calendar file in your DM.");
        return new(PairHealthState.OnTrack, "meeting as agreed", "Keep going: add what you want to discuss to the agenda before your next check-in.");
    }

    public static string Name(PairHealthState state) => state switch
    {
        PairHealthState.GettingStarted => "🌱 Getting started",
        PairHealthState.OnTrack => "🟢 On track",
        PairHealthState.AtRisk => "🟠 At risk",
        _ => "💤 Dormant",
    };
}

/// <summary>
/// The relationship card: the same for both people of a pair (App Home and /mentor pairs), computed only from
/// MentorBot's own records: the last eight due check-ins, days since the last touchpoint against the agreed interval,
/// the next check-in (Slack shows it in each reader's zone), shared goals and their progress, feedback counts.
/// </summary>
public sealed class PairCards(IEnumerable<IPairCardFacts> sources, PairSchedule schedule)
{
    public PairCardFacts FactsOf(Pair pair, DateTimeOffset now)
    {
        var facts = new PairCardFacts();
        foreach (var source in sources) source.AddTo(pair, now, facts);
        return facts;
    }

    /// <summary>The agreed interval between sessions (from the cadence's next two occurrences; a week when unknown).</summary>
    public TimeSpan IntervalOf(Pair pair, DateTimeOffset now)
    {
        var active = pair with { Status = PairStatus.Active, PausedUntil = null };
        if (schedule.NextAfter(active, now) is { } a && schedule.NextAfter(active, a) is { } b && b > a) return b - a;
        return TimeSpan.FromDays(7);
    }

    public PairHealth HealthOf(Pair pair, DateTimeOffset now) => PairHealthRules.Of(pair, IntervalOf(pair, now), FactsOf(pair, now), now);

    public IReadOnlyList<JsonObject> Render(Pair pair, DateTimeOffset now)
    {
        var facts = FactsOf(pair, now);
        var interval = IntervalOf(pair, now);
        var health = PairHealthRules.Of(pair, interval, facts, now);
        var marks = facts.Due.TakeLast(8).Select(d => d.Mark switch
        {
            CheckInMark.Met => "✅", CheckInMark.Async => "💬", CheckInMark.Skipped => "⏭️", CheckInMark.Missed => "❌", _ => "⏳",
        }).ToList();
        var touch = facts.LastTouch is { } last ? $"last check-in logged {Days(now - last)} ago" : "no check-in logged yet";
        var next = pair.Status == PairStatus.Paused ? "paused" : pair.NextCheckInUtc is { } at ? Mrkdwn.Date(at) : "not scheduled";
        var lines = new List<string>
        {
            $"*{Mrkdwn.User(pair.MentorId)} & {Mrkdwn.User(pair.MenteeId)}* · {PairHealthRules.Name(health.State)}",
            (marks.Count == 0 ? "No check-ins due yet" : "Last check-ins: " + string.Join(" ", marks)) +
            $" · {touch} (you agreed every {Days(interval)}) · next: {next}",
            facts.SharedGoals.Count == 0 ? "No shared goals yet"
                : "Shared goals: " + string.Join(" · ", facts.SharedGoals.Take(3).Select(g =>
                    $"{Mrkdwn.Escape(Mrkdwn.Truncate(g.Title, 60))} {g.Progress} %{(g.Change != 0 ? $" ({g.Change:+#;-#} in 30 days)" : "")}"))
                  + (facts.SharedGoals.Count > 3 ? $" · +{facts.SharedGoals.Count - 3} more" : ""),
            $"Feedback asked in 90 days: {facts.FeedbackAsked}, answered: {facts.FeedbackAnswered}",
        };
        if (facts.Recent.Count > 0)
            lines.Add("*Last check-ins*\n" + string.Join("\n", facts.Recent.Select(r =>
                $"• {Mrkdwn.Date(r.Due, "{date_short_pretty}")}: {(r.Mark == CheckInMark.Async ? "quick async check-in" : "met")}" +
                (r.NextSteps is { Length: > 0 } next ? $". Next steps: {Mrkdwn.Escape(Mrkdwn.Truncate(next.ReplaceLineEndings(" "), 200))}" : ""))));
        return
        [
            Blocks.Section(string.Join("\n", lines)),
            Blocks.Context($"*Next step:* {health.NextStep}" + (health.State == PairHealthState.AtRisk ? $" _({health.Why})_" : "") +
                           " · ✅ met · 💬 async · ⏭️ skipped · ❌ missed"),
        ];
    }

    private static string Days(TimeSpan span) => (int)Math.Round(span.TotalDays) is var d && d == 1 ? "1 day" : $"{d} days";
}

/// <summary>For admins only (held back from the public digest): how many pairs are in each state, and re-match requests. Never who said what.</summary>
public sealed class PairHealthFigures(PairStore pairs, PairCards cards, PulseStore pulses) : IProgrammeFigures
{
    public IEnumerable<ProgrammeFigure> Figures(DateTimeOffset now)
    {
        var states = pairs.AllActive().Select(p => cards.HealthOf(p, now).State).ToList();
        var rematch = pulses.CountRematchRequests();
        yield return new(FigureGroup.NeedsAttention, "Re-match requests", rematch.ToString(), rematch, 0);
        foreach (var state in Enum.GetValues<PairHealthState>())
        {
            var count = states.Count(s => s == state);
            yield return new(FigureGroup.Pairs, $"Pairs {PairHealthRules.Name(state)[2..].Trim().ToLowerInvariant()}", count.ToString(), count, 0);
        }
    }
}
