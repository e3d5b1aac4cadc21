using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>
/// Every Monday from 09:00 UTC, one post of the programme figures in the programme channel, through the public rule
/// (<see cref="PublicFigures"/>): counts that rest on at least 5 people, no names, never anyone's content. Keyed by ISO
/// week, so a restart or a second tick never posts twice. /mentor digest shows an admin the same post first.
/// </summary>
public sealed class WeeklyDigest(ProgrammeSettingsStore settings, ProgrammeFiguresReport report, AdminState state, SlackApiClient slack,
    ILogger<WeeklyDigest> logger) : IPeriodicJob
{
    public static readonly TimeOnly PostFrom = new(9, 0);

    public async Task TickAsync(DateTimeOffset now, CancellationToken ct)
    {
        var s = settings.Get();
        if (s.ChannelId is not { } channelId) return;
        var utc = now.UtcDateTime;
        if (utc.DayOfWeek != DayOfWeek.Monday || TimeOnly.FromDateTime(utc) < PostFrom) return;
        var key = $"digest:{ISOWeek.GetYear(utc)}-W{ISOWeek.GetWeekOfYear(utc):00}";
        if (!state.TryClaim(key, now)) return;
        try
        {
            var (text, blocks) = Build(s, report.Collect(now));
            await slack.PostMessageAsync(channelId, text, blocks, ct);
            logger.LogInformation("Posted the weekly digest {Key} in {ChannelId}", key, channelId);
        }
        catch (SlackApiException ex) when (!ex.IsPermanent)
        {
            state.Release(key); // try again next tick
            throw;
        }
    }

    /// <summary>The post, from every figure the admins see, through the public rule.</summary>
    public static (string Text, JsonArray Blocks) Build(ProgrammeSettings settings, IReadOnlyList<ProgrammeFigure> all)
    {
        var (figures, heldBack) = PublicFigures.Select(all);
        var shown = FiguresView.Shown(figures);
        var name = Mrkdwn.Escape(settings.ProgrammeName); // an admin's words: "<!channel>" must not ping everyone
        var blocks = new List<JsonObject> { Blocks.Header($"{settings.ProgrammeName}: this week") };
        if (shown.Count == 0)
            blocks.Add(Blocks.Section($"Not enough yet: figures appear here once each rests on at least {PublicFigures.MinGroup} people."));
        else
            blocks.AddRange(FiguresView.Render(shown));
        var note = heldBack > 0 && shown.Count > 0 ? $" {heldBack} smaller figures wait until they rest on at least {PublicFigures.MinGroup} people." : "";
        blocks.Add(Blocks.Context($"Programme-wide numbers only, never names.{note} Want a mentor, or to mentor someone? Open MentorBot's Home tab and press Join."));
        var text = shown.Count == 0 ? $"{name} this week: not enough yet to share figures." : $"{name} weekly figures: " + FiguresView.AsText(shown);
        return (text, new JsonArray(blocks.ToArray<JsonNode>()));
    }
}

/// <summary>/mentor digest: the next weekly digest, privately, exactly as it will be posted (so nothing surprises in public).</summary>
public sealed class DigestCommand(ProgrammeSettingsStore settings, ProgrammeFiguresReport report, TimeProvider time) : IMentorSubcommand
{
    public Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        var s = settings.Get();
        var (text, blocks) = WeeklyDigest.Build(s, report.Collect(time.GetUtcNow()));
        var where = s.ChannelId is { } channel ? $"in {Mrkdwn.Channel(channel)}" : "once you pick a channel with `/mentor channel #name`";
        blocks.Insert(0, Blocks.Context($"Preview, only you can see this: the next digest is posted {where} on Monday from 09:00 UTC, exactly as below."));
        return Task.FromResult(SlackAck.Ephemeral("Preview of the next weekly digest. " + text, blocks));
    }
}
