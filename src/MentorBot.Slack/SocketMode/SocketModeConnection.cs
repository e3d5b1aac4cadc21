using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;

namespace MentorBot.Slack.SocketMode;

/// <summary>Why a connection asks the service for a replacement (or to stop).</summary>
public enum SocketModeEnd { Refresh, LinkDisabled, Dropped }

/// <summary>
/// One WebSocket to Slack: connects, waits for hello, reads frames until it ends and reports the first reason it
/// should be replaced in <see cref="Ended"/>. It keeps reading after a refresh request, so envelopes that still
/// arrive are handled until the service closes it. Sends are serialised (a WebSocket allows one at a time).
/// </summary>
internal sealed class SocketModeConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();
    private readonly SocketModeOptions _options;
    private readonly ILogger _log;
    private readonly Func<SocketModeFrame, SocketModeConnection, Task> _onEnvelope;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SocketModeEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _inFlight = [];
    private Task _reading = Task.CompletedTask;

    private SocketModeConnection(int number, SocketModeOptions options, ILogger log, Func<SocketModeFrame, SocketModeConnection, Task> onEnvelope)
    {
        Number = number;
        _options = options;
        _log = log;
        _onEnvelope = onEnvelope;
        _ws.Options.KeepAliveInterval = options.PingInterval;
        _ws.Options.KeepAliveTimeout = options.PongTimeout;
    }

    public int Number { get; }

    /// <summary>Completes once, with the first reason this connection should be replaced.</summary>
    public Task<SocketModeEnd> Ended => _ended.Task;

    /// <summary>Connects to a fresh URL and returns once Slack said hello; throws (and cleans up) otherwise.</summary>
    public static async Task<SocketModeConnection> OpenAsync(Uri url, int number, SocketModeOptions options, ILogger log,
        Func<SocketModeFrame, SocketModeConnection, Task> onEnvelope, CancellationToken ct)
    {
        var connection = new SocketModeConnection(number, options, log, onEnvelope);
        try
        {
            using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                connectTimeout.CancelAfter(options.ConnectTimeout);
                await connection._ws.ConnectAsync(url, connectTimeout.Token);
            }
            connection._reading = Task.Run(connection.ReadAsync, CancellationToken.None);
            await Task.WhenAny(connection._hello.Task, connection._ended.Task).WaitAsync(options.HelloTimeout, ct);
            // Both may be done already (hello, then a quick disconnect): hello makes it live; the caller sees Ended next.
            if (!connection._hello.Task.IsCompleted) throw new WebSocketException("The connection ended before Slack said hello.");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async Task SendAsync(string text, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Lets envelopes already received finish and ack, then closes the socket (a bounded wait each).</summary>
    public async Task CloseAsync()
    {
        Task[] pending;
        lock (_inFlight) pending = [.. _inFlight];
        try
        {
            await Task.WhenAll(pending).WaitAsync(_options.DrainTimeout);
        }
        catch (TimeoutException)
        {
            _log.LogWarning("Socket Mode connection {Number} closed with envelopes still being handled", Number);
        }
        catch (Exception)
        {
            // Handlers log their own failures.
        }

        if (_ws.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(_options.CloseTimeout);
            try
            {
                await _sendLock.WaitAsync(timeout.Token);
                try
                {
                    await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", timeout.Token);
                }
                finally
                {
                    _sendLock.Release();
                }
                await _reading.WaitAsync(timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or TimeoutException)
            {
                // Slack may never answer the close handshake; the socket is dropped below.
            }
        }
        await DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _ws.Abort();
        await _reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _ws.Dispose();
        _ended.TrySetResult(SocketModeEnd.Dropped);
    }

    private async Task ReadAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                message.Clear();
                var tooBig = false;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await _ws.ReceiveAsync(buffer.AsMemory(), _stop.Token);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        _log.LogInformation("Slack closed Socket Mode connection {Number} ({Status})", Number, _ws.CloseStatus);
                        return;
                    }
                    tooBig |= message.WrittenCount + result.Count > _options.MaxMessageBytes;
                    if (!tooBig) message.Write(buffer.AsSpan(0, result.Count));
                } while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Binary || tooBig)
                {
                    _log.LogWarning("Ignored a {Kind} Socket Mode frame on connection {Number}", tooBig ? "too large" : "binary", Number);
                    continue;
                }
                Handle(SocketModeFrame.Parse(Encoding.UTF8.GetString(message.WrittenSpan)));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!_stop.IsCancellationRequested)
                _log.LogWarning("Socket Mode connection {Number} dropped: {Error}", Number, ex.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _ended.TrySetResult(SocketModeEnd.Dropped);
        }
    }

    private void Handle(SocketModeFrame frame)
    {
        switch (frame.Kind)
        {
            case SocketFrameKind.Hello:
                _hello.TrySetResult();
                break;
            case SocketFrameKind.Disconnect when frame.Reason == "link_disabled":
                _ended.TrySetResult(SocketModeEnd.LinkDisabled);
                break;
            case SocketFrameKind.Disconnect:
                // refresh_requested, warning, too_many_websockets …: replace this connection; keep reading meanwhile.
                _log.LogInformation("Slack asked to replace Socket Mode connection {Number} ({Reason})", Number, frame.Reason);
                _ended.TrySetResult(SocketModeEnd.Refresh);
                break;
            case SocketFrameKind.Envelope:
                var work = _onEnvelope(frame, this);
                lock (_inFlight)
                {
                    _inFlight.RemoveAll(t => t.IsCompleted);
                    _inFlight.Add(work);
                }
                break;
            case SocketFrameKind.Other:
                _log.LogDebug("Ignored Socket Mode message of type {Type}", frame.Type);
                break;
            default:
                _log.LogWarning("Ignored a Socket Mode frame that is not a JSON object on connection {Number}", Number);
                break;
        }
    }
}
