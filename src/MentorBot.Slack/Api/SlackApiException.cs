namespace MentorBot.Slack.Api;

/// <summary>Slack answered <c>ok:false</c>, or an HTTP error, for a Web API call.</summary>
public class SlackApiException(string method, string error, string? detail = null)
    : Exception($"Slack {method} failed: {error}{(detail is null ? "" : " (" + detail + ")")}")
{
    public string Method { get; } = method;
    public string Error { get; } = error;

    /// <summary>Errors that will not go away by retrying the same call.</summary>
    public bool IsPermanent => Error is "channel_not_found" or "user_not_found" or "account_inactive" or "not_authed"
        or "invalid_auth" or "token_revoked" or "is_archived" or "not_in_channel" or "cannot_dm_bot" or "user_disabled"
        or "invalid_blocks" or "invalid_arguments" or "msg_too_long" or "no_text"
        or "message_not_found" or "cant_update_message" or "edit_window_closed";

    /// <summary>The token itself no longer works: the app should stop sending.</summary>
    public bool IsAuthFailure => Error is "not_authed" or "invalid_auth" or "token_revoked";
}

/// <summary>HTTP 429 (or <c>ratelimited</c>) that outlasted the in-call retries; try again after <see cref="RetryAfter"/>.</summary>
public sealed class SlackRateLimitedException(string method, TimeSpan retryAfter)
    : SlackApiException(method, "ratelimited", $"retry after {retryAfter.TotalSeconds:0}s")
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
