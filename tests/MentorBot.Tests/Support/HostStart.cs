namespace MentorBot.Tests;

/// <summary>
/// WebApplicationFactory reaches Program's host through HostFactoryResolver, which listens on a process-wide
/// DiagnosticListener: two factories starting at once can each be handed the other's host (a playground test was once
/// given a Production host without its settings, and its DMs went elsewhere). Hosts therefore start one at a time.
/// </summary>
public static class HostStart
{
    public static readonly Lock Gate = new();
}
