using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Programme;
using MentorBot.Scheduling;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;

namespace MentorBot.Features.Admin;

/// <summary>
/// Every Monday from 09:00 UTC, one post of the programme figures in the programme channel: aggregates only, never
/// anyone's content. Keyed by ISO week, so a restart or a second tick never posts twice.
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

    public static (string Text, JsonArray Blocks) Build(ProgrammeSettings settings, IReadOnlyList<ProgrammeFigure> figures)
    {
        var blocks = new List<JsonObject> { Blocks.Header($"{settings.ProgrammeName}: this week") };
        blocks.AddRange(ProgrammeFiguresReport.Render(figures));
        blocks.Add(Blocks.Context("Programme-wide numbers only. Want a mentor, or to mentor someone? Open MentorBot's Home tab and press Join."));
        return ($"{settings.ProgrammeName} weekly figures. " + ProgrammeFiguresReport.AsText(figures), new JsonArray(blocks.ToArray<JsonNode>()));
    }
}
