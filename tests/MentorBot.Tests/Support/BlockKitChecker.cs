using System.Text.Json.Nodes;

namespace MentorBot.Tests.Support;

/// <summary>
/// Slack's documented Block Kit limits, checked the way Slack checks them at run time (PROTOCOL.md §8,
/// docs.slack.dev/reference/block-kit). The fake Slack answers invalid_blocks when any is broken.
/// </summary>
public static class BlockKitChecker
{
    // msg_blocks_too_long can hit well below the per-block limits (bolt-js #2509, ~13,200 characters): stay under it.
    private const int MessageTextBudget = 12_000;

    public static List<string> Check(string method, JsonObject args)
    {
        var problems = new List<string>();
        if (method.StartsWith("views."))
        {
            if (args["view"] is JsonObject view) CheckView(view, problems);
            else problems.Add("view missing");
            return problems;
        }
        if (args["blocks"] is JsonArray blocks)
        {
            if (string.IsNullOrWhiteSpace(args["text"]?.ToString())) problems.Add("message with blocks has no fallback text");
            CheckBlocks(blocks, 50, problems, "blocks");
            var total = TextLength(blocks);
            if (total > MessageTextBudget) problems.Add($"message blocks carry {total} characters (budget {MessageTextBudget})");
        }
        else if (args["blocks"] is not null && args["blocks"] is not JsonArray)
            problems.Add("blocks must be an array");
        else if (string.IsNullOrEmpty(args["text"]?.ToString()) && method != "response_url" && method != "chat.update")
            problems.Add("message has neither text nor blocks");
        if (args["text"]?.ToString() is { Length: > 40_000 }) problems.Add("text over 40,000 characters");
        return problems;
    }

    private static void CheckView(JsonObject view, List<string> problems)
    {
        var type = view["type"]?.ToString();
        var blocks = view["blocks"] as JsonArray;
        if (blocks is null) { problems.Add("view.blocks missing"); return; }
        CheckBlocks(blocks, 100, problems, "view.blocks");
        if (type == "modal")
        {
            Text(view["title"], 24, "view.title", problems, required: true, plainOnly: true);
            Text(view["close"], 24, "view.close", problems, plainOnly: true);
            Text(view["submit"], 24, "view.submit", problems, plainOnly: true);
            if (blocks.Any(b => b?["type"]?.ToString() == "input") && view["submit"] is null) problems.Add("modal with inputs has no submit");
            if (view["private_metadata"]?.ToString() is { Length: > 3000 }) problems.Add("private_metadata over 3000");
            if (view["callback_id"]?.ToString() is { Length: > 255 }) problems.Add("callback_id over 255");
        }
        else if (type != "home") problems.Add($"unknown view type {type}");
    }

    private static void CheckBlocks(JsonArray blocks, int max, List<string> problems, string path)
    {
        if (blocks.Count > max) problems.Add($"{path}: {blocks.Count} blocks (max {max})");
        var ids = new HashSet<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"{path}[{i}]";
            if (blocks[i] is not JsonObject block) { problems.Add($"{at}: not an object"); continue; }
            if (block["block_id"]?.ToString() is { } id && (id.Length > 255 || !ids.Add(id))) problems.Add($"{at}: block_id too long or repeated");
            switch (block["type"]?.ToString())
            {
                case "section":
                    if (block["text"] is null && block["fields"] is null) problems.Add($"{at}: section needs text or fields");
                    Text(block["text"], 3000, at + ".text", problems);
                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count is 0 or > 10) problems.Add($"{at}: {fields.Count} fields");
                        foreach (var f in fields) Text(f, 2000, at + ".fields", problems, required: true);
                    }
                    if (block["accessory"] is JsonObject accessory) Element(accessory, at + ".accessory", problems);
                    break;
                case "header":
                    Text(block["text"], 150, at + ".text", problems, required: true, plainOnly: true);
                    break;
                case "context":
                    if (block["elements"] is not JsonArray { Count: > 0 and <= 10 } context) problems.Add($"{at}: context needs 1-10 elements");
                    else foreach (var e in context) Text(e, 3000, at + ".elements", problems, required: true);
                    break;
                case "actions":
                    if (block["elements"] is not JsonArray { Count: > 0 and <= 25 } elements) { problems.Add($"{at}: actions needs 1-25 elements"); break; }
                    var actionIds = new HashSet<string>();
                    foreach (var e in elements)
                    {
                        if (e is not JsonObject element) continue;
                        if (element["action_id"]?.ToString() is { } actionId && !actionIds.Add(actionId)) problems.Add($"{at}: action_id {actionId} repeated");
                        Element(element, at + ".elements", problems);
                    }
                    break;
                case "input":
                    Text(block["label"], 2000, at + ".label", problems, required: true, plainOnly: true);
                    Text(block["hint"], 2000, at + ".hint", problems, plainOnly: true);
                    if (block["element"] is JsonObject input) Element(input, at + ".element", problems);
                    else problems.Add($"{at}: input needs an element");
                    break;
                case "divider":
                    break;
                default:
                    problems.Add($"{at}: unexpected block type {block["type"]}");
                    break;
            }
        }
    }

    private static void Element(JsonObject element, string at, List<string> problems)
    {
        if (element["action_id"]?.ToString() is { Length: > 255 }) problems.Add($"{at}: action_id over 255");
        Text(element["placeholder"], 150, at + ".placeholder", problems, plainOnly: true);
        switch (element["type"]?.ToString())
        {
            case "button":
                Text(element["text"], 75, at + ".text", problems, required: true, plainOnly: true);
                if (element["value"]?.ToString() is { Length: > 2000 }) problems.Add($"{at}: button value over 2000");
                if (element["style"]?.ToString() is { } style && style is not ("primary" or "danger")) problems.Add($"{at}: bad style {style}");
                if (element["confirm"] is JsonObject confirm)
                {
                    Text(confirm["title"], 100, at + ".confirm.title", problems, required: true, plainOnly: true);
                    Text(confirm["text"], 300, at + ".confirm.text", problems, required: true);
                    Text(confirm["confirm"], 30, at + ".confirm.confirm", problems, required: true, plainOnly: true);
                    Text(confirm["deny"], 30, at + ".confirm.deny", problems, required: true, plainOnly: true);
                }
                break;
            case "static_select" or "radio_buttons" or "checkboxes" or "multi_static_select":
                var max = element["type"]?.ToString() is "radio_buttons" or "checkboxes" ? 10 : 100;
                if (element["options"] is not JsonArray { Count: > 0 } options || options.Count > max) { problems.Add($"{at}: needs 1-{max} options"); break; }
                foreach (var o in options.OfType<JsonObject>())
                {
                    Text(o["text"], 75, at + ".option.text", problems, required: true);
                    if (o["value"]?.ToString() is not { Length: > 0 and <= 150 }) problems.Add($"{at}: option value empty or over 150");
                }
                break;
            case "plain_text_input":
                var maxLength = element["max_length"]?.GetValue<int>() ?? 3000;
                if (maxLength > 3000) problems.Add($"{at}: max_length over 3000");
                if (element["initial_value"]?.ToString() is { } initial && initial.Length > maxLength) problems.Add($"{at}: initial_value longer than max_length");
                break;
            case "datepicker" or "timepicker" or "users_select" or "multi_users_select" or "channels_select" or "conversations_select" or "overflow":
                break;
            default:
                problems.Add($"{at}: unexpected element type {element["type"]}");
                break;
        }
    }

    private static void Text(JsonNode? node, int max, string at, List<string> problems, bool required = false, bool plainOnly = false)
    {
        if (node is null)
        {
            if (required) problems.Add($"{at}: missing");
            return;
        }
        var type = node["type"]?.ToString();
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text")) problems.Add($"{at}: bad text type {type}");
        var text = node["text"]?.ToString() ?? "";
        if (text.Length == 0) problems.Add($"{at}: empty text");
        if (text.Length > max) problems.Add($"{at}: {text.Length} characters (max {max})");
        if (text.Any(char.IsSurrogate) && !IsWellFormed(text)) problems.Add($"{at}: broken surrogate pair");
    }

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[++i]))) return false;
            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1]))) return false;
        }
        return true;
    }

    private static int TextLength(JsonNode? node) => node switch
    {
        JsonObject o => o.Sum(p => p.Key == "text" && p.Value is JsonValue v ? v.ToString().Length : TextLength(p.Value)),
        JsonArray a => a.Sum(TextLength),
        _ => 0,
    };
}
