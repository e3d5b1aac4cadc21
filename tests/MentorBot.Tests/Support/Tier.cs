namespace MentorBot.Tests.Support;

/// <summary>
/// The test tiers, as xUnit traits on every test class: <c>unit</c> (no host, no network: seconds),
/// <c>host</c> (the real app or a child process on loopback, with the fake Slack), <c>browser</c> (the playground in
/// headless Chromium). <c>dotnet test --filter Tier=unit</c> runs the fast tier alone; ./test.sh runs all three.
/// </summary>
public static class Tier
{
    public const string Name = "Tier";
    public const string Unit = "unit";
    public const string Host = "host";
    public const string Browser = "browser";
}
