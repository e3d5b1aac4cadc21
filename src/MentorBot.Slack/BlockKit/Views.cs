using System.Text.Json.Nodes;

namespace MentorBot.Slack.BlockKit;

/// <summary>Modal and App Home views. https://docs.slack.dev/reference/views/modal-views</summary>
public static class Views
{
    public static JsonObject Modal(string callbackId, string title, JsonArray blocks, string? submit = "Save", string close = "Cancel",
        string? privateMetadata = null, string? externalId = null)
    {
        if (privateMetadata is { Length: > Limits.PrivateMetadata })
            throw new ArgumentException("private_metadata is over Slack's 3000 characters.", nameof(privateMetadata));
        var view = new JsonObject
        {
            ["type"] = "modal",
            ["callback_id"] = callbackId,
            ["title"] = Blocks.Plain(title, Limits.ModalTitle),
            ["close"] = Blocks.Plain(close, Limits.ModalButton),
            ["blocks"] = blocks,
        };
        if (submit is not null) view["submit"] = Blocks.Plain(submit, Limits.ModalButton);
        if (privateMetadata is not null) view["private_metadata"] = privateMetadata;
        if (externalId is not null) view["external_id"] = externalId;
        return view;
    }

    public static JsonObject Home(JsonArray blocks) => new() { ["type"] = "home", ["blocks"] = blocks };
}
