using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MentorBot.Features.Admin;
using MentorBot.Playground;

namespace MentorBot.Tests.Playground;

/// <summary>"Add a sample programme": 12 mentees and 5 mentors sign up through the real Join form, so an admin can try matching.</summary>
[Trait(Tier.Name, Tier.Host)]
public sealed class PlaygroundSampleProgrammeTests
{
    [Fact]
    public async Task SampleProgramme_SignsUpSeventeenPeople_AndTheAdminCanMatchThem()
    {
        await using var host = new PlaygroundHost();
        using var http = new HttpClient { BaseAddress = host.Start() };

        var added = await (await http.PostAsJsonAsync("/playground/api/sample-programme", new { user = "UADA" })).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(17, added!["signedUp"]!.GetValue<int>());
        var signUps = host.Get<SignUpStore>();
        Assert.Equal(12, signUps.WaitingMentees().Count);
        Assert.Equal(5, signUps.Mentors().Count);
        var state = await http.GetFromJsonAsync<JsonObject>("/playground/api/state?user=UADA");
        Assert.Contains(state!["people"]!.AsArray(), p => p!["name"]!.ToString() == "Samira Haddad"); // now in the person switcher

        await http.PostAsJsonAsync("/playground/api/command", new { user = "UADA", channel = "DUADA", text = "/mentor match" });
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Get<MatchStore>().Staged() is null && DateTime.UtcNow < deadline) await Task.Delay(50);
        var run = host.Get<MatchStore>().Staged();
        Assert.NotNull(run);
        Assert.Equal(12, run.Report.Mentees);
        Assert.True(run.Report.Matched >= 9, $"only {run.Report.Matched} matched");
        Assert.Equal(0, run.Report.Repeats + run.Report.Violations);
        Assert.All(run.Pairs, p => Assert.Contains(p.MentorId, Workspace.Sample.Where(s => s.Capacity > 0).Select(s => s.Person.Id)));
    }
}
