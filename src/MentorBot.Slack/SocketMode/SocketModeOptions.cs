namespace MentorBot.Slack.SocketMode;

/// <summary>
/// Timeouts and backoff for Socket Mode, section <c>Slack:SocketMode</c>. The defaults suit Slack; tests shrink them.
/// https://docs.slack.dev/apis/events-api/using-socket-mode
/// </summary>
public sealed class SocketModeOptions
{
    public const string Section = "Slack:SocketMode";

    /// <summary>How long the WebSocket handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection is live only after Slack's hello; without one in this time it is dropped.</summary>
    public TimeSpan HelloTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>We ping this often (WebSocket PING) so a silent connection is noticed.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>No PONG within this time after a PING means the connection is dead and gets replaced.</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for our close handshake; Slack does not always answer it promptly.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a retired connection may finish acking envelopes it already received.</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>First reconnect delay; it doubles per failed attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>apps.connections.open is Tier 1 (about one call a minute), so the cap is generous.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Largest frame accepted (real view payloads are ~70 KB); bigger frames are dropped unread.</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;
}
