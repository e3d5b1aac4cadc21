using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MentorBot.Tests.Support;

/// <summary>
/// Slack's Socket Mode server, served by <see cref="FakeSlackApi"/> on loopback: hands out single-use URLs, says hello,
/// records every frame the app sends (acks) and lets tests push envelopes, disconnect requests, junk and drops.
/// </summary>
public sealed class FakeSocketMode(FakeSlackApi slack)
{
    public const string Path = "/socket";

    private readonly ConcurrentDictionary<string, bool> _tickets = new();
    private readonly ConcurrentQueue<int> _handshakeFailures = new();
    private readonly ConcurrentQueue<TimeSpan> _silences = new();
    private readonly List<FakeSocket> _sockets = [];
    private int _ticket;

    /// <summary>Every socket the app opened, in order (1-based <see cref="FakeSocket.Number"/>).</summary>
    public IReadOnlyList<FakeSocket> Sockets
    {
        get { lock (_sockets) return [.. _sockets]; }
    }

    /// <summary>Sockets the server still considers open.</summary>
    public int LiveCount => Sockets.Count(s => s.IsOpen);

    /// <summary>Tickets handed out by apps.connections.open, used or not.</summary>
    public int UrlsIssued => _tickets.Count;

    public string NewUrl()
    {
        var ticket = "t" + Interlocked.Increment(ref _ticket);
        _tickets[ticket] = false;
        return "ws" + slack.Root["http".Length..] + Path.TrimStart('/') + "?ticket=" + ticket;
    }

    /// <summary>The next handshakes are refused with this HTTP status (Slack has answered 409 in the wild).</summary>
    public void RefuseNextHandshake(int status = 409, int times = 1)
    {
        for (var i = 0; i < times; i++) _handshakeFailures.Enqueue(status);
    }

    /// <summary>The next socket says hello, then reads nothing (so answers no PING) for this long.</summary>
    public void SilenceNextSocket(TimeSpan silence) => _silences.Enqueue(silence);

    /// <summary>Waits until the app has opened socket number <paramref name="number"/> and it was greeted.</summary>
    public async Task<FakeSocket> WaitForSocketAsync(int number, TimeSpan? timeout = null)
    {
        await Until(() => Sockets.Count >= number, timeout ?? TimeSpan.FromSeconds(10), $"socket {number} to connect");
        return Sockets[number - 1];
    }

    public static async Task Until(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    internal async Task AcceptAsync(HttpContext http)
    {
        var ticket = http.Request.Query["ticket"].ToString();
        if (!http.WebSockets.IsWebSocketRequest || !_tickets.TryGetValue(ticket, out var used) || used || !_tickets.TryUpdate(ticket, true, false))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized; // Slack's URLs are single use
            return;
        }
        if (_handshakeFailures.TryDequeue(out var status))
        {
            http.Response.StatusCode = status;
            return;
        }

        using var ws = await http.WebSockets.AcceptWebSocketAsync();
        FakeSocket socket;
        lock (_sockets)
        {
            socket = new FakeSocket(_sockets.Count + 1, ws) { OthersOpenAtAccept = _sockets.Count(s => s.IsOpen) };
            _sockets.Add(socket);
        }
        await socket.SendAsync(Fixture.Text("socket-mode-hello.json"));
        if (_silences.TryDequeue(out var silence)) await Task.Delay(silence);
        await socket.ReadUntilClosedAsync();
    }
}

/// <summary>One accepted Socket Mode connection, seen from Slack's side.</summary>
public sealed class FakeSocket(int number, WebSocket ws)
{
    private readonly ConcurrentQueue<JsonObject> _received = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private volatile bool _open = true;

    public int Number { get; } = number;

    /// <summary>How many of the app's other sockets were still open when this one connected (overlap on refresh).</summary>
    public int OthersOpenAtAccept { get; init; }
    public bool IsOpen => _open;

    /// <summary>True when the app ended this socket with a proper close frame.</summary>
    public bool ClosedByApp { get; private set; }

    /// <summary>Every JSON frame the app sent (acks).</summary>
    public IReadOnlyList<JsonObject> Received => [.. _received];

    public IReadOnlyList<JsonObject> AcksFor(string envelopeId) =>
        Received.Where(r => r["envelope_id"]?.ToString() == envelopeId).ToList();

    public async Task SendAsync(string text, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        await _sendLock.WaitAsync();
        try
        {
            await ws.SendAsync(Encoding.UTF8.GetBytes(text), type, true, CancellationToken.None);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task SendAsync(JsonObject frame) => SendAsync(frame.ToJsonString());

    /// <summary>Pushes an envelope; returns its envelope_id.</summary>
    public async Task<string> SendEnvelopeAsync(JsonObject envelope)
    {
        await SendAsync(envelope);
        return envelope["envelope_id"]!.ToString();
    }

    /// <summary>Waits for the app's ack of an envelope and returns it.</summary>
    public async Task<JsonObject> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null)
    {
        await FakeSocketMode.Until(() => AcksFor(envelopeId).Count > 0, timeout ?? TimeSpan.FromSeconds(5), "the ack of " + envelopeId);
        return AcksFor(envelopeId)[0];
    }

    /// <summary>Cuts the connection without a close handshake, as a network failure would.</summary>
    public void Drop()
    {
        _open = false;
        ws.Abort();
    }

    internal async Task ReadUntilClosedAsync()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (true)
            {
                var result = await ws.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    ClosedByApp = true;
                    _open = false;
                    await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None);
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;
                if (JsonNode.Parse(message.ToArray()) is JsonObject json) _received.Enqueue(json);
                message.SetLength(0);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            _open = false;
        }
    }
}

/// <summary>Socket Mode envelopes shaped like the real ones in Fixtures/ (socket-mode-envelope-*).</summary>
public static class SocketEnvelopes
{
    public static JsonObject SlashCommand(string command, string text, string userId = "UMENTEE", string? envelopeId = null)
    {
        var envelope = Load("socket-mode-envelope-slash-commands.json", envelopeId);
        var payload = envelope["payload"]!.AsObject();
        payload["command"] = command;
        payload["text"] = text;
        payload["user_id"] = userId;
        payload["user_name"] = userId.ToLowerInvariant();
        payload["team_id"] = "T1";
        payload["response_url"] = "http://127.0.0.1:1/response/unused";
        return envelope;
    }

    /// <summary>An events_api envelope wrapping an app_mention from <paramref name="userId"/>.</summary>
    public static JsonObject AppMention(string eventId, string userId = "UMENTEE", string? envelopeId = null, int retryAttempt = 0)
    {
        var envelope = Load("socket-mode-envelope-events-api-app-mention.json", envelopeId);
        var payload = envelope["payload"]!.AsObject();
        payload["event_id"] = eventId;
        payload["team_id"] = "T1";
        payload["event"]!["user"] = userId;
        envelope["retry_attempt"] = retryAttempt;
        envelope["retry_reason"] = retryAttempt > 0 ? "timeout" : "";
        return envelope;
    }

    public static JsonObject Interactive(JsonObject payload, bool acceptsResponsePayload, string? envelopeId = null) => new()
    {
        ["envelope_id"] = envelopeId ?? NewId(), ["payload"] = payload, ["type"] = "interactive",
        ["accepts_response_payload"] = acceptsResponsePayload,
    };

    public static string NewId() => Guid.NewGuid().ToString();

    private static JsonObject Load(string fixture, string? envelopeId)
    {
        var envelope = JsonNode.Parse(Fixture.Text(fixture))!.AsObject();
        envelope["envelope_id"] = envelopeId ?? NewId();
        return envelope;
    }
}
