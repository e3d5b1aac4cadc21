using System.Text.Json.Nodes;

namespace MentorBot.Tests.Support;

/// <summary>Interactivity payloads shaped like the real ones in Fixtures/ (block_actions, view_submission).</summary>
public static class Interactions
{
    /// <summary>A button click on a message in the user's DM with the bot.</summary>
    public static JsonObject ButtonClick(string userId, string actionId, string? value, string? messageTs = "1700000001.000001",
        string? channel = null, string? responseUrl = null, string triggerId = "trigger-click")
    {
        var action = new JsonObject
        {
            ["type"] = "button", ["action_id"] = actionId, ["block_id"] = "b1", ["action_ts"] = "1700000002.000002",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Click" },
        };
        if (value is not null) action["value"] = value;
        channel ??= FakeSlackApi.DmOf(userId);
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = "T1" },
            ["api_app_id"] = "A1", ["token"] = "deprecated", ["trigger_id"] = triggerId,
            ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "test" },
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = "…" },
            ["actions"] = new JsonArray(action),
            ["state"] = new JsonObject { ["values"] = new JsonObject() },
        };
        if (responseUrl is not null) payload["response_url"] = responseUrl;
        return payload;
    }

    /// <summary>An option picked from a menu (static_select or the "⋯" overflow) on a message in the user's DM.</summary>
    public static JsonObject Choose(string userId, string actionId, string optionValue, string? messageTs = "1700000001.000001",
        string? channel = null, string type = "static_select")
    {
        var payload = ButtonClick(userId, actionId, null, messageTs, channel);
        payload["actions"] = new JsonArray(new JsonObject
        {
            ["type"] = type, ["action_id"] = actionId, ["block_id"] = "b1", ["action_ts"] = "1700000002.000002",
            ["selected_option"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = optionValue }, ["value"] = optionValue },
        });
        return payload;
    }

    /// <summary>A button click inside a modal or the App Home (container type view).</summary>
    public static JsonObject ViewButtonClick(string userId, string actionId, string? value, string viewId = "VHOME", string viewType = "home",
        string triggerId = "trigger-click")
    {
        var payload = ButtonClick(userId, actionId, value, triggerId: triggerId);
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = viewId };
        payload.Remove("channel");
        payload.Remove("message");
        payload["view"] = new JsonObject { ["id"] = viewId, ["type"] = viewType, ["hash"] = "h1", ["state"] = new JsonObject { ["values"] = new JsonObject() } };
        return payload;
    }

    /// <summary>A modal's submission. <paramref name="values"/>: block_id → element value object (see Value helpers).</summary>
    public static JsonObject Submit(string userId, string callbackId, IDictionary<string, JsonObject> values, string? privateMetadata = null,
        string viewId = "VMODAL")
    {
        var state = new JsonObject();
        foreach (var (blockId, value) in values)
            state[blockId] = new JsonObject { [value["action_id"]?.ToString() ?? blockId] = value.DeepClone() };
        return new JsonObject
        {
            ["type"] = "view_submission",
            ["team"] = new JsonObject { ["id"] = "T1", ["domain"] = "test" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = userId.ToLowerInvariant(), ["name"] = userId.ToLowerInvariant(), ["team_id"] = "T1" },
            ["api_app_id"] = "A1", ["token"] = "deprecated", ["trigger_id"] = "trigger-submit",
            ["view"] = new JsonObject
            {
                ["id"] = viewId, ["team_id"] = "T1", ["type"] = "modal", ["callback_id"] = callbackId,
                ["private_metadata"] = privateMetadata ?? "", ["hash"] = "h1",
                ["state"] = new JsonObject { ["values"] = state },
            },
            ["response_urls"] = new JsonArray(),
        };
    }

    public static JsonObject TextValue(string? text, string actionId = "value") =>
        new() { ["type"] = "plain_text_input", ["action_id"] = actionId, ["value"] = text };

    public static JsonObject DateValue(string? date, string actionId = "value") =>
        new() { ["type"] = "datepicker", ["action_id"] = actionId, ["selected_date"] = date };

    public static JsonObject SelectValue(string? value, string actionId = "value", string type = "static_select") =>
        new()
        {
            ["type"] = type, ["action_id"] = actionId,
            ["selected_option"] = value is null ? null : new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = value }, ["value"] = value },
        };

    public static JsonObject UsersValue(string actionId = "value", params string[] users) =>
        new() { ["type"] = "multi_users_select", ["action_id"] = actionId, ["selected_users"] = new JsonArray(users.Select(u => (JsonNode)u).ToArray()) };

    public static JsonObject CheckboxValue(string actionId = "value", params string[] values) =>
        new()
        {
            ["type"] = "checkboxes", ["action_id"] = actionId,
            ["selected_options"] = new JsonArray(values.Select(v => (JsonNode)new JsonObject
                { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = v }, ["value"] = v }).ToArray()),
        };
}
