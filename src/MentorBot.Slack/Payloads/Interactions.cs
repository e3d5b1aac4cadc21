using System.Text.Json;

namespace MentorBot.Slack.Payloads;

public sealed record SlackUserRef
{
    public string Id { get; init; } = "";
    public string? Username { get; init; }
    public string? Name { get; init; }
    public string? TeamId { get; init; }
}

public sealed record SlackTeamRef
{
    public string? Id { get; init; }
    public string? Domain { get; init; }
}

public sealed record SlackChannelRef
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
}

public sealed record InteractionContainer
{
    public string Type { get; init; } = "";
    public string? MessageTs { get; init; }
    public string? ChannelId { get; init; }
    public string? ViewId { get; init; }
    public bool IsEphemeral { get; init; }
}

public sealed record SlackText
{
    public string Type { get; init; } = "plain_text";
    public string Text { get; init; } = "";
}

public sealed record SelectedOption
{
    public SlackText? Text { get; init; }
    public string Value { get; init; } = "";
}

/// <summary>
/// The value of one interactive element: a clicked action in <c>actions[]</c>, or an entry of <c>state.values</c>.
/// https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
/// </summary>
public sealed record ElementValue
{
    public string Type { get; init; } = "";
    public string? ActionId { get; init; }
    public string? BlockId { get; init; }
    public string? Value { get; init; }
    public SelectedOption? SelectedOption { get; init; }
    public IReadOnlyList<SelectedOption>? SelectedOptions { get; init; }
    public string? SelectedDate { get; init; }
    public string? SelectedTime { get; init; }
    public string? SelectedUser { get; init; }
    public IReadOnlyList<string>? SelectedUsers { get; init; }
    public string? SelectedConversation { get; init; }
    public string? SelectedChannel { get; init; }
}

/// <summary><c>state.values</c>: block_id → action_id → value.</summary>
public sealed record ViewState
{
    public Dictionary<string, Dictionary<string, ElementValue>> Values { get; init; } = new();

    /// <summary>The first element value in a block (MentorBot puts one element in each input block).</summary>
    public ElementValue? this[string blockId] =>
        Values.TryGetValue(blockId, out var elements) ? elements.Values.FirstOrDefault() : null;

    /// <summary>Plain text typed into a block, outer whitespace trimmed; null when left empty.</summary>
    public string? Text(string blockId)
    {
        var text = this[blockId]?.Value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}

public sealed record SlackView
{
    public string? Id { get; init; }
    public string? Type { get; init; }
    public string? CallbackId { get; init; }
    public string? PrivateMetadata { get; init; }
    public string? Hash { get; init; }
    public string? ExternalId { get; init; }
    public string? RootViewId { get; init; }
    public ViewState State { get; init; } = new();
}

/// <summary>A button click, select or date pick. https://docs.slack.dev/reference/interaction-payloads/block_actions-payload</summary>
public sealed record BlockActions
{
    public string Type { get; init; } = "";
    public SlackUserRef User { get; init; } = new();
    public SlackTeamRef? Team { get; init; }
    public string? TriggerId { get; init; }
    public string? ResponseUrl { get; init; }
    public InteractionContainer? Container { get; init; }
    public SlackChannelRef? Channel { get; init; }
    public JsonElement? Message { get; init; }
    public SlackView? View { get; init; }
    public IReadOnlyList<ElementValue> Actions { get; init; } = [];
    public ViewState? State { get; init; }

    /// <summary>The element that was used (Slack sends one per payload).</summary>
    public ElementValue Action => Actions.Count > 0 ? Actions[0] : new ElementValue();
}

/// <summary>A modal's submit button. https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload</summary>
public sealed record ViewSubmission
{
    public string Type { get; init; } = "";
    public SlackUserRef User { get; init; } = new();
    public SlackTeamRef? Team { get; init; }
    public string? TriggerId { get; init; }
    public SlackView View { get; init; } = new();
}
