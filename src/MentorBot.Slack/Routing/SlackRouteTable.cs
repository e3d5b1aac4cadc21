namespace MentorBot.Slack.Routing;

/// <summary>
/// Which handler answers which command, action, view and event. Action keys ending in '.' match by prefix
/// ("checkin." takes "checkin.done"); every other key matches exactly.
/// </summary>
public sealed class SlackRouteTable
{
    private readonly Dictionary<string, Type> _commands = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _actions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _views = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _events = new(StringComparer.Ordinal);

    public IReadOnlyCollection<Type> HandlerTypes =>
        _commands.Values.Concat(_actions.Values).Concat(_views.Values).Concat(_events.Values).Distinct().ToList();

    public IReadOnlyCollection<string> Commands => _commands.Keys;

    public SlackRouteTable Command<T>(string command) where T : class, ISlashCommandHandler => Add(_commands, command, typeof(T));

    public SlackRouteTable Action<T>(string actionIdOrPrefix) where T : class, IBlockActionHandler => Add(_actions, actionIdOrPrefix, typeof(T));

    public SlackRouteTable View<T>(string callbackId) where T : class, IViewSubmissionHandler => Add(_views, callbackId, typeof(T));

    public SlackRouteTable Event<T>(string eventType) where T : class, ISlackEventHandler => Add(_events, eventType, typeof(T));

    internal Type? FindCommand(string command) => _commands.GetValueOrDefault(command);

    internal Type? FindView(string callbackId) => _views.GetValueOrDefault(callbackId);

    internal Type? FindEvent(string eventType) => _events.GetValueOrDefault(eventType);

    internal Type? FindAction(string actionId)
    {
        if (_actions.TryGetValue(actionId, out var exact)) return exact;
        return _actions
            .Where(r => r.Key.EndsWith('.') && actionId.StartsWith(r.Key, StringComparison.Ordinal))
            .OrderByDescending(r => r.Key.Length)
            .Select(r => r.Value)
            .FirstOrDefault();
    }

    private SlackRouteTable Add(Dictionary<string, Type> routes, string key, Type handler)
    {
        if (!routes.TryAdd(key, handler)) throw new InvalidOperationException($"Route '{key}' is registered twice.");
        return this;
    }
}
