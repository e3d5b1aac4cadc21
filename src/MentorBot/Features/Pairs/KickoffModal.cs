using MentorBot.Programme;
using MentorBot.People;
using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Pairs;

/// <summary>
/// "Set expectations" (later "Edit agreement"): renders the kickoff modal and takes its answers; what they mean for the
/// pair's meeting (a proposal, an agreement) is <see cref="KickoffAgreements"/>' rule.
/// </summary>
public sealed class KickoffModal(PairStore pairs, KickoffStore kickoffs, KickoffAgreements agreements, PairSchedule schedule, UserDirectory people,
    ProgrammeSettingsStore settings, PairClashes clashes, TimeProvider time)
    : IViewSubmissionHandler
{
    public const string CallbackId = "pair.kickoff";

    private static readonly (string Value, string Name)[] WayChoices = [("dm", "Slack DM"), ("huddle", "Slack huddle"), ("video", "Video call"), ("in_person", "In person")];
    private static readonly int[] Lengths = [15, 30, 45, 60, 90];

    public const string WorksForBoth = "both";

    /// <param name="preselect">The meeting to show chosen: the other person's proposal, or the agreement, else the viewer's own answer.</param>
    /// <param name="note">Why it is preselected ("@mara proposed …").</param>
    public static JsonObject View(Pair pair, string viewerId, KickoffAnswer? previous, TimeZoneInfo? mine = null, TimeZoneInfo? theirs = null, TimeZoneInfo? mentees = null,
        MeetingTerms? preselect = null, string? note = null, bool editing = false)
    {
        var terms = preselect ?? previous?.Terms;
        var frequency = new[] { (CadenceKind.Weekly, "Weekly"), (CadenceKind.EveryTwoWeeks, "Every 2 weeks"), (CadenceKind.MonthlyNthWeekday, "Monthly") };
        var days = Enum.GetValues<DayOfWeek>().Skip(1).Append(DayOfWeek.Sunday);
        var blocks = new List<JsonObject>
        {
            Blocks.Section(note ?? $"Your answers go to {PairText.Who(pair.OtherThan(viewerId))} only, side by side with theirs once they've answered too."),
            Blocks.Input("want", "What do I want from this relationship?",
                Blocks.TextInput("value", multiline: true, maxLength: 1000, initialValue: previous?.Want, placeholder: "e.g. grow into a tech lead role, get feedback on my designs")),
            Blocks.Input("ways", "How do I prefer to talk?",
                Blocks.Checkboxes("value", WayChoices.Select(w => Blocks.Option(w.Name, w.Value)), previous?.Ways)),
            Blocks.Input("length", "How long should a session be?",
                Blocks.StaticSelect("value", Lengths.Select(m => Blocks.Option($"{m} minutes", m.ToString(CultureInfo.InvariantCulture))),
                    (terms?.SessionMinutes is > 0 and var m ? m : 30).ToString(CultureInfo.InvariantCulture))),
            Blocks.Input("frequency", "How often should we meet?",
                Blocks.RadioButtons("value", frequency.Select(f => Blocks.Option(f.Item2, f.Item1.ToString())), (terms?.Frequency ?? CadenceKind.Weekly).ToString())),
            Blocks.Input("day", "On which weekday?",
                Blocks.StaticSelect("value", days.Select(d => Blocks.Option(d.ToString(), d.ToString())), (terms?.Day ?? DayOfWeek.Monday).ToString())),
            Blocks.Input("time", "At what time?", Blocks.TimePicker("value", terms?.At ?? new TimeOnly(10, 0)),
                hint: "Monthly means that weekday's first occurrence in the month. Each of you sees it in your own time."),
        };
        mine ??= TimeZoneInfo.Utc;
        theirs ??= mine;
        if (mine.Id != theirs.Id)
        {
            var other = PairText.Who(pair.OtherThan(viewerId));
            blocks.Add(Blocks.Input("zone", "In whose time zone is that time?", Blocks.RadioButtons("value", [
                Blocks.Option($"My time ({MeetingFit.Short(mine)})", mine.Id), Blocks.Option($"My partner's time ({MeetingFit.Short(theirs)})", theirs.Id),
            ], terms?.ZoneId is { } z && (z == mine.Id || z == theirs.Id) ? z : (mentees ?? mine).Id), hint: $"The time is one wall time in this zone; {other} sees it converted to theirs."));
        }
        blocks.Add(Blocks.Input("fits", "Outside working hours?", Blocks.Checkboxes("value", [Blocks.Option("This time works for both of us", WorksForBoth)]),
            optional: true, hint: "Only if you both agreed a time outside someone's working hours."));
        return Views.Modal(CallbackId, editing ? "Edit agreement" : "Set expectations", PairMessages.Array(blocks), submit: editing ? "Propose" : "Share",
            privateMetadata: pair.Id.ToString(CultureInfo.InvariantCulture));
    }

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        var userId = submission.User.Id;
        var state = submission.View.State;
        if (!int.TryParse(submission.View.PrivateMetadata, out var pairId) || pairs.Get(pairId) is not { } pair || !pair.Includes(userId) || pair.Status == PairStatus.Ended)
            return SlackAck.ViewError("want", "This pair has ended or isn't yours, so there's nothing to set.");

        var errors = new Dictionary<string, string>();
        var want = state.Text("want");
        if (want is null) errors["want"] = "Write a line or two about what you hope to get from this.";
        var ways = state["ways"]?.SelectedOptions?.Select(o => o.Value).Where(v => WayChoices.Any(w => w.Value == v)).ToList() ?? [];
        if (ways.Count == 0) errors["ways"] = "Pick at least one way to talk.";
        if (!int.TryParse(state["length"]?.SelectedOption?.Value, out var minutes) || !Lengths.Contains(minutes)) errors["length"] = "Pick a session length.";
        if (!Enum.TryParse<CadenceKind>(state["frequency"]?.SelectedOption?.Value, out var frequency) ||
            frequency is not (CadenceKind.Weekly or CadenceKind.EveryTwoWeeks or CadenceKind.MonthlyNthWeekday)) errors["frequency"] = "Pick how often to meet.";
        if (!Enum.TryParse<DayOfWeek>(state["day"]?.SelectedOption?.Value, out var day)) errors["day"] = "Pick a weekday.";
        if (!CadenceText.TryParseTime(state["time"]?.SelectedTime ?? "", out var at)) errors["time"] = "Pick a time, like 10:00.";
        if (errors.Count > 0) return SlackAck.ViewErrors(errors);

        var zoneId = state["zone"]?.SelectedOption?.Value is { } picked && (picked == people.ZoneOf(userId).Id || picked == people.ZoneOf(pair.OtherThan(userId)).Id)
            ? picked : people.ZoneOf(userId).Id;
        var now = time.GetUtcNow();
        var proposed = new Cadence { Kind = frequency, Day = day, At = at, WeekOfMonth = 1 };
        var fits = state["fits"]?.SelectedOptions?.Any(o => o.Value == WorksForBoth) == true;
        if (!fits && CadencePlanner.NextAfter(proposed, UserDirectory.TryNamedZone(zoneId, out var z) ? z : TimeZoneInfo.Utc, now, now) is { } first &&
            MeetingFit.Check(first, minutes, new MeetingFit.Person("you", people.ZoneOf(userId)),
                new MeetingFit.Person(PairText.Who(pair.OtherThan(userId)), people.ZoneOf(pair.OtherThan(userId))), settings.Get()) is { } night)
            return SlackAck.ViewError("time", night);
        // One person, two pairs, one slot: say so, with the next slot free for both.
        var proposal = pair with { Cadence = proposed, CadenceIsDefault = false, MeetingZoneId = zoneId, SessionMinutes = minutes };
        if (clashes.Find(proposal, now) is { } clash)
            return SlackAck.ViewError("time", PairClashes.Describe(clash, userId, clashes.NextFree(proposal, now), schedule.CadenceZone(proposal)));
        var answer = new KickoffAnswer
        {
            PairId = pair.Id, UserId = userId, Want = want, Ways = ways, SessionMinutes = minutes,
            Frequency = frequency, Day = day, At = at, ZoneId = zoneId, AnsweredAt = now,
        };
        kickoffs.Save(answer);
        return agreements.Answered(pair, answer);
    }
}
