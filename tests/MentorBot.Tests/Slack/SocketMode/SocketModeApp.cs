namespace MentorBot.Tests.Slack.SocketMode;

/// <summary>
/// The real app in Socket Mode only (bot token + app token, no signing secret), with short network timeouts.
/// The PONG timeout stays at 2 s: shorter ones drop healthy sockets on a busy 2-core CI machine.
/// </summary>
public static class SocketModeApp
{
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Slack:AppToken"] = TestApp.AppToken,
        ["Slack:SigningSecret"] = "",
        ["Slack:SocketMode:ConnectTimeout"] = "00:00:05",
        ["Slack:SocketMode:HelloTimeout"] = "00:00:05",
        ["Slack:SocketMode:PingInterval"] = "00:00:00.250",
        ["Slack:SocketMode:PongTimeout"] = "00:00:02",
        ["Slack:SocketMode:CloseTimeout"] = "00:00:00.500",
        ["Slack:SocketMode:DrainTimeout"] = "00:00:01",
        ["Slack:SocketMode:InitialBackoff"] = "00:00:00.020",
        ["Slack:SocketMode:MaxBackoff"] = "00:00:00.200",
    };

    /// <summary>Starts the app against an existing fake (so a test can script the fake first).</summary>
    public static Task<TestApp> StartAsync(FakeSlackApi slack, TempDatabase db) =>
        TestApp.StartAsync(slack, db, settings: Settings(), services: SocketProbe.AddTo);

    public static Task<TestApp> StartFreshAsync() => TestApp.StartFreshAsync(Settings(), services: SocketProbe.AddTo);
}
