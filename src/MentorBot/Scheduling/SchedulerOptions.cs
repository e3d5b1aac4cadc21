namespace MentorBot.Scheduling;

/// <summary>Section <c>Nudges</c>: the scheduler loop that runs every periodic job (prompts, reminders, expiries).</summary>
public sealed class SchedulerOptions
{
    public const string Section = "Nudges";

    public bool Enabled { get; set; } = true;
    public int TickSeconds { get; set; } = 30;
}
