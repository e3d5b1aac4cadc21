using System.Text.Json.Nodes;

namespace MentorBot.Playground;

/// <summary>"Add a sample programme": 12 mentees and 5 mentors (<see cref="Workspace.Sample"/>) sign up, to try /mentor match.</summary>
public sealed class SampleProgramme(PlaygroundDriver driver, PlaygroundState state)
{
    /// <summary>Signs up the sample programme's people, each through the real Join form (opened, filled in, submitted).</summary>
    public async Task SignUpAsync(Uri self, CancellationToken ct)
    {
        foreach (var (person, topics, capacity) in Workspace.Sample)
        {
            var role = capacity > 0 ? "mentor" : "mentee";
            string viewId;
            lock (state.Gate)
            {
                viewId = "V" + state.Next();
                state.ModalsOf(person.Id).Add(new PlaygroundView
                {
                    Id = viewId, UserId = person.Id, Hash = "h" + state.Next(), View = PlaygroundState.WithBlockIds(MentorBot.Features.Admin.SignUpModal.Build(role, null)),
                });
            }
            JsonObject Value(JsonObject value) => new() { ["value"] = value };
            var values = new JsonObject
            {
                ["role"] = Value(new JsonObject { ["type"] = "radio_buttons", ["selected_option"] = new JsonObject { ["value"] = role } }),
                ["topics"] = Value(new JsonObject { ["type"] = "plain_text_input", ["value"] = topics }),
            };
            if (capacity > 0) values["capacity"] = Value(new JsonObject { ["type"] = "static_select", ["selected_option"] = new JsonObject { ["value"] = capacity.ToString() } });
            await driver.SubmitAsync(self, person.Id, viewId, values, ct);
            lock (state.Gate) state.ModalsOf(person.Id).Clear(); // the thank-you page: nobody is looking
        }
        lock (state.Gate) state.SampleAdded = true;
    }
}
