using System.Text.Json;

namespace MentorBot.Tests.Support;

/// <summary>Reads the real Slack payloads copied into Support/Fixtures (see the README there for their sources).</summary>
public static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Support", "Fixtures", name));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Support", "Fixtures", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Text(name)).RootElement.Clone();
}
