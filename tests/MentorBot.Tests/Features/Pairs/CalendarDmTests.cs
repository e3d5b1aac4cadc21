using System.Text;
using MentorBot.Features.Pairs;
using static MentorBot.Tests.Features.Pairs.PairsTestKit;

namespace MentorBot.Tests.Features.Pairs;

/// <summary>The series in both calendars without calendar access: the .ics uploaded into each DM, links, cancellations.</summary>
[Trait(Tier.Name, Tier.Host)]
public class CalendarDmTests : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Pair> AgreedPairAsync()
    {
        var pair = await PairAsync(_app);
        await _app.InteractAsync(Interactions.Submit(Mentor, KickoffModal.CallbackId, KickoffValues("Grow", "Weekly", "Monday", "10:00", "video"), pair.Id.ToString()));
        await _app.InteractAsync(Interactions.Submit(Mentee, KickoffModal.CallbackId, KickoffValues("Learn", "EveryTwoWeeks", "Tuesday", "09:30", "video"), pair.Id.ToString()));
        await AcceptProposalAsync(_app, Mentor); // the mentee's other time, confirmed with one tap
        return pair;
    }

    private string FileSharedWith(string user, int nth = 1)
    {
        var completes = _app.Slack.Calls("files.completeUploadExternal").Where(c => c.Arg("channel_id") == FakeSlackApi.DmOf(user)).ToList();
        Assert.True(completes.Count >= nth, $"{completes.Count} files shared with {user}");
        var id = completes[nth - 1].Args["files"]![0]!["id"]!.ToString();
        return Encoding.UTF8.GetString(_app.Slack.Uploads[id]);
    }

    [Fact]
    public async Task Kickoff_UploadsTheSeriesIntoEachDm_WithLinks()
    {
        await AgreedPairAsync();
        await _app.Slack.WaitForCallsAsync("files.completeUploadExternal", 2);

        foreach (var person in new[] { Mentor, Mentee })
        {
            var ics = FileSharedWith(person);
            Assert.StartsWith("BEGIN:VCALENDAR\r\nMETHOD:PUBLISH\r\n", ics);
            Assert.Contains("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=", ics);
            Assert.Contains("DTSTART;TZID=America/New_York:", ics); // the meeting zone: the mentee's
            Assert.Contains("DURATION:PT30M", ics);
            Assert.Contains("SEQUENCE:1", ics);
            var complete = _app.Slack.Calls("files.completeUploadExternal").Single(c => c.Arg("channel_id") == FakeSlackApi.DmOf(person));
            var comment = Read(complete);
            Assert.Contains("Add to Google Calendar", comment);
            Assert.Contains("Outlook: the next session only", comment);
            Assert.Contains("every 2 weeks on Tuesday at 09:30 (America/New_York time)", comment);
        }
        // The three steps, in order, for each person.
        var steps = _app.Slack.Calls().Where(c => c.Method.StartsWith("files.")).Select(c => c.Method).ToList();
        Assert.Equal(["files.getUploadURLExternal", "files.completeUploadExternal", "files.getUploadURLExternal", "files.completeUploadExternal"], steps);
        Assert.Equal(2, _app.Slack.Uploads.Count);
    }

    [Fact]
    public async Task RefusedUploads_SendTheLinksOnly_AndSayWhy()
    {
        _app.Slack.FailNext("files.getUploadURLExternal", "file_uploads_disabled", times: 2);
        await AgreedPairAsync();

        foreach (var person in new[] { Mentor, Mentee })
        {
            var dm = await DmAsync(_app, person, "Add to Google Calendar");
            Assert.Contains("doesn't let me attach files", Read(dm));
        }
        Assert.Empty(_app.Slack.Calls("files.completeUploadExternal"));
    }

    [Fact]
    public async Task PauseAndEnd_SendCancellations_WithTheSameUidAndAHigherSequence()
    {
        var pair = await AgreedPairAsync();
        await _app.Slack.WaitForCallsAsync("files.completeUploadExternal", 2);
        var uid = FileSharedWith(Mentor).Split("\r\n").Single(l => l.StartsWith("UID:"));

        await _app.CommandAsync("/mentor", "pause <@UMENTEE|nico> 2w", Mentor);
        await _app.Slack.WaitForCallsAsync("files.completeUploadExternal", 4);
        var paused = FileSharedWith(Mentee, 2);
        Assert.Contains("METHOD:CANCEL", paused);
        Assert.Contains("STATUS:CANCELLED", paused);
        Assert.Contains("SEQUENCE:2", paused);
        Assert.Contains(uid, paused);
        Assert.Contains("remove the series from your calendar", Read(_app.Slack.Calls("files.completeUploadExternal")[^1]));

        await _app.CommandAsync("/mentor", "resume <@UMENTEE|nico>", Mentor);
        await _app.Slack.WaitForCallsAsync("files.completeUploadExternal", 6);
        Assert.Contains("SEQUENCE:3", FileSharedWith(Mentor, 3));
        Assert.Contains("METHOD:PUBLISH", FileSharedWith(Mentor, 3));

        await _app.InteractAsync(Interactions.Submit(Mentor, EndPairModal.CallbackId, new Dictionary<string, System.Text.Json.Nodes.JsonObject>(), pair.Id.ToString()));
        await _app.Slack.WaitForCallsAsync("files.completeUploadExternal", 8);
        var ended = FileSharedWith(Mentee, 4);
        Assert.Contains("METHOD:CANCEL", ended);
        Assert.Contains("SEQUENCE:4", ended);
        Assert.Contains("have ended", Read(_app.Slack.Calls("files.completeUploadExternal")[^1]));
    }

    [Fact]
    public async Task CronCadence_GetsNoFile_AndASentenceSayingSo()
    {
        await AgreedPairAsync();
        await _app.Slack.WaitForCallsAsync("files.completeUploadExternal", 2);
        await _app.CommandAsync("/mentor", "cadence <@UMENTEE|nico> cron 0 10 * * 1", Mentor);
        await DmAsync(_app, Mentee, "calendar files can't describe");
        Assert.Equal(2, _app.Slack.Calls("files.completeUploadExternal").Count);
    }
}
