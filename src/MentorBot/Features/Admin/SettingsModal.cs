using System.Globalization;
using System.Text.Json.Nodes;
using MentorBot.Cadences;
using MentorBot.Features.Home;
using MentorBot.Programme;
using MentorBot.Slack.Api;
using MentorBot.Slack.BlockKit;
using MentorBot.Slack.Payloads;
using MentorBot.Slack.Routing;

namespace MentorBot.Features.Admin;

/// <summary>/mentor settings: the programme defaults in one modal. New pairs and pairs still on the default follow them.</summary>
public sealed class SettingsCommand(ProgrammeSettingsStore settings, SlackReplies replies) : IMentorSubcommand
{
    public async Task<SlackAck> HandleAsync(SlashCommand command, CommandText args, CancellationToken ct)
    {
        return await replies.OpenModalAsync(ReplyTarget.Of(command), command.TriggerId, SettingsModal.Build(settings.Get()),
            "I couldn't open the settings form just now; please try `/mentor settings` again.");
    }
}

public sealed class SettingsModal(Admins admins, ProgrammeSettingsStore settings, ILogger<SettingsModal> logger) : IViewSubmissionHandler
{
    public const string CallbackId = "admin.settings";

    private static readonly (string Label, string Value, TimeSpan Lead)[] Leads =
    [
        ("No prep reminder", "0", TimeSpan.Zero), ("2 hours before", "2h", TimeSpan.FromHours(2)), ("4 hours before", "4h", TimeSpan.FromHours(4)),
        ("1 day before", "1d", TimeSpan.FromDays(1)), ("2 days before", "2d", TimeSpan.FromDays(2)),
    ];

    private static readonly (string Label, CadenceKind Kind)[] Kinds =
    [
        ("Every week", CadenceKind.Weekly), ("Every 2 weeks", CadenceKind.EveryTwoWeeks), ("Every 4 weeks", CadenceKind.EveryFourWeeks),
        ("Monthly (first weekday of the month)", CadenceKind.MonthlyNthWeekday),
    ];

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public const string PauseAll = "pause_all";

    public static JsonObject Build(ProgrammeSettings s)
    {
        // Fresh option objects per element: a JSON node can only have one parent.
        IEnumerable<JsonObject> Days() => Week.Select(d => Blocks.Option(d.ToString(), d.ToString()));
        var blocks = new JsonArray(
            Blocks.Input("name", "Programme name", Blocks.TextInput("value", maxLength: 80, initialValue: s.ProgrammeName)),
            Blocks.Input("kind", "Default check-in cadence",
                Blocks.StaticSelect("value", Kinds.Select(k => Blocks.Option(k.Label, k.Kind.ToString())),
                    Kinds.Any(k => k.Kind == s.DefaultCadence.Kind) ? s.DefaultCadence.Kind.ToString() : CadenceKind.Weekly.ToString())),
            Blocks.Input("day", "On", Blocks.StaticSelect("value", Days(), s.DefaultCadence.Day.ToString())),
            Blocks.Input("at", "At (in each pair's meeting zone: the mentee's, until the pair picks one at kickoff)", Blocks.TimePicker("value", s.DefaultCadence.At)),
            Blocks.Input("start", "Working hours start", Blocks.TimePicker("value", s.WorkdayStart)),
            Blocks.Input("end", "Working hours end", Blocks.TimePicker("value", s.WorkdayEnd),
                hint: "Nudges only arrive inside working hours and days, in each person's own time zone."),
            Blocks.Input("days", "Working days", Blocks.Checkboxes("value", Days(), s.WorkingDays.Select(d => d.ToString()))),
            Blocks.Input("prep", "Prep reminder for the mentee",
                Blocks.StaticSelect("value", Leads.Select(l => Blocks.Option(l.Label, l.Value)), LeadValue(s.PrepLead))),
            Blocks.Input("reminders", "Reminders for an unanswered check-in",
                Blocks.StaticSelect("value", Enumerable.Range(0, 4).Select(n => Blocks.Option(n switch
                {
                    0 => "No reminders", 1 => "At most 1 reminder", _ => $"At most {n} reminders",
                }, n.ToString(CultureInfo.InvariantCulture))), s.MaxReminders.ToString(CultureInfo.InvariantCulture))),
            Blocks.Input("nudges", "Nudges", Blocks.Checkboxes("value", [Blocks.Option("Pause all nudges", PauseAll)], s.NudgesPaused ? [PauseAll] : null),
                optional: true, hint: "For an incident or a holiday shutdown: no prompts, reminders or notices go out, nothing is lost, and everything resumes when you untick it."),
            Blocks.Context("Changes apply to new pairs and to pairs still on the default cadence; pairs with their own schedule keep it."));
        return Views.Modal(CallbackId, "Programme settings", blocks, submit: "Save");
    }

    private static string LeadValue(TimeSpan lead) =>
        Leads.OrderBy(l => Math.Abs((l.Lead - lead).Ticks)).First().Value;

    public async Task<SlackAck> HandleAsync(ViewSubmission submission, CancellationToken ct)
    {
        if (!await admins.IsAdminAsync(submission.User.Id, ct))
            return SlackAck.ViewError("name", Admins.Refusal);
        var state = submission.View.State;
        var errors = new Dictionary<string, string>();
        var name = state.Text("name");
        if (name is null) errors["name"] = "Give the programme a name.";
        var kind = Enum.TryParse<CadenceKind>(state["kind"]?.SelectedOption?.Value, out var k) ? k : (CadenceKind?)null;
        if (kind is null) errors["kind"] = "Choose how often pairs meet.";
        var day = Enum.TryParse<DayOfWeek>(state["day"]?.SelectedOption?.Value, out var d) ? d : (DayOfWeek?)null;
        if (day is null) errors["day"] = "Choose a day.";
        var at = Time(state["at"]?.SelectedTime);
        if (at is null) errors["at"] = "Choose a time.";
        var start = Time(state["start"]?.SelectedTime);
        var end = Time(state["end"]?.SelectedTime);
        if (start is null) errors["start"] = "Choose when the working day starts.";
        if (end is null) errors["end"] = "Choose when the working day ends.";
        else if (start is not null && end <= start) errors["end"] = "The working day must end after it starts.";
        var workingDays = (state["days"]?.SelectedOptions ?? [])
            .Select(o => Enum.TryParse<DayOfWeek>(o.Value, out var wd) ? wd : (DayOfWeek?)null).OfType<DayOfWeek>().Distinct().ToArray();
        if (workingDays.Length == 0) errors["days"] = "Choose at least one working day.";
        else if (day is { } cadenceDay && !workingDays.Contains(cadenceDay)) errors["day"] = "Check-ins should fall on a working day.";
        var lead = Leads.FirstOrDefault(l => l.Value == state["prep"]?.SelectedOption?.Value);
        if (lead.Value is null) errors["prep"] = "Choose when the prep reminder goes out.";
        var reminders = int.TryParse(state["reminders"]?.SelectedOption?.Value, out var r) && r is >= 0 and <= 3 ? r : -1;
        if (reminders < 0) errors["reminders"] = "Choose how many reminders to send.";
        if (errors.Count > 0) return SlackAck.ViewErrors(errors);

        var saved = settings.Save(settings.Get() with
        {
            ProgrammeName = name!,
            DefaultCadence = Cadence.Default with { Kind = kind!.Value, Day = day!.Value, At = at!.Value, WeekOfMonth = 1 },
            WorkdayStart = start!.Value,
            WorkdayEnd = end!.Value,
            WorkingDays = Week.Where(workingDays.Contains).ToArray(),
            PrepLead = lead.Lead,
            MaxReminders = reminders,
            NudgesPaused = state["nudges"]?.SelectedOptions?.Any(o => o.Value == PauseAll) == true,
        });
        if (saved.NudgesPaused) logger.LogWarning("Admin {UserId} paused all nudges", submission.User.Id);
        logger.LogInformation("Admin {UserId} saved programme settings", submission.User.Id);
        return SlackAck.ViewUpdate(Views.Modal(CallbackId, "Programme settings", new JsonArray(
            Blocks.Section($"✅ Saved. Pairs on the default now meet *{saved.DefaultCadence.Describe()}*, inside " +
                           $"{saved.WorkdayStart:HH:mm}–{saved.WorkdayEnd:HH:mm} on {string.Join(", ", saved.WorkingDays.Select(w => w.ToString()[..3]))}." +
                           (saved.NudgesPaused ? "\n:double_vertical_bar: *All nudges are paused.* Nothing is lost: untick it here to send what waits." : ""))),
            submit: null, close: "Done"));
    }

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
