using System.Globalization;
using LiteDB;
using MentorBot.Calendars;
using MentorBot.Cadences;
using MentorBot.People;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Storage;

namespace MentorBot.Features.Pairs;

/// <summary>
/// The pair's series in both people's calendars, without calendar access: when the cadence is agreed, changed or
/// resumed, each person gets one DM with the .ics of the whole series (uploaded into the DM), a Google link with the
/// recurrence and an Outlook link for the next session; a pause or an end sends the cancellation. Every file of a pair
/// has the same UID and a higher SEQUENCE than the one before.
/// </summary>
public sealed class PairCalendar
{
    /// <summary>Upload errors that mean "this workspace won't take the file": the DM then carries the links only.</summary>
    private static readonly HashSet<string> UploadRefusals = ["file_uploads_disabled", "file_type_not_allowed", "missing_scope", "not_allowed_token_type", "restricted_action"];

    private readonly ILiteCollection<PairCalendarState> _states;
    private readonly PairSchedule _schedule;
    private readonly UserDirectory _people;
    private readonly SlackApiClient _slack;
    private readonly PairDms _dms;
    private readonly TimeProvider _time;
    private readonly ILogger<PairCalendar> _logger;
    private readonly Lock _gate = new();

    public PairCalendar(MentorDb db, PairSchedule schedule, UserDirectory people, SlackApiClient slack, PairDms dms, TimeProvider time, ILogger<PairCalendar> logger)
    {
        _states = db.Collection<PairCalendarState>("pair_calendars");
        _states.EnsureIndex(s => s.Published); // creates the collection now, not in a follow-up racing another first write
        _schedule = schedule;
        _people = people;
        _slack = slack;
        _dms = dms;
        _time = time;
        _logger = logger;
    }

    /// <summary>Has this pair's series been sent (and not cancelled since)?</summary>
    public bool IsPublished(int pairId) => _states.FindById(pairId) is { Published: true };

    /// <summary>Was a series ever sent for this pair (so a resume sends it again)?</summary>
    public bool WasEverSent(int pairId) => _states.FindById(pairId) is not null;

    public static string Uid(Pair pair) => $"pair-{pair.Id}-{pair.StartedAt.UtcDateTime:yyyyMMddHHmmss}@mentorbot";

    /// <summary>The series as it stands now (null for a cron cadence or a pair with no next session), at the given SEQUENCE.</summary>
    public CalendarSeries? SeriesOf(Pair pair, int sequence)
    {
        var now = _time.GetUtcNow();
        if ((pair.NextCheckInUtc ?? _schedule.NextAfter(pair, now)) is not { } first) return null;
        var cadence = _schedule.CadenceOf(pair);
        var zone = _schedule.CadenceZone(pair);
        var summary = $"Mentoring: {Name(pair.MentorId)} & {Name(pair.MenteeId)}";
        var description = $"Your {PairText.TypeName(pair.Type)} check-in, as you agreed in MentorBot: {cadence.Describe()} ({zone.Id} time), " +
                          $"{Minutes(pair)} minutes. MentorBot asks how it went in Slack afterwards.";
        return CalendarSeries.For(cadence, zone, first, Minutes(pair), Uid(pair), sequence, summary, description, now);
    }

    public async Task SendSeriesAsync(Pair pair, CancellationToken ct)
    {
        if (pair.Status != PairStatus.Active) return;
        if (_schedule.CadenceOf(pair).Kind == CadenceKind.Cron)
        {
            foreach (var person in People(pair))
                await _dms.TrySendAsync(person, "Your check-ins follow a custom schedule that calendar files can't describe, so there's no calendar file this time. " +
                                                "The check-ins still arrive here in Slack; with a weekly, 2-weekly or monthly cadence I can send you one.", null, ct);
            return;
        }
        var sequence = NextSequence(pair.Id, published: true);
        if (SeriesOf(pair, sequence) is not { } series) return;
        var ics = CalendarFile.Publish(series);
        var google = CalendarLinks.Google(series);
        var outlook = CalendarLinks.OutlookNext(series, series.FirstStartUtc);
        foreach (var person in People(pair))
        {
            var other = pair.OtherThan(person);
            var what = $"📅 *Your check-ins with {Mrkdwn.User(other)}, for your calendar:* {_schedule.CadenceOf(pair).Describe()} ({series.ZoneId} time), " +
                       $"{series.Minutes} minutes, first on {Mrkdwn.Date(series.FirstStartUtc)}, until {series.UntilUtc.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}.";
            var links = $"<{google}|Add to Google Calendar> · <{outlook}|Outlook: the next session only> (the file holds the whole series)";
            await DeliverAsync(person, $"mentoring-{Slug(Name(other))}.ics", series.Summary, ics,
                $"{what}\nOpen the attached file to add the whole series. {links}",
                $"{what}\n{links}", ct);
        }
        _logger.LogInformation("Sent the calendar series of pair {PairId} (sequence {Sequence})", pair.Id, sequence);
    }

    /// <param name="why">"are paused until 12 January" or "have ended", read after "Your check-ins with @x …".</param>
    public async Task SendCancellationAsync(Pair pair, string why, CancellationToken ct)
    {
        if (!IsPublished(pair.Id)) return;
        var sequence = NextSequence(pair.Id, published: false);
        if (SeriesOf(pair, sequence) is not { } series) return; // the same UID; the cadence is still on the paused or ended pair
        var ics = CalendarFile.Cancel(series);
        foreach (var person in People(pair))
        {
            var text = $"🗓️ Your check-ins with {Mrkdwn.User(pair.OtherThan(person))} {why}, so please remove the series from your calendar.";
            await DeliverAsync(person, $"cancel-{Slug(Name(pair.OtherThan(person)))}.ics", "Cancelled: " + series.Summary, ics,
                text + " Opening the attached file removes it in most calendars.",
                text + $" Look for \"{series.Summary}\" and delete the whole series.", ct);
        }
        _logger.LogInformation("Sent the calendar cancellation of pair {PairId} (sequence {Sequence})", pair.Id, sequence);
    }

    public int ForgetPair(int pairId) => _states.Delete(pairId) ? 1 : 0;

    private async Task DeliverAsync(string userId, string fileName, string title, string ics, string withFile, string withoutFile, CancellationToken ct)
    {
        if (userId == PairText.ForgottenId) return;
        try
        {
            var dm = await _slack.OpenDmAsync(userId, ct);
            await _slack.UploadFileAsync(dm, fileName, title, System.Text.Encoding.UTF8.GetBytes(ics), withFile, ct);
        }
        catch (SlackApiException ex) when (UploadRefusals.Contains(ex.Error))
        {
            _logger.LogInformation("Uploads refused for {UserId} ({Error}); sending the calendar links only", userId, ex.Error);
            await _dms.TrySendAsync(userId, withoutFile + "\n_This workspace doesn't let me attach files, so there's no calendar file; the links above still work._", null, ct);
        }
        catch (SlackApiException ex)
        {
            _logger.LogWarning("Could not send the calendar file to {UserId}: {Error}", userId, ex.Error);
        }
    }

    private int NextSequence(int pairId, bool published)
    {
        lock (_gate)
        {
            var state = _states.FindById(pairId) ?? new PairCalendarState { PairId = pairId };
            var next = state with { Sequence = state.Sequence + 1, Published = published };
            _states.Upsert(next);
            return next.Sequence;
        }
    }

    private static IEnumerable<string> People(Pair pair) => new[] { pair.MentorId, pair.MenteeId }.Distinct();

    private static int Minutes(Pair pair) => (int)pair.SessionLength.TotalMinutes;

    private string Name(string userId) => _people.Cached(userId)?.DisplayName is { Length: > 0 } name ? name : "your partner";

    private static string Slug(string name) =>
        new string(Matching.TopicTerms.Fold(name).Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') is { Length: > 0 } s ? s : "partner";
}

public sealed record PairCalendarState
{
    [BsonId] public int PairId { get; init; }
    public int Sequence { get; init; }
    public bool Published { get; init; }
}
