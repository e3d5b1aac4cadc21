using System.Text.Json.Nodes;
using MentorBot.Tests.Support;

namespace MentorBot.Tests.BlockKit;

/// <summary>
/// Every message, modal and App Home the bot builds, captured from real runs of each feature's <see cref="IBlockKitTour"/>,
/// compiled against Slack's own @slack/types with tsc. Slack rejects malformed Block Kit only at run time; this is where
/// we see it first.
/// </summary>
[Trait(Tier.Name, Tier.Host)]
public class BlockKitContractTests
{
    public static TheoryData<string> Tours()
    {
        var data = new TheoryData<string>();
        foreach (var type in typeof(IBlockKitTour).Assembly.GetTypes()
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBlockKitTour).IsAssignableFrom(t))
                     .OrderBy(t => t.Name))
            data.Add(type.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Tours))]
    public async Task EverySurfaceOfTheTour_CompilesAgainstSlackTypes(string tourName)
    {
        Assert.True(SlackTypes.Installed, "Slack's type definitions are missing: run `npm ci --prefix tests/blockkit` (./test.sh does).");
        var tour = (IBlockKitTour)Activator.CreateInstance(typeof(IBlockKitTour).Assembly.GetTypes().Single(t => t.Name == tourName))!;

        List<Surface> surfaces;
        await using (var app = await TestApp.StartFreshAsync())
        {
            await tour.RunAsync(app);
            Assert.All(app.Slack.Calls(), c => Assert.True(c.Rejected is null, $"{c.Method} was rejected: {c.Rejected}"));
            surfaces = Capture(tourName, app);
        }

        Assert.NotEmpty(surfaces);
        var errors = await SlackTypes.CheckAsync(tourName, surfaces);
        Assert.True(errors.Count == 0, $"{errors.Count} Block Kit type errors in {surfaces.Count} surfaces:\n" + string.Join("\n", errors));

        // Short by default: a message offers at most three buttons; the rest is one step away (a menu, a form).
        var crowded = surfaces.Where(s => s.Kind == "message")
            .Select(s => (s.Name, Buttons: Support.Buttons.In(s.Json["blocks"]).Count()))
            .Where(s => s.Buttons > 3).Select(s => $"{s.Name}: {s.Buttons} buttons").Distinct().ToList();
        Assert.True(crowded.Count == 0, "Messages with more than three buttons:\n" + string.Join("\n", crowded));

        // Slack writes "(optional)" after an optional field's label itself: a label that says it too reads it twice.
        var twice = surfaces.SelectMany(s => (s.Json["blocks"] as JsonArray ?? []).OfType<JsonObject>()
                .Where(b => b["type"]?.ToString() == "input" && b["optional"]?.GetValue<bool>() == true
                            && (b["label"]?["text"]?.ToString() ?? "").Contains("optional", StringComparison.OrdinalIgnoreCase))
                .Select(b => $"{s.Name}: {b["label"]!["text"]}"))
            .Distinct().ToList();
        Assert.True(twice.Count == 0, "Optional fields whose label says so too:\n" + string.Join("\n", twice));
    }

    [Fact]
    public async Task TheChecker_CatchesWhatSlackWouldReject()
    {
        Assert.True(SlackTypes.Installed, "run `npm ci --prefix tests/blockkit`");
        var bad = new[]
        {
            new Surface("button with mrkdwn text", "message", JsonNode.Parse("""
                {"text":"x","blocks":[{"type":"actions","elements":[{"type":"button","text":{"type":"mrkdwn","text":"Go"},"action_id":"a"}]}]}
                """)!),
            new Surface("modal without title", "modal", JsonNode.Parse("""{"type":"modal","blocks":[]}""")!),
            new Surface("unknown block", "home", JsonNode.Parse("""{"type":"home","blocks":[{"type":"sectoin","text":{"type":"mrkdwn","text":"hi"}}]}""")!),
        };
        var good = new Surface("plain section", "message", JsonNode.Parse("""{"text":"hi","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*hi*"}}]}""")!);

        var errors = await SlackTypes.CheckAsync("checker-self-test", [.. bad, good]);

        foreach (var surface in bad) Assert.Contains(errors, e => e.StartsWith(surface.Name + ":"));
        Assert.DoesNotContain(errors, e => e.StartsWith(good.Name + ":"));
    }

    /// <summary>What Slack would receive: Web API surfaces, response_url posts and the app's HTTP replies.</summary>
    private static List<Surface> Capture(string tour, TestApp app)
    {
        var surfaces = new List<Surface>();
        void Add(string where, string kind, JsonNode? json)
        {
            if (json is null) return;
            var copy = json.DeepClone();
            if (copy is JsonObject o && kind == "message")
                foreach (var key in new[] { "token", "as_user", "attachments" }) o.Remove(key);
            surfaces.Add(new Surface($"{tour} #{surfaces.Count} {where}", kind, copy));
        }

        foreach (var call in app.Slack.Calls())
        {
            switch (call.Method)
            {
                case "chat.postMessage" or "chat.postEphemeral" or "chat.update" or "response_url":
                    Add(call.Method, "message", call.Args);
                    break;
                case "views.open" or "views.push" or "views.update" or "views.publish":
                    var view = call.Args["view"];
                    Add(call.Method, view?["type"]?.ToString() == "home" ? "home" : "modal", view);
                    break;
            }
        }
        foreach (var reply in app.Replies)
        {
            if (reply["response_action"]?.ToString() is "update" or "push") Add("response_action", "modal", reply["view"]);
            else if (reply["response_action"] is null && (reply["text"] is not null || reply["blocks"] is not null)) Add("reply", "message", reply);
        }
        return surfaces;
    }
}
