namespace MentorBot.Slack;

/// <summary>Settings from the <c>Slack</c> section (or the conventional SLACK_* environment variables).</summary>
public sealed class SlackOptions
{
    public const string Section = "Slack";

    public string BotToken { get; set; } = "";
    public string SigningSecret { get; set; } = "";

    /// <summary>An app-level <c>xapp-</c> token. When present, Socket Mode is started.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Must end in '/'; every Web API call is relative to it.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>Largest request body /slack/events accepts (the largest real view payloads are ~70 KB).</summary>
    public int MaxBodyBytes { get; set; } = 512 * 1024;

    public bool UsesSocketMode => !string.IsNullOrWhiteSpace(AppToken);

    /// <summary>Fills empty settings from SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_APP_TOKEN.</summary>
    public void ApplyConventionalVariables(Func<string, string?> read)
    {
        if (string.IsNullOrWhiteSpace(BotToken)) BotToken = read("SLACK_BOT_TOKEN") ?? "";
        if (string.IsNullOrWhiteSpace(SigningSecret)) SigningSecret = read("SLACK_SIGNING_SECRET") ?? "";
        if (string.IsNullOrWhiteSpace(AppToken)) AppToken = read("SLACK_APP_TOKEN") ?? "";
        if (!ApiBaseUrl.EndsWith('/')) ApiBaseUrl += "/";
    }

    /// <summary>What is missing for the app to talk to Slack, as one readable line; null when complete.</summary>
    public string? DescribeMissingSettings()
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(BotToken)) missing.Add("SLACK_BOT_TOKEN (Slack:BotToken)");
        if (!UsesSocketMode && string.IsNullOrWhiteSpace(SigningSecret))
            missing.Add("SLACK_SIGNING_SECRET (Slack:SigningSecret), or SLACK_APP_TOKEN (Slack:AppToken) for Socket Mode");
        if (UsesSocketMode && !AppToken.StartsWith("xapp-", StringComparison.Ordinal))
            missing.Add("an app-level token starting with xapp- in SLACK_APP_TOKEN (Slack:AppToken)");
        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
            missing.Add("an absolute URL in Slack:ApiBaseUrl");
        return missing.Count == 0 ? null : "MentorBot cannot start: set " + string.Join("; ", missing) + ".";
    }
}
