using System.Text.Json;
using System.Text.Json.Nodes;
using MentorBot.FakeSlack;

namespace MentorBot.Playground;

/// <summary>
/// The Slack Web API as MentorBot calls it, on the loopback server the tests' FakeSlackApi also uses
/// (<see cref="LoopbackSlack"/>), but it keeps what was posted so the playground page can show it.
/// </summary>
public sealed class SlackStandIn : ISlackBehaviour, IAsyncDisposable
{
    public const string BotToken = "xoxb-playground-not-a-real-token";
    private static readonly TimeSpan TriggerLifetime = TimeSpan.FromSeconds(3);

    private readonly PlaygroundState _state;
    private readonly TimeProvider _time;
    private LoopbackSlack? _server;

    public SlackStandIn(PlaygroundState state, TimeProvider time)
    {
        _state = state;
        _time = time;
    }

    /// <summary>Where the stand-in listens (a loopback port chosen at start).</summary>
    public string Root => _server?.Root ?? "http://127.0.0.1:1/";
    public string ApiBaseUrl => Root + "api/";

    /// <summary>
    /// Starts listening. Called after MentorBot's own host is built: a host built earlier would be taken for the app
    /// by WebApplicationFactory in tests.
    /// </summary>
    public async Task StartAsync() => _server = await LoopbackSlack.StartAsync(this);

    public string ResponseUrl(string id) => Root + "response/" + id;

    public async Task AnswerApiAsync(string method, string? token, JsonObject args, HttpContext http)
    {
        object answer;
        lock (_state.Gate)
        {
            answer = token == BotToken ? Answer(method, args) : new { ok = false, error = "not_authed" };
            var json = JsonSerializer.SerializeToNode(answer) as JsonObject;
            _state.Log(_time.GetUtcNow(), method, json?["ok"]?.GetValue<bool>() == true ? "ok" : json?["error"]?.ToString() ?? "error");
            _state.Changed();
        }
        await http.Response.WriteAsJsonAsync(answer);
    }

    private object Answer(string method, JsonObject args)
    {
        var now = _time.GetUtcNow();
        string? Arg(string name) => args[name] is JsonValue v ? v.ToString() : args[name]?.ToJsonString();
        switch (method)
        {
            case "auth.test":
                return new { ok = true, user_id = Workspace.BotUserId, bot_id = "BMENTORBOT", team_id = Workspace.TeamId, team = "Playground", url = "http://playground.invalid/" };
            case "users.info":
                return Workspace.Find(Arg("user")) is { } person ? new { ok = true, user = person.ToSlackUser() } : Error("user_not_found");
            case "users.list":
                return new { ok = true, members = new JsonArray(Workspace.People.Select(p => (JsonNode)p.ToSlackUser()).ToArray()) };
            case "conversations.open":
                var who = Arg("users")?.Split(',')[0];
                return Workspace.Find(who) is { } dmWith ? new { ok = true, channel = new { id = dmWith.DmChannel } } : Error("user_not_found");
            case "conversations.info":
                return ConversationInfo(Arg("channel")) is { } info ? new { ok = true, channel = info } : Error("channel_not_found");
            case "chat.postMessage":
            {
                if (ResolveChannel(Arg("channel")) is not { } channel) return Error("channel_not_found");
                var ts = _state.NewTs(now);
                _state.Messages.Add(new PlaygroundMessage
                {
                    Channel = channel, Ts = ts, UserId = Workspace.BotUserId, Text = Arg("text") ?? "", Blocks = args["blocks"]?.DeepClone() as JsonArray, At = now,
                });
                return new { ok = true, channel, ts, message = new { text = Arg("text"), ts } };
            }
            case "chat.postEphemeral":
            {
                if (ResolveChannel(Arg("channel")) is not { } channel) return Error("channel_not_found");
                if (Workspace.Find(Arg("user")) is null) return Error("user_not_found");
                var ts = _state.NewTs(now);
                _state.Messages.Add(new PlaygroundMessage
                {
                    Channel = channel, Ts = ts, UserId = Workspace.BotUserId, Text = Arg("text") ?? "", Blocks = args["blocks"]?.DeepClone() as JsonArray,
                    VisibleTo = Arg("user"), At = now,
                });
                return new { ok = true, message_ts = ts };
            }
            case "chat.update":
            {
                var message = _state.Messages.FirstOrDefault(m => m.Ts == Arg("ts") && m.Channel == ResolveChannel(Arg("channel")));
                if (message is null) return Error("message_not_found");
                if (message.UserId != Workspace.BotUserId) return Error("cant_update_message");
                message.Text = Arg("text") ?? message.Text;
                if (args.ContainsKey("blocks")) message.Blocks = args["blocks"]?.DeepClone() as JsonArray;
                message.Edited = true;
                return new { ok = true, channel = message.Channel, ts = message.Ts, text = message.Text };
            }
            case "chat.delete":
                return _state.Messages.RemoveAll(m => m.Ts == Arg("ts")) > 0 ? new { ok = true, channel = Arg("channel"), ts = Arg("ts") } : Error("message_not_found");
            case "views.open" or "views.push":
            {
                if (Arg("trigger_id") is not { } trigger || !_state.Triggers.TryGetValue(trigger, out var issued)) return Error("invalid_trigger_id");
                if (DateTime.UtcNow - issued.IssuedUtc > TriggerLifetime) return Error("expired_trigger_id");
                if (args["view"] is not JsonObject view) return Error("invalid_arguments");
                var stack = _state.ModalsOf(issued.UserId);
                if (method == "views.open") stack.Clear();
                else if (stack.Count == 0) return Error("not_found");
                else if (stack.Count >= 3) return Error("push_limit_reached");
                var opened = new PlaygroundView { Id = "V" + _state.Next(), UserId = issued.UserId, Hash = "h" + _state.Next(), View = PlaygroundState.WithBlockIds((JsonObject)view.DeepClone()) };
                stack.Add(opened);
                return new { ok = true, view = Described(opened) };
            }
            case "views.update":
            {
                var target = Arg("view_id") is { Length: > 0 } viewId ? _state.FindView(viewId)
                    : _state.Modals.Values.SelectMany(s => s).FirstOrDefault(v => v.View["external_id"]?.ToString() == Arg("external_id"));
                if (target is null) return Error("not_found");
                if (Arg("hash") is { Length: > 0 } hash && hash != target.Hash) return Error("hash_conflict");
                if (args["view"] is not JsonObject view) return Error("invalid_arguments");
                target.View = PlaygroundState.WithBlockIds((JsonObject)view.DeepClone());
                target.Hash = "h" + _state.Next();
                target.Errors = null;
                return new { ok = true, view = Described(target) };
            }
            case "views.publish":
            {
                if (Workspace.Find(Arg("user_id")) is not { } homeOwner) return Error("user_not_found");
                if (args["view"] is not JsonObject view) return Error("invalid_arguments");
                if (!_state.Homes.TryGetValue(homeOwner.Id, out var home))
                    _state.Homes[homeOwner.Id] = home = new PlaygroundView { Id = "V" + _state.Next(), UserId = homeOwner.Id };
                if (Arg("hash") is { Length: > 0 } hash && hash != home.Hash) return Error("hash_conflict");
                home.View = PlaygroundState.WithBlockIds((JsonObject)view.DeepClone());
                home.Hash = "h" + _state.Next();
                return new { ok = true, view = Described(home) };
            }
            case "files.getUploadURLExternal":
            {
                var id = "F" + _state.Next();
                _state.PendingUploads[id] = (Arg("filename") ?? "file", int.TryParse(Arg("length"), out var n) ? n : 0);
                return new { ok = true, upload_url = _server!.UploadUrl(id), file_id = id };
            }
            case "files.completeUploadExternal":
            {
                if (ResolveChannel(Arg("channel_id")) is not { } channel) return Error("channel_not_found");
                var files = args["files"] as JsonArray ?? [];
                foreach (var f in files.OfType<JsonObject>())
                {
                    var id = f["id"]?.ToString() ?? "";
                    if (!_state.Files.TryGetValue(id, out var file)) return Error("file_not_found");
                    _state.Files[id] = file with { Title = f["title"]?.ToString() ?? file.Name };
                    _state.Messages.Add(new PlaygroundMessage
                    {
                        Channel = channel, Ts = _state.NewTs(now), UserId = Workspace.BotUserId, Text = Arg("initial_comment") ?? "", FileId = id, At = now,
                    });
                }
                return new { ok = true, files };
            }
            default:
                // Methods MentorBot does not use yet: accepted, like the tests' fake, and visible in the API log.
                return new { ok = true, warning = "not_simulated_by_playground" };
        }
    }

    public async Task AnswerResponseUrlAsync(string id, JsonObject args, HttpContext http)
    {
        var now = _time.GetUtcNow();
        lock (_state.Gate)
        {
            if (!_state.ResponseUrls.TryGetValue(id, out var target) || now - target.IssuedAt > TimeSpan.FromMinutes(30) || target.Uses >= 5)
            {
                _state.Log(now, "response_url", "expired_url");
                http.Response.StatusCode = 404;
                return;
            }
            target.Uses++;
            var original = target.SourceTs is null ? null : _state.Messages.FirstOrDefault(m => m.Ts == target.SourceTs && m.Channel == target.Channel);
            if (args["delete_original"]?.ToString() is "true" or "True")
            {
                if (original is not null) _state.Messages.Remove(original);
            }
            else if (args["replace_original"]?.ToString() is "true" or "True" && original is not null && original.UserId == Workspace.BotUserId)
            {
                original.Text = args["text"]?.ToString() ?? "";
                original.Blocks = args["blocks"]?.DeepClone() as JsonArray;
                original.Edited = true;
            }
            else
            {
                var inChannel = args["response_type"]?.ToString() == "in_channel";
                _state.Messages.Add(new PlaygroundMessage
                {
                    Channel = target.Channel, Ts = _state.NewTs(now), UserId = Workspace.BotUserId, Text = args["text"]?.ToString() ?? "",
                    Blocks = args["blocks"]?.DeepClone() as JsonArray, VisibleTo = inChannel ? null : target.UserId, At = now,
                });
            }
            _state.Log(now, "response_url", "ok");
            _state.Changed();
        }
        await http.Response.WriteAsync("ok");
    }

    public Task AnswerUploadAsync(string id, byte[] content, HttpContext http)
    {
        lock (_state.Gate)
        {
            if (!_state.PendingUploads.Remove(id, out var pending))
            {
                http.Response.StatusCode = 404;
                return Task.CompletedTask;
            }
            _state.Files[id] = new PlaygroundFile(id, pending.Name, pending.Name, content);
            _state.Log(_time.GetUtcNow(), "file upload", "ok");
        }
        return Task.CompletedTask;
    }

    private static object Error(string error) => new { ok = false, error };

    private static JsonObject Described(PlaygroundView view)
    {
        var described = (JsonObject)view.View.DeepClone();
        described["id"] = view.Id;
        described["hash"] = view.Hash;
        described["team_id"] = Workspace.TeamId;
        described["app_id"] = "APLAYGROUND";
        described["bot_id"] = "BMENTORBOT";
        return described;
    }

    /// <summary>A channel id, a DM id, or (as Slack allows for posting) a user id standing for the DM with them.</summary>
    private static string? ResolveChannel(string? channel)
    {
        if (channel == Workspace.ChannelId) return channel;
        if (Workspace.Everyone.FirstOrDefault(p => p.DmChannel == channel || p.Id == channel) is { } person) return person.DmChannel;
        return null;
    }

    private static JsonObject? ConversationInfo(string? channel)
    {
        if (channel == Workspace.ChannelId)
            return new JsonObject { ["id"] = channel, ["name"] = Workspace.ChannelName, ["is_channel"] = true, ["is_private"] = false, ["is_member"] = true, ["is_im"] = false };
        return Workspace.Everyone.FirstOrDefault(p => p.DmChannel == channel) is { } person
            ? new JsonObject { ["id"] = channel, ["is_im"] = true, ["user"] = person.Id, ["is_member"] = true }
            : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
