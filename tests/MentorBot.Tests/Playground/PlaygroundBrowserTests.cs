using LiteDB;
using MentorBot.Playground;
using MentorBot.Storage;
using Microsoft.Playwright;

namespace MentorBot.Tests.Playground;

/// <summary>The playground in a real headless Chromium: what a person evaluating MentorBot would do and see.</summary>
[Trait(Tier.Name, Tier.Browser)]
public sealed class PlaygroundBrowserTests(Browser browser) : IClassFixture<Browser>
{
    private static PlaygroundHost SamplerHost() => new(BlockKitSampler.Routes, BlockKitSampler.Services);

    [Fact]
    public async Task Mentor_help_typed_in_the_channel_comes_back_only_to_the_person_who_typed_it()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(Mentor_help_typed_in_the_channel_comes_back_only_to_the_person_who_typed_it));
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();

        await ui.TypeAsync("/mentor help");

        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Heading, new() { Name = "MentorBot help" })).ToBeVisibleAsync();
        await ui.ExpectSeesAsync("Only visible to you");
        await Assertions.Expect(ui.Surface.Locator("code", new() { HasTextString = "/goal list" }).First).ToBeVisibleAsync();
        await ui.ShotAsync("help-as-kenji");

        await ui.ActAsAsync("Lena Fischer");
        await ui.ExpectSeesAsync("No messages yet");
        await Assertions.Expect(ui.Surface.GetByText("MentorBot help")).ToHaveCountAsync(0);
        await ui.ShotAsync("lena-sees-nothing");
        AssertEveryRequestWasSignedAndAccepted(host);
    }

    [Fact]
    public async Task A_command_MentorBot_does_not_have_gets_Slacks_own_answer_and_reaches_nothing()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(A_command_MentorBot_does_not_have_gets_Slacks_own_answer_and_reaches_nothing));
        await ui.OpenMessagesAsync();

        await ui.TypeAsync("/frobnicate now");

        await ui.ExpectSeesAsync("`/frobnicate` is not a valid command".Replace("`", ""));
        await ui.ShotAsync("unknown-command");
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.Contains("frobnicate"));
    }

    [Fact]
    public async Task Block_Kit_renders_readably_and_buttons_selects_and_modals_reach_the_bot_as_Slack_payloads()
    {
        await using var host = SamplerHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(Block_Kit_renders_readably_and_buttons_selects_and_modals_reach_the_bot_as_Slack_payloads));
        var recorder = host.Get<SamplerRecorder>();
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();

        await ui.TypeAsync(BlockKitSampler.Command);

        // header, mrkdwn (bold, italics, mention, link, emoji), fields, context, divider
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Heading, new() { Name = "Block Kit sampler" })).ToBeVisibleAsync();
        await Assertions.Expect(ui.Surface.Locator("b", new() { HasTextString = "Bold" }).First).ToBeVisibleAsync();
        await Assertions.Expect(ui.Surface.Locator("i", new() { HasTextString = "italic" }).First).ToBeVisibleAsync();
        await Assertions.Expect(ui.Surface.Locator(".mention", new() { HasTextString = "@Kenji Sato" }).First).ToBeVisibleAsync();
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Link, new() { Name = "a link" })).ToHaveAttributeAsync("href", "https://example.com");
        await ui.ExpectSeesAsync("🎉");
        await ui.ExpectSeesAsync("Every week");
        await ui.ExpectSeesAsync("Only a sample: nothing is saved until you submit the form.");
        await Assertions.Expect(ui.Surface.Locator("hr.divider").First).ToBeVisibleAsync();
        await ui.ShotAsync("gallery");

        await ui.ClickAsync("Say hello");
        await WaitUntil(() => recorder.Actions.Any(a => a.Action.ActionId == "sampler.hello"));
        var hello = recorder.Actions.First(a => a.Action.ActionId == "sampler.hello");
        Assert.Equal("hi", hello.Action.Value);
        Assert.Equal("UKENJI", hello.User.Id);
        Assert.Equal("message", hello.Container?.Type);
        Assert.True(hello.Container?.IsEphemeral);
        Assert.NotNull(hello.ResponseUrl);

        await ui.Surface.GetByLabel("How often?").Last.SelectOptionAsync("monthly");
        await WaitUntil(() => recorder.Actions.Any(a => a.Action.ActionId == "sampler.pick"));
        Assert.Equal("monthly", recorder.Actions.First(a => a.Action.ActionId == "sampler.pick").Action.SelectedOption?.Value);

        // The DM's button: the bot replaces the message through response_url.
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("A direct message from the sampler.");
        await ui.ClickAsync("Wave back");
        await ui.ExpectSeesAsync("You waved back 👋");
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Button, new() { Name = "Wave back" })).ToHaveCountAsync(0);

        // A modal with every input type; an error at the field keeps what was typed.
        await ui.OpenChannelAsync();
        await ui.ClickAsync("Open the form");
        await WaitUntil(() => recorder.Actions.Any(a => a.Action.ActionId == "sampler.open"));
        await ui.ExpectModalAsync("Sampler form");
        await ui.Modal.GetByLabel("Notes").FillAsync("Typed before the error");
        await ui.ClickInModalAsync("Save");
        // Required and empty: flagged at the field by the client, as Slack does, before anything is sent.
        await Assertions.Expect(ui.Modal.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "Please complete this required field." })).ToHaveCountAsync(5);
        Assert.Empty(recorder.Submissions);

        await ui.Modal.GetByLabel("Title").FillAsync("Q");
        await ui.Modal.GetByLabel("Date").FillAsync("2026-12-01");
        await ui.Modal.GetByLabel("Time").FillAsync("09:30");
        await ui.Modal.GetByLabel("How often").SelectOptionAsync("weekly");
        await ui.Modal.GetByLabel("Who").SelectOptionAsync("UPRIYA");
        await ui.Modal.GetByLabel("Where").SelectOptionAsync(Workspace.ChannelId);
        await ui.Modal.GetByText("Remind me").ClickAsync();
        await ui.Modal.GetByText("Great").ClickAsync();
        await ui.ClickInModalAsync("Save");
        // The bot's response_action errors, shown at the field; what was typed stays.
        await Assertions.Expect(ui.Modal.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "Use at least 3 characters." })).ToBeVisibleAsync();
        await Assertions.Expect(ui.Modal.GetByLabel("Notes")).ToHaveValueAsync("Typed before the error");
        await ui.ShotAsync("field-error");

        await ui.Modal.GetByLabel("Title").FillAsync("Quarterly review");
        await ui.ShotAsync("form-filled");
        await ui.ClickInModalAsync("Save");

        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("Saved Quarterly review for 2026-12-01");
        await Assertions.Expect(ui.Surface.Locator("b", new() { HasTextString = "Quarterly review" })).ToBeVisibleAsync();
        await ui.ShotAsync("saved");

        var saved = recorder.Submissions.Last().View.State;
        Assert.Equal("Typed before the error", saved.Text("notes"));
        Assert.Equal("09:30", saved["time"]?.SelectedTime);
        Assert.Equal("weekly", saved["how"]?.SelectedOption?.Value);
        Assert.Equal("UPRIYA", saved["who"]?.SelectedUser);
        Assert.Equal(Workspace.ChannelId, saved["where"]?.SelectedChannel);
        Assert.Equal(["remind"], saved["flags"]?.SelectedOptions?.Select(o => o.Value));
        Assert.Equal("great", saved["mood"]?.SelectedOption?.Value);
        Assert.Equal(1, host.Get<MentorDb>().Collection<BsonDocument>("sampler").Count());
        AssertEveryRequestWasSignedAndAccepted(host);
    }

    [Fact]
    public async Task The_clock_fast_forwards_hour_by_hour_and_the_scheduler_runs_on_the_way()
    {
        await using var host = SamplerHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(The_clock_fast_forwards_hour_by_hour_and_the_scheduler_runs_on_the_way));
        await ui.ActAsAsync("Lena Fischer");
        await ui.OpenMessagesAsync();
        var before = host.Get<PlaygroundClock>().GetUtcNow();

        await ui.FastForwardAsync("+1 hour");
        await ui.ExpectSeesAsync("Scheduled prompt #1 at");
        await Assertions.Expect(ui.Page.Locator("#local-now")).ToContainTextAsync("(+1 h)");

        await ui.FastForwardAsync("+1 day");
        await ui.ExpectSeesAsync("Scheduled prompt #25 at");
        await ui.ShotAsync("after-a-day");

        var moved = host.Get<PlaygroundClock>().GetUtcNow() - before;
        Assert.InRange(moved, TimeSpan.FromHours(25), TimeSpan.FromHours(25.5));
        // The fast-forwarded clock is the app's clock: requests signed "in the future" are still accepted.
        await ui.TypeAsync("/mentor help");
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Heading, new() { Name = "MentorBot help" })).ToBeVisibleAsync();
        AssertEveryRequestWasSignedAndAccepted(host);
    }

    [Fact]
    public async Task Reset_starts_over_with_an_empty_database_the_real_time_and_no_messages()
    {
        await using var host = SamplerHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(Reset_starts_over_with_an_empty_database_the_real_time_and_no_messages));
        await ui.ActAsAsync("Lena Fischer");
        await ui.OpenMessagesAsync();
        host.Get<MentorDb>().Collection<BsonDocument>("sampler").Insert(new BsonDocument { ["title"] = "left over" });
        await ui.FastForwardAsync("+1 week");
        await ui.ExpectSeesAsync("Scheduled prompt #168 at");

        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Reset playground" }).ClickAsync();
        await ui.Page.GetByRole(AriaRole.Button, new() { Name = "Reset", Exact = true }).ClickAsync();

        await ui.ExpectSeesAsync("No messages yet");
        await Assertions.Expect(ui.Page.Locator("#local-now")).Not.ToContainTextAsync("(+");
        Assert.Equal(0, host.Get<MentorDb>().Collection<BsonDocument>("sampler").Count());
        Assert.Equal(TimeSpan.Zero, host.Get<PlaygroundClock>().Offset);
        await ui.ShotAsync("after-reset");
    }

    [Fact]
    public async Task Opening_the_Home_tab_shows_a_newcomer_how_to_join_and_signing_up_updates_it_and_the_admins_Home()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(Opening_the_Home_tab_shows_a_newcomer_how_to_join_and_signing_up_updates_it_and_the_admins_Home));
        await ui.ActAsAsync("Priya Raman");

        await ui.OpenHomeAsync();

        // The bot answers app_home_opened with views.publish: a newcomer is welcomed and offered Join.
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Heading, new() { Name = "Mentoring programme" })).ToBeVisibleAsync();
        await ui.ExpectSeesAsync("Welcome to MentorBot.");
        await ui.ExpectSeesAsync("No goals yet.");
        await ui.ShotAsync("home-newcomer");

        await ui.ClickAsync("Join");
        await ui.ExpectModalAsync("Join mentoring");
        await ui.Modal.GetByText("I'd like to mentor someone").ClickAsync();
        await ui.Modal.GetByLabel("What you'd like to learn (mentees) or can help with (mentors)").FillAsync("Public speaking, writing a talk abstract");
        await ui.Modal.GetByLabel("Mentors: how many mentees can you take?").SelectOptionAsync(new SelectOptionValue { Label = "2 mentees" });
        await ui.ClickInModalAsync("Sign up");
        await Assertions.Expect(ui.Modal).ToContainTextAsync("Thanks for offering to mentor (up to 2 mentees)!");
        await ui.ClickInModalAsync("Done");
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);

        // Her Home is published again: no Join button any more, her sign-up instead.
        await ui.ExpectSeesAsync("You're signed up to mentor (up to 2). An admin will pair you.");
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true })).ToHaveCountAsync(0);
        await ui.ShotAsync("home-signed-up");

        // The admin's Home lists her among the mentors; a mentee's Home has no admin section.
        await ui.ActAsAsync("Ada Okafor");
        await ui.OpenHomeAsync();
        await Assertions.Expect(ui.Surface.GetByRole(AriaRole.Heading, new() { Name = "Programme (admins)" })).ToBeVisibleAsync();
        await Assertions.Expect(ui.Surface.Locator("text=Mentors:").Locator("..")).ToContainTextAsync("@Priya Raman 0/2");
        await ui.ShotAsync("home-admin");
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenHomeAsync();
        await ui.ExpectSeesAsync("Welcome to MentorBot.");
        await Assertions.Expect(ui.Surface.GetByText("Programme (admins)")).ToHaveCountAsync(0);
        await Assertions.Expect(ui.Surface.GetByText("Public speaking")).ToHaveCountAsync(0);
        AssertEveryRequestWasSignedAndAccepted(host);
    }

    [Fact]
    public async Task Pausing_from_a_check_in_prompts_menu_asks_how_long_first_and_then_tells_the_other_person_until_when()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(Pausing_from_a_check_in_prompts_menu_asks_how_long_first_and_then_tells_the_other_person_until_when));
        await ui.ActAsAsync("Ada Okafor");
        await ui.OpenMessagesAsync();
        await ui.TypeAsync("/mentor pair @Priya @Kenji");
        await ui.ActAsAsync("Priya Raman");
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("Meet your mentoring partner");
        await ui.FastForwardAsync("+1 week");
        await ui.ExpectSeesAsync("We met");

        // Three one-tap outcomes; pausing is one step away in "⋯", and its form says what a pause does first.
        var more = ui.Surface.Locator("select", new() { Has = ui.Page.Locator("option", new() { HasTextString = "Pause these check-ins…" }) }).Last;
        await more.SelectOptionAsync(new SelectOptionValue { Label = "Pause these check-ins…" });
        await ui.ExpectModalAsync("Pause check-ins");
        await Assertions.Expect(ui.Modal).ToContainTextAsync("they resume by themselves");
        await ui.Modal.GetByLabel("For how long?").SelectOptionAsync(new SelectOptionValue { Label = "for 2 weeks" });
        await ui.ShotAsync("pause-form");
        await ui.ClickInModalAsync("Keep them");
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0); // cancelled: nothing sent
        await Assertions.Expect(ui.Surface.GetByText("Paused: no check-in prompts")).ToHaveCountAsync(0);

        await more.SelectOptionAsync(new SelectOptionValue { Label = "Pause these check-ins…" });
        await ui.ExpectModalAsync("Pause check-ins");
        await ui.Modal.GetByLabel("For how long?").SelectOptionAsync(new SelectOptionValue { Label = "for 2 weeks" });
        await ui.ClickInModalAsync("Pause");
        await ui.ExpectSeesAsync("Paused: no check-in prompts for you and @Kenji Sato until");
        await ui.ShotAsync("paused");

        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();
        await ui.ExpectSeesAsync("Priya Raman paused your pair's check-ins until");
        await ui.ShotAsync("mentee-told");
        AssertEveryRequestWasSignedAndAccepted(host);
    }

    private static void AssertEveryRequestWasSignedAndAccepted(PlaygroundHost host) =>
        Assert.DoesNotContain(host.Logs.Lines, l => l.Message.StartsWith("Refused a Slack request", StringComparison.Ordinal));

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The bot never received it.");
            await Task.Delay(50);
        }
    }
}

/// <summary>The Goals feature as it ships, clicked through in the playground.</summary>
[Trait(Tier.Name, Tier.Browser)]
public sealed class PlaygroundGoalsTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task A_mentee_adds_a_goal_through_its_form_sees_errors_at_the_field_and_updates_its_progress()
    {
        await using var host = new PlaygroundHost();
        var ui = await PlaygroundPage.OpenAsync(browser.Instance, host.Start(), nameof(A_mentee_adds_a_goal_through_its_form_sees_errors_at_the_field_and_updates_its_progress));
        await ui.ActAsAsync("Kenji Sato");
        await ui.OpenMessagesAsync();

        await ui.TypeAsync("/goal");
        await ui.ExpectModalAsync("New goal");
        await ui.ClickInModalAsync("Save goal");
        await Assertions.Expect(ui.Modal.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "Please complete this required field." })).ToBeVisibleAsync();

        await ui.Modal.GetByLabel("Goal", new() { Exact = true }).FillAsync("Give a conference talk");
        await ui.Modal.GetByLabel("Target date").FillAsync("2020-01-01");
        await ui.ClickInModalAsync("Save goal");
        await Assertions.Expect(ui.Modal.GetByRole(AriaRole.Alert).Filter(new() { HasTextString = "Pick today or a later date" })).ToBeVisibleAsync();
        await Assertions.Expect(ui.Modal.GetByLabel("Goal", new() { Exact = true })).ToHaveValueAsync("Give a conference talk");
        await ui.ShotAsync("goal-date-error");

        await ui.Modal.GetByLabel("Target date").FillAsync("");
        await ui.ClickInModalAsync("Save goal");
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);
        await ui.ExpectSeesAsync("Give a conference talk");
        await ui.ShotAsync("goal-saved");

        await ui.TypeAsync("/goal list");
        await ui.ClickAsync("Update progress");
        await Assertions.Expect(ui.Modal).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("^Progress on #1"));
        await ui.Modal.GetByLabel("Progress").SelectOptionAsync(new SelectOptionValue { Label = "50%" });
        await ui.ClickInModalAsync("Save");
        await Assertions.Expect(ui.Modal).ToHaveCountAsync(0);
        await ui.TypeAsync("/goal list");
        await ui.ExpectSeesAsync("50%");
        await ui.ShotAsync("goal-progress");

        await ui.ActAsAsync("Lena Fischer");
        await ui.TypeAsync("/goal list");
        await Assertions.Expect(ui.Surface.Locator("article")).ToHaveCountAsync(1); // Lena's own answer
        await ui.ShotAsync("other-mentee-sees-none-of-it");
        // Case-sensitive: the help's example "Learn to give a conference talk" is not Kenji's goal.
        await Assertions.Expect(ui.Surface.GetByText(new System.Text.RegularExpressions.Regex("Give a conference talk"))).ToHaveCountAsync(0);
    }
}
