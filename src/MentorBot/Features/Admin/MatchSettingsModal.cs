using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Programme;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>/mentor match settings: the programme's topic list, the mode, the minimum score and the optional rules and bonuses.</summary>
public sealed class MatchSettingsModal(Admins admins, ProgrammeSettingsStore settings, ILogger<MatchSettingsModal> logger) : IViewSubmissionHandler
{
    public const string CallbackId = "admin.match.settings";
    public const int MaxTopics = 50;
    public const int TopicMax = 60;

    private static readonly int[] Scores = [0, 10, 20, 30, 40, 50, 60, 70, 80];

    public static JsonObject Build(MatchSettings s)
    {
        var rules = new List<JsonObject>
        {
            Blocks.Option("Different departments score higher", "department", "Needs a Department field in Slack profiles (People:DepartmentField)"),
            Blocks.Option("First-timers score higher together", "firsttimers", "Both people new to the programme"),
            Blocks.Option("Never match someone with their manager", "managers", "Needs a Manager field in Slack profiles (People:ManagerField)"),
            Blocks.Option("Allow pairs with no shared working hours", "nohours", "They would meet outside someone's working day"),
        };
        var on = new List<string>();
        if (s.DifferentDepartmentBonus) on.Add("department");
        if (s.FirstTimersBonus) on.Add("firsttimers");
        if (s.AvoidManagers) on.Add("managers");
        if (s.AllowNoSharedHours) on.Add("nohours");
        var blocks = new JsonArray(
            Blocks.Input("topics", "Topic list sign-ups can pick from", Blocks.TextInput("value", multiline: true, maxLength: 2500,
                initialValue: s.Topics.Length == 0 ? null : string.Join("\n", s.Topics), placeholder: "One topic per line: Public speaking, Kubernetes, …"),
                optional: true, hint: $"Up to {MaxTopics}, one per line. People can still type their own."),
            Blocks.Input("mode", "Aim for", Blocks.RadioButtons("value", [
                Blocks.Option("Best matches: only pairs above the minimum score", nameof(MatchMode.BestMatches)),
                Blocks.Option("Most people matched, then the best scores", nameof(MatchMode.MostMatched)),
            ], s.Mode.ToString())),
            Blocks.Input("min", "Minimum score (0–100)", Blocks.StaticSelect("value",
                Scores.Select(n => Blocks.Option(n.ToString(CultureInfo.InvariantCulture), n.ToString(CultureInfo.InvariantCulture))),
                (Scores.LastOrDefault(n => n <= s.MinScore)).ToString(CultureInfo.InvariantCulture)),
                hint: "A shared topic is worth 20, up to 60; shared working hours up to 25."),
            Blocks.Input("rules", "Rules and bonuses", Blocks.Checkboxes("value", rules, on), optional: true));
        return Views.Modal(CallbackId, "Matching settings", blocks, submit: "Save");
    }

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        if (!await admins.IsAdminAsync(submission.User.Id, ct)) return SlackAck.ViewError("topics", Admins.Refusal);
        var state = submission.View.State;
        var topics = (state.Text("topics") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (topics.Length > MaxTopics) return SlackAck.ViewError("topics", $"That's {topics.Length} topics; keep it to {MaxTopics} (the rest people can type).");
        if (topics.FirstOrDefault(t => t.Length > TopicMax) is { } tooLong)
            return SlackAck.ViewError("topics", $"Keep each topic under {TopicMax} characters (\"{Mrkdwn.Truncate(tooLong, 30)}\" is longer).");
        var mode = Enum.TryParse<MatchMode>(state["mode"]?.SelectedOption?.Value, out var m) ? m : MatchMode.BestMatches;
        var min = int.TryParse(state["min"]?.SelectedOption?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Math.Clamp(n, 0, 100) : 30;
        var on = state["rules"]?.SelectedOptions?.Select(o => o.Value).ToHashSet() ?? [];
        var saved = settings.Save(settings.Get() with
        {
            Matching = new MatchSettings
            {
                Topics = topics, Mode = mode, MinScore = min, DifferentDepartmentBonus = on.Contains("department"), FirstTimersBonus = on.Contains("firsttimers"),
                AvoidManagers = on.Contains("managers"), AllowNoSharedHours = on.Contains("nohours"),
            },
        });
        logger.LogInformation("Admin {UserId} changed the matching settings: {Mode}, minimum {Min}, {Topics} topics", submission.User.Id, saved.Matching.Mode, min, topics.Length);
        return SlackAck.ViewClear();
    }
}
