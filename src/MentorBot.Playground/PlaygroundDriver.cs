using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.Slack.Http;
using MentorBot.Slack.Routing;

namespace MentorBot.Playground;

/// <summary>
/// Plays Slack's part towards MentorBot: turns what the person does on the page into really signed requests to the
/// app's own POST /slack/events, and shows the answers where Slack would (ephemeral replies, modal errors, …).
/// </summary>
public sealed class PlaygroundDriver(PlaygroundState state, SlackStandIn standIn, TimeProvider time, PlaygroundSecrets secrets,
    SlackRouteTable routes, ILogger<PlaygroundDriver> logger)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    public async Task CommandAsync(Uri self, string userId, string channel, string line, CancellationToken ct)
    {
        line = line.Trim();
        var space = line.IndexOf(' ');
        var command = (space < 0 ? line : line[..space]).ToLowerInvariant();
        var text = space < 0 ? "" : line[(space + 1)..].Trim();
        if (!routes.Commands.Contains(command))
        {
            Note(channel, userId, $"`{command}` is not a valid command. MentorBot's commands are: {string.Join(", ", routes.Commands.Order())}.");
            return;
        }
        string responseId, triggerId;
        lock (state.Gate)
        {
            responseId = "r" + state.Next();
            state.ResponseUrls[responseId] = new ResponseTarget(channel, userId, null, time.GetUtcNow());
            triggerId = state.IssueTrigger(userId);
        }
        var person = Workspace.Find(userId)!;
        var fields = new Dictionary<string, string>
        {
            ["token"] = "playground", ["team_id"] = Workspace.TeamId, ["team_domain"] = "playground", ["channel_id"] = channel,
            ["channel_name"] = channel == Workspace.ChannelId ? Workspace.ChannelName : "directmessage",
            ["user_id"] = userId, ["user_name"] = person.Name.Split(' ')[0].ToLowerInvariant(), ["command"] = command,
            ["text"] = StandInText.Escape(text), ["api_app_id"] = "APLAYGROUND", ["is_enterprise_install"] = "false",
            ["response_url"] = standIn.ResponseUrl(responseId), ["trigger_id"] = triggerId,
        };
        var form = string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var (status, body, elapsed) = await SendAsync(self, form, "application/x-www-form-urlencoded", ct);
        if (status != 200) Note(channel, userId, $"MentorBot answered HTTP {status}: Slack would show \"{command} failed with the error \\\"dispatch_failed\\\"\".");
        else if (elapsed > TimeSpan.FromSeconds(3)) Note(channel, userId, $"MentorBot took {elapsed.TotalSeconds:0.0} s to answer: Slack would have shown a timeout error.");
        if (status == 200 && body is { Length: > 0 }) ShowReply(channel, userId, body);
    }

    public async Task<string?> ActionAsync(Uri self, string userId, JsonObject source, JsonObject action, JsonObject? values, CancellationToken ct)
    {
        JsonObject payload;
        lock (state.Gate)
        {
            var now = time.GetUtcNow();
            action["action_ts"] = $"{now.ToUnixTimeSeconds()}.{state.Next() % 1_000_000:000000}";
            payload = BasePayload("block_actions", userId);
            payload["trigger_id"] = state.IssueTrigger(userId);
            payload["actions"] = new JsonArray(action.DeepClone());
            payload["state"] = new JsonObject { ["values"] = values?.DeepClone() ?? new JsonObject() };
            if (source["view_id"]?.ToString() is { } viewId)
            {
                if (state.FindView(viewId) is not { } view) return "That view is gone.";
                payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = viewId };
                payload["view"] = ViewPayload(view, values);
            }
            else
            {
                var channel = source["channel"]?.ToString() ?? "";
                var ts = source["ts"]?.ToString() ?? "";
                if (state.Messages.FirstOrDefault(m => m.Channel == channel && m.Ts == ts) is not { } message) return "That message is gone.";
                var responseId = "r" + state.Next();
                state.ResponseUrls[responseId] = new ResponseTarget(channel, userId, ts, now);
                payload["container"] = new JsonObject
                {
                    ["type"] = "message", ["message_ts"] = ts, ["channel_id"] = channel, ["is_ephemeral"] = message.VisibleTo is not null,
                };
                payload["channel"] = new JsonObject { ["id"] = channel, ["name"] = channel == Workspace.ChannelId ? Workspace.ChannelName : "directmessage" };
                if (message.VisibleTo is null)
                    payload["message"] = new JsonObject
                    {
                        ["type"] = "message", ["user"] = message.UserId, ["ts"] = ts, ["text"] = message.Text,
                        ["blocks"] = message.Blocks?.DeepClone() ?? new JsonArray(), ["bot_id"] = "BMENTORBOT",
                    };
                payload["response_url"] = standIn.ResponseUrl(responseId);
            }
        }
        var (status, _, _) = await SendInteractionAsync(self, payload, ct);
        return status == 200 ? null : $"MentorBot answered HTTP {status}.";
    }

    public async Task<string?> SubmitAsync(Uri self, string userId, string viewId, JsonObject values, CancellationToken ct)
    {
        JsonObject payload;
        lock (state.Gate)
        {
            if (state.ModalsOf(userId).FirstOrDefault(v => v.Id == viewId) is not { } view) return "That form is already closed.";
            payload = BasePayload("view_submission", userId);
            payload["trigger_id"] = state.IssueTrigger(userId);
            payload["view"] = ViewPayload(view, values);
            payload["response_urls"] = new JsonArray();
        }
        var (status, body, _) = await SendInteractionAsync(self, payload, ct);
        if (status != 200) return $"MentorBot answered HTTP {status}; Slack would say \"We had some trouble connecting\".";
        var answer = body is { Length: > 0 } ? JsonNode.Parse(body) as JsonObject : null;
        lock (state.Gate)
        {
            var stack = state.ModalsOf(userId);
            var index = stack.FindIndex(v => v.Id == viewId);
            if (index < 0) return null; // already replaced by views.update/views.open while submitting
            switch (answer?["response_action"]?.ToString())
            {
                case "errors":
                    stack[index].Errors = answer["errors"]?.DeepClone() as JsonObject;
                    break;
                case "update" when answer["view"] is JsonObject updated:
                    stack[index].View = PlaygroundState.WithBlockIds((JsonObject)updated.DeepClone());
                    stack[index].Hash = "h" + state.Next();
                    stack[index].Errors = null;
                    break;
                case "push" when answer["view"] is JsonObject pushed:
                    stack.Add(new PlaygroundView { Id = "V" + state.Next(), UserId = userId, Hash = "h" + state.Next(), View = PlaygroundState.WithBlockIds((JsonObject)pushed.DeepClone()) });
                    break;
                case "clear":
                    stack.Clear();
                    break;
                default:
                    stack.RemoveRange(index, stack.Count - index);
                    break;
            }
            state.Changed();
        }
        return null;
    }

    public async Task CloseAsync(Uri self, string userId, string viewId, CancellationToken ct)
    {
        JsonObject? payload = null;
        lock (state.Gate)
        {
            var stack = state.ModalsOf(userId);
            var index = stack.FindIndex(v => v.Id == viewId);
            if (index < 0) return;
            var view = stack[index];
            if (view.View["notify_on_close"]?.GetValue<bool>() == true)
            {
                payload = BasePayload("view_closed", userId);
                payload["view"] = ViewPayload(view, null);
                payload["is_cleared"] = false;
            }
            stack.RemoveAt(index);
            state.Changed();
        }
        if (payload is not null) await SendInteractionAsync(self, payload, ct);
    }

    /// <summary>The person opened the App Home tab: Slack sends app_home_opened (with the view, if one was published).</summary>
    public Task OpenHomeAsync(Uri self, string userId, CancellationToken ct)
    {
        JsonObject inner;
        lock (state.Gate)
        {
            inner = new JsonObject
            {
                ["type"] = "app_home_opened", ["user"] = userId, ["channel"] = "D" + userId, ["tab"] = "home",
                ["event_ts"] = state.NewTs(time.GetUtcNow()),
            };
            if (state.Homes.TryGetValue(userId, out var home)) inner["view"] = ViewPayload(home, null);
        }
        return EventAsync(self, inner, ct);
    }

    /// <summary>A plain message typed into a conversation: shown, and sent as a message event as Slack does.</summary>
    public Task MessageAsync(Uri self, string userId, string channel, string text, CancellationToken ct)
    {
        JsonObject inner;
        lock (state.Gate)
        {
            var now = time.GetUtcNow();
            var ts = state.NewTs(now);
            state.Messages.Add(new PlaygroundMessage { Channel = channel, Ts = ts, UserId = userId, Text = StandInText.Escape(text), At = now });
            state.Changed();
            inner = new JsonObject
            {
                ["type"] = "message", ["channel"] = channel, ["user"] = userId, ["text"] = StandInText.Escape(text), ["ts"] = ts, ["event_ts"] = ts,
                ["channel_type"] = channel == Workspace.ChannelId ? "channel" : "im", ["client_msg_id"] = Guid.NewGuid().ToString(),
            };
        }
        return EventAsync(self, inner, ct);
    }

    private async Task EventAsync(Uri self, JsonObject inner, CancellationToken ct)
    {
        var envelope = new JsonObject
        {
            ["token"] = "playground", ["team_id"] = Workspace.TeamId, ["api_app_id"] = "APLAYGROUND", ["type"] = "event_callback",
            ["event_id"] = "Ev" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(), ["event_time"] = time.GetUtcNow().ToUnixTimeSeconds(),
            ["event"] = inner,
        };
        await SendAsync(self, envelope.ToJsonString(), "application/json", ct);
    }

    private Task<(int Status, string Body, TimeSpan Elapsed)> SendInteractionAsync(Uri self, JsonObject payload, CancellationToken ct) =>
        SendAsync(self, "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded", ct);

    /// <summary>Signs the body exactly as Slack does (v0, timestamp from the playground clock) and posts it to /slack/events.</summary>
    private async Task<(int Status, string Body, TimeSpan Elapsed)> SendAsync(Uri self, string body, string contentType, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self, "/slack/events")) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", Encoding.ASCII.GetString(SlackSignature.Compute(secrets.SigningSecret, timestamp, bytes)));
        var started = Stopwatch.StartNew();
        try
        {
            using var response = await Http.SendAsync(request, ct);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct), started.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("The playground could not reach MentorBot's /slack/events: {Error}", ex.Message);
            return (502, "", started.Elapsed);
        }
    }

    private void ShowReply(string channel, string userId, string body)
    {
        JsonObject? reply;
        try
        {
            reply = JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            reply = new JsonObject { ["text"] = body }; // text/plain answers are shown as they are
        }
        if (reply is null) return;
        lock (state.Gate)
        {
            var now = time.GetUtcNow();
            state.Messages.Add(new PlaygroundMessage
            {
                Channel = channel, Ts = state.NewTs(now), UserId = Workspace.BotUserId, Text = reply["text"]?.ToString() ?? "",
                Blocks = reply["blocks"]?.DeepClone() as JsonArray, VisibleTo = reply["response_type"]?.ToString() == "in_channel" ? null : userId, At = now,
            });
            state.Changed();
        }
    }

    /// <summary>A grey "Slackbot" note only this person sees, for what Slack itself would tell them.</summary>
    private void Note(string channel, string userId, string text)
    {
        lock (state.Gate)
        {
            var now = time.GetUtcNow();
            state.Messages.Add(new PlaygroundMessage { Channel = channel, Ts = state.NewTs(now), UserId = "USLACKBOT", Text = text, VisibleTo = userId, At = now });
            state.Changed();
        }
    }

    private JsonObject BasePayload(string type, string userId)
    {
        var person = Workspace.Find(userId)!;
        return new JsonObject
        {
            ["type"] = type,
            ["team"] = new JsonObject { ["id"] = Workspace.TeamId, ["domain"] = "playground" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = person.Name.Split(' ')[0].ToLowerInvariant(), ["name"] = person.Name.Split(' ')[0].ToLowerInvariant(), ["team_id"] = Workspace.TeamId },
            ["api_app_id"] = "APLAYGROUND", ["token"] = "playground", ["is_enterprise_install"] = false, ["enterprise"] = null,
        };
    }

    private static JsonObject ViewPayload(PlaygroundView view, JsonObject? values)
    {
        var payload = (JsonObject)view.View.DeepClone();
        payload["id"] = view.Id;
        payload["hash"] = view.Hash;
        payload["team_id"] = Workspace.TeamId;
        payload["app_id"] = "APLAYGROUND";
        payload["bot_id"] = "BMENTORBOT";
        payload["private_metadata"] ??= "";
        payload["callback_id"] ??= "";
        payload["state"] = new JsonObject { ["values"] = values?.DeepClone() ?? new JsonObject() };
        return payload;
    }
}

/// <summary>The signing secret shared by the stand-in and the app, fresh per run.</summary>
public sealed record PlaygroundSecrets(string SigningSecret);
