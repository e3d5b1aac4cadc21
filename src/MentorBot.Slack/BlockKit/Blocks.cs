using System.Text.Json.Nodes;

namespace MentorBot.Slack.BlockKit;

/// <summary>
/// Block Kit factories. Every text is cut to Slack's documented limit here, so no builder can produce a block that
/// Slack rejects for length. https://docs.slack.dev/reference/block-kit/blocks
/// </summary>
public static class Blocks
{
    public static JsonObject Plain(string text, int max = Limits.SectionText) =>
        new() { ["type"] = "plain_text", ["text"] = Mrkdwn.Truncate(text, max), ["emoji"] = true };

    public static JsonObject Markdown(string text, int max = Limits.SectionText) =>
        new() { ["type"] = "mrkdwn", ["text"] = Mrkdwn.Truncate(text, max) };

    public static JsonObject Header(string text) => new() { ["type"] = "header", ["text"] = Plain(text, Limits.HeaderText) };

    public static JsonObject Section(string mrkdwn, JsonObject? accessory = null, string? blockId = null)
    {
        var block = new JsonObject { ["type"] = "section", ["text"] = Markdown(mrkdwn) };
        if (accessory is not null) block["accessory"] = accessory;
        return WithId(block, blockId);
    }

    public static JsonObject Fields(params string[] fields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(fields.Take(Limits.SectionFields).Select(f => (JsonNode)Markdown(f, Limits.FieldText)).ToArray()),
    };

    /// <summary>A section with an optional heading text above its fields.</summary>
    public static JsonObject SectionWithFields(string? mrkdwn, params string[] fields)
    {
        var block = Fields(fields);
        if (mrkdwn is not null) block["text"] = Markdown(mrkdwn);
        return block;
    }

    public static JsonObject Context(params string[] mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(mrkdwn.Take(Limits.ContextElements).Select(t => (JsonNode)Markdown(t, Limits.FieldText)).ToArray()),
    };

    public static JsonObject Divider() => new() { ["type"] = "divider" };

    public static JsonObject Actions(string? blockId, params JsonObject[] elements) => WithId(new JsonObject
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(elements.Take(Limits.ActionElements).Select(e => (JsonNode)e).ToArray()),
    }, blockId);

    public static JsonObject Button(string text, string actionId, string? value = null, string? style = null, JsonObject? confirm = null)
    {
        var button = new JsonObject { ["type"] = "button", ["text"] = Plain(text, Limits.ButtonText), ["action_id"] = actionId };
        if (value is not null) button["value"] = Mrkdwn.Truncate(value, Limits.ButtonValue);
        if (style is not null) button["style"] = style;
        if (confirm is not null) button["confirm"] = confirm;
        return button;
    }

    public static JsonObject Confirm(string title, string text, string confirm = "Yes", string deny = "Cancel") => new()
    {
        ["title"] = Plain(title, Limits.ConfirmTitle),
        ["text"] = Plain(text, Limits.ConfirmText),
        ["confirm"] = Plain(confirm, Limits.ConfirmButton),
        ["deny"] = Plain(deny, Limits.ConfirmButton),
    };

    public static JsonObject Input(string blockId, string label, JsonObject element, bool optional = false, string? hint = null)
    {
        var block = new JsonObject
        {
            ["type"] = "input",
            ["block_id"] = blockId,
            ["label"] = Plain(label, Limits.InputLabel),
            ["element"] = element,
            ["optional"] = optional,
        };
        if (hint is not null) block["hint"] = Plain(hint, Limits.InputLabel);
        return block;
    }

    public static JsonObject TextInput(string actionId, bool multiline = false, int? maxLength = null, string? initialValue = null, string? placeholder = null)
    {
        var element = new JsonObject { ["type"] = "plain_text_input", ["action_id"] = actionId, ["multiline"] = multiline };
        if (maxLength is { } max) element["max_length"] = Math.Min(max, Limits.TextInputMax);
        if (!string.IsNullOrEmpty(initialValue)) element["initial_value"] = Mrkdwn.Truncate(initialValue, maxLength ?? Limits.TextInputMax);
        if (placeholder is not null) element["placeholder"] = Plain(placeholder, Limits.Placeholder);
        return element;
    }

    public static JsonObject DatePicker(string actionId, DateOnly? initialDate = null, string? placeholder = null)
    {
        var element = new JsonObject { ["type"] = "datepicker", ["action_id"] = actionId };
        if (initialDate is { } date) element["initial_date"] = date.ToString("yyyy-MM-dd");
        if (placeholder is not null) element["placeholder"] = Plain(placeholder, Limits.Placeholder);
        return element;
    }

    public static JsonObject TimePicker(string actionId, TimeOnly? initialTime = null)
    {
        var element = new JsonObject { ["type"] = "timepicker", ["action_id"] = actionId };
        if (initialTime is { } time) element["initial_time"] = time.ToString("HH:mm");
        return element;
    }

    public static JsonObject Option(string text, string value, string? description = null)
    {
        var option = new JsonObject { ["text"] = Plain(text, Limits.OptionText), ["value"] = Mrkdwn.Truncate(value, Limits.OptionValue) };
        if (description is not null) option["description"] = Plain(description, Limits.OptionText);
        return option;
    }

    public static JsonObject StaticSelect(string actionId, IEnumerable<JsonObject> options, string? initialValue = null, string placeholder = "Choose…",
        JsonObject? confirm = null)
    {
        var list = options.Take(Limits.SelectOptions).ToList();
        var element = new JsonObject
        {
            ["type"] = "static_select",
            ["action_id"] = actionId,
            ["placeholder"] = Plain(placeholder, Limits.Placeholder),
            ["options"] = new JsonArray(list.Select(o => (JsonNode)o).ToArray()),
        };
        if (list.FirstOrDefault(o => o["value"]?.GetValue<string>() == initialValue) is { } initial)
            element["initial_option"] = initial.DeepClone();
        if (confirm is not null) element["confirm"] = confirm;
        return element;
    }

    public static JsonObject MultiStaticSelect(string actionId, IEnumerable<JsonObject> options, IEnumerable<string>? initialValues = null,
        string placeholder = "Choose…")
    {
        var list = options.Take(Limits.SelectOptions).ToList();
        var element = new JsonObject
        {
            ["type"] = "multi_static_select",
            ["action_id"] = actionId,
            ["placeholder"] = Plain(placeholder, Limits.Placeholder),
            ["options"] = new JsonArray(list.Select(o => (JsonNode)o).ToArray()),
        };
        var initial = initialValues?.ToHashSet() ?? [];
        var chosen = list.Where(o => initial.Contains(o["value"]?.GetValue<string>() ?? "")).Select(o => (JsonNode)o.DeepClone()).ToArray();
        if (chosen.Length > 0) element["initial_options"] = new JsonArray(chosen);
        return element;
    }

    /// <summary>The "⋯" menu: where the less common choices of a message go, so it keeps at most three buttons (2–5 options).</summary>
    public static JsonObject Overflow(string actionId, params JsonObject[] options) => new()
    {
        ["type"] = "overflow",
        ["action_id"] = actionId,
        ["options"] = new JsonArray(options.Take(Limits.OverflowOptions).Select(o => (JsonNode)o).ToArray()),
    };

    public static JsonObject RadioButtons(string actionId, IEnumerable<JsonObject> options, string? initialValue = null) =>
        Choice("radio_buttons", actionId, options, initialValue is null ? [] : [initialValue], single: true);

    public static JsonObject Checkboxes(string actionId, IEnumerable<JsonObject> options, IEnumerable<string>? initialValues = null) =>
        Choice("checkboxes", actionId, options, initialValues?.ToList() ?? [], single: false);

    public static JsonObject UsersSelect(string actionId, string? initialUser = null, string placeholder = "Choose a person")
    {
        var element = new JsonObject { ["type"] = "users_select", ["action_id"] = actionId, ["placeholder"] = Plain(placeholder, Limits.Placeholder) };
        if (initialUser is not null) element["initial_user"] = initialUser;
        return element;
    }

    public static JsonObject MultiUsersSelect(string actionId, int maxSelected, string placeholder = "Choose people", IEnumerable<string>? initialUsers = null)
    {
        var element = new JsonObject
        {
            ["type"] = "multi_users_select",
            ["action_id"] = actionId,
            ["max_selected_items"] = maxSelected,
            ["placeholder"] = Plain(placeholder, Limits.Placeholder),
        };
        if (initialUsers?.ToArray() is { Length: > 0 } users) element["initial_users"] = new JsonArray(users.Select(u => (JsonNode)u).ToArray());
        return element;
    }

    public static JsonObject ChannelsSelect(string actionId, string placeholder = "Choose a channel") => new()
    {
        ["type"] = "channels_select",
        ["action_id"] = actionId,
        ["placeholder"] = Plain(placeholder, Limits.Placeholder),
    };

    /// <summary>A block list that never exceeds <paramref name="max"/> blocks: the last kept block says what was left out.</summary>
    public static JsonArray Capped(IEnumerable<JsonObject> blocks, int max, Func<int, string> leftOutNote)
    {
        var all = blocks.ToList();
        if (all.Count <= max) return new JsonArray(all.Select(b => (JsonNode)b).ToArray());
        var kept = all.Take(max - 1).Select(b => (JsonNode)b).ToList();
        kept.Add(Context(leftOutNote(all.Count - (max - 1))));
        return new JsonArray(kept.ToArray());
    }

    private static JsonObject Choice(string type, string actionId, IEnumerable<JsonObject> options, IReadOnlyCollection<string> initial, bool single)
    {
        var list = options.Take(Limits.ChoiceOptions).ToList();
        var element = new JsonObject
        {
            ["type"] = type,
            ["action_id"] = actionId,
            ["options"] = new JsonArray(list.Select(o => (JsonNode)o).ToArray()),
        };
        var chosen = list.Where(o => initial.Contains(o["value"]!.GetValue<string>())).Select(o => (JsonNode)o.DeepClone()).ToArray();
        if (chosen.Length > 0)
        {
            if (single) element["initial_option"] = chosen[0];
            else element["initial_options"] = new JsonArray(chosen);
        }
        return element;
    }

    private static JsonObject WithId(JsonObject block, string? blockId)
    {
        if (blockId is not null) block["block_id"] = blockId;
        return block;
    }
}
