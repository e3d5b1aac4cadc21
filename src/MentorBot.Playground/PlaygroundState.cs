using System.Text.Json.Nodes;

namespace MentorBot.Playground;

/// <summary>A message as the playground shows it. <see cref="VisibleTo"/> set means ephemeral ("Only visible to you").</summary>
public sealed class PlaygroundMessage
{
    public required string Channel { get; init; }
    public required string Ts { get; init; }
    public required string UserId { get; init; }
    public string Text { get; set; } = "";
    public JsonArray? Blocks { get; set; }
    public string? VisibleTo { get; init; }
    public string? FileId { get; init; }
    public bool Edited { get; set; }
    public DateTimeOffset At { get; init; }
}

/// <summary>An open modal or a published App Home.</summary>
public sealed class PlaygroundView
{
    public required string Id { get; init; }
    public required string UserId { get; init; }
    public string Hash { get; set; } = "";
    public JsonObject View { get; set; } = new();
    public JsonObject? Errors { get; set; }
}

public sealed record PlaygroundFile(string Id, string Name, string Title, byte[] Content);

/// <summary>Where a response_url posts land.</summary>
public sealed record ResponseTarget(string Channel, string UserId, string? SourceTs, DateTimeOffset IssuedAt)
{
    public int Uses { get; set; }
}

/// <summary>One Web API call, for the page's "Slack API log" (method and outcome only, never content).</summary>
public sealed record ApiLogEntry(DateTimeOffset At, string Method, string Outcome);

/// <summary>Everything the stand-in Slack holds: conversations, views, triggers, response URLs, files. One lock, small data.</summary>
public sealed class PlaygroundState
{
    private readonly object _gate = new();
    private long _sequence;

    public object Gate => _gate;
    public long Version { get; private set; }
    public List<PlaygroundMessage> Messages { get; } = [];
    public Dictionary<string, List<PlaygroundView>> Modals { get; } = [];
    public Dictionary<string, PlaygroundView> Homes { get; } = [];
    public Dictionary<string, (string UserId, DateTime IssuedUtc)> Triggers { get; } = [];
    public Dictionary<string, ResponseTarget> ResponseUrls { get; } = [];
    public Dictionary<string, PlaygroundFile> Files { get; } = [];
    public Dictionary<string, (string Name, int Length)> PendingUploads { get; } = [];
    public List<ApiLogEntry> ApiLog { get; } = [];

    public long Next() => Interlocked.Increment(ref _sequence);

    /// <summary>Slack-style message timestamp: unique, increasing, a string.</summary>
    public string NewTs(DateTimeOffset now) => $"{now.ToUnixTimeSeconds()}.{Next() % 1_000_000:000000}";

    public void Changed() => Version++;

    public void Log(DateTimeOffset at, string method, string outcome)
    {
        ApiLog.Add(new ApiLogEntry(at, method, outcome));
        if (ApiLog.Count > 200) ApiLog.RemoveAt(0);
    }

    public string IssueTrigger(string userId)
    {
        var id = $"{Next()}.playground.{Guid.NewGuid():N}";
        Triggers[id] = (userId, DateTime.UtcNow);
        return id;
    }

    /// <summary>The sample programme's people signed up (they then show in the person switcher).</summary>
    public bool SampleAdded { get; set; }

    public void Clear()
    {
        SampleAdded = false;
        Messages.Clear();
        Modals.Clear();
        Homes.Clear();
        Triggers.Clear();
        ResponseUrls.Clear();
        Files.Clear();
        PendingUploads.Clear();
        ApiLog.Clear();
        Changed();
    }

    public List<PlaygroundView> ModalsOf(string userId) =>
        Modals.TryGetValue(userId, out var stack) ? stack : Modals[userId] = [];

    public PlaygroundView? FindView(string viewId) =>
        Modals.Values.SelectMany(s => s).FirstOrDefault(v => v.Id == viewId) ?? Homes.Values.FirstOrDefault(v => v.Id == viewId);

    /// <summary>Slack gives blocks without a block_id a generated one; view state is keyed by it.</summary>
    public static JsonObject WithBlockIds(JsonObject view)
    {
        if (view["blocks"] is JsonArray blocks)
        {
            var i = 0;
            foreach (var block in blocks.OfType<JsonObject>())
            {
                i++;
                if (block["block_id"] is null) block["block_id"] = $"b{i}";
            }
        }
        return view;
    }
}
