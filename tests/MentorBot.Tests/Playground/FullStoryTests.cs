using Microsoft.Playwright;

namespace MentorBot.Tests.Playground;

/// <summary>
/// The scenario, end to end in the browser, written against the surfaces the features will produce. Buttons
/// and fields are found by their visible text; adjust a label here if a feature words it differently.
/// </summary>
[Trait(Tier.Name, Tier.Browser)]
public sealed class FullStoryTests(Browser browser) : IClassFixture<Browser>
{
    // Each step waits for what the person would see before the next one: the confirmation of a command, the clock's
    // button coming back. Steps that raced ahead made this story flaky on a loaded 2-core machine.
    [Fact]
    public async Task A_mentee_and_a_mentor_go_from_a_goal_to_a_first_check_in_and_honest_feedback()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(A_mentee_and_a_mentor_go_from_a_goal_to_a_first_check_in_and_honest_feedback));

        // The mentee saves a goal and asks a mentor.
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();
        await ui.TypeAsync("/goal add Give a conference talk");
        await ui.ExpectSeesAsync("Give a conference talk");
        await ui.ShotAsync("mentee-goal-added");
        await ui.TypeAsync("/mentor ask @Priya");
        await ui.ExpectSeesAsync("Priya Raman");
        await ui.ShotAsync("mentee-asked-mentor");

        // The mentor accepts and sets expectations.
        await ui.ActAsAsync("Priya Raman");
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("Kenji Sato");
        await ui.ClickAsync("Accept");
        await ui.ShotAsync("mentor-accepted");
        await ui.ClickAsync("Set expectations");
        await Assertions.Expect(ui.Modal).ToBeVisibleAsync();
        await ui.Modal.Locator("textarea, input[type=text]").First.FillAsync("We meet weekly for 30 minutes; come with one question.");
        await ui.Modal.Locator("input[type=checkbox]").First.CheckAsync(); // how we prefer to talk: required
        await ui.Modal.GetByLabel("This time works for both of us").CheckAsync(); // New York and Tokyo share no working hours
        await ui.ShotAsync("mentor-expectations");
        await ui.Modal.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);

        // Time passes until the check-in prompt arrives.
        await ui.FastForwardAsync("+1 week");
        await ui.ExpectSeesAsync("We met");
        await Assertions.Expect(ui.Surface.Locator("b", new() { HasTextString = "@Kenji Sato's open goals" }).Last).ToBeVisibleAsync();
        await ui.ExpectSeesAsync("#1 Give a conference talk — 0%");
        await ui.ShotAsync("mentor-check-in-prompt");
        await ui.ClickAsync("We met");
        await Assertions.Expect(ui.Modal).ToBeVisibleAsync();
        await ui.Modal.Locator("textarea").First.FillAsync("Talked through the talk outline; next: a first draft of the abstract.");
        await ui.ShotAsync("mentor-check-in-notes");
        await ui.Modal.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);

        // The mentee asks the mentor for feedback.
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();
        await ui.TypeAsync("/askfeedback @Priya How did my outline land?");
        await ui.ExpectSeesAsync("I'll DM you each answer as it comes in.");
        await ui.ShotAsync("mentee-asked-feedback");

        // The mentor gives it.
        await ui.ActAsAsync("Priya Raman");
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("How did my outline land?");
        await ui.ClickAsync("Give feedback");
        await Assertions.Expect(ui.Modal).ToBeVisibleAsync();
        await ui.Modal.Locator("textarea").First.FillAsync("Clear structure; open with the story, not the agenda.");
        await ui.ShotAsync("mentor-gives-feedback");
        await ui.Modal.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(ui.Modal).ToContainTextAsync("Sent to"); // the form thanks the giver, then closes
        await ui.Modal.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);

        // The mentee sees it arrive; the other mentee sees none of it.
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("open with the story, not the agenda");
        await ui.ShotAsync("mentee-sees-feedback");
        await ui.ActAsAsync("Lena Fischer");
        await Assertions.Expect(ui.Surface.GetByText("open with the story")).ToHaveCountAsync(0);
        await Assertions.Expect(ui.Surface.GetByText("Give a conference talk")).ToHaveCountAsync(0);
    }
}
