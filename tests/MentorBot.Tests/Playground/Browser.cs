using Microsoft.Playwright;

namespace MentorBot.Tests.Playground;

/// <summary>Headless Chromium from the Debian package (/usr/bin/chromium), driven by Playwright; one per test class.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}

/// <summary>One person's browser tab on the playground, with the steps a test takes and a screenshot after each.</summary>
public sealed class PlaygroundPage(IPage page, string screenshotFolder)
{
    private int _shot;

    public IPage Page => page;

    /// <summary>Uncaught script errors and console errors on the page: a renderer bug shows up here.</summary>
    public IReadOnlyList<string> ScriptErrors { get; private init; } = [];

    /// <summary>Screenshots land in the test output (playground-screenshots/&lt;test&gt;/), kept as CI artifacts.</summary>
    public static async Task<PlaygroundPage> OpenAsync(IBrowser browser, Uri url, string testName)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 860 }, TimezoneId = "UTC" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{m.Text} ({m.Location})"); };
        page.SetDefaultTimeout(30_000); // generous: CI machines have 2 cores
        Assertions.SetDefaultExpectTimeout(30_000);
        await page.GotoAsync(url.ToString());
        await Assertions.Expect(page.GetByLabel("You are").Locator("option")).ToHaveCountAsync(5); // the workspace has loaded
        var folder = Path.Combine(AppContext.BaseDirectory, "playground-screenshots", testName);
        foreach (var old in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.png") : []) File.Delete(old); // this run's only
        Directory.CreateDirectory(folder);
        return new PlaygroundPage(page, folder) { ScriptErrors = errors };
    }

    public async Task ShotAsync(string step)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshotFolder, $"{++_shot:00}-{step}.png"), FullPage = true });
        Assert.True(ScriptErrors.Count == 0, "Errors on the page: " + string.Join("; ", ScriptErrors));
    }

    /// <summary>Picks who you are by the name shown in the "You are" list.</summary>
    public async Task ActAsAsync(string name)
    {
        var who = page.GetByLabel("You are");
        var value = await who.Locator("option", new() { HasTextString = name }).GetAttributeAsync("value");
        await who.SelectOptionAsync(value!);
        await Assertions.Expect(page.Locator("#who-detail")).Not.ToBeEmptyAsync();
    }

    public Task OpenMessagesAsync() => page.GetByRole(AriaRole.Button, new() { Name = "MentorBot — Messages" }).ClickAsync();

    public Task OpenHomeAsync() => page.GetByRole(AriaRole.Button, new() { Name = "MentorBot — Home" }).ClickAsync();

    public Task OpenChannelAsync() => page.GetByRole(AriaRole.Button, new() { Name = "# mentoring" }).ClickAsync();

    /// <summary>
    /// Types into #mentoring's composer and presses Enter, as in Slack: the Messages tab is read-only (the manifest sets
    /// it), so commands are typed in a channel. Ephemeral answers appear there; DMs in Messages.
    /// </summary>
    public async Task TypeAsync(string text)
    {
        await OpenChannelAsync();
        var box = page.GetByLabel("Message");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    public ILocator Surface => page.Locator("#surface");

    public ILocator Modal => page.Locator("#modal-root [role=dialog]");

    /// <summary>Clicks the button with this visible text in the conversation or Home tab (the last one, as the newest message is at the bottom).</summary>
    public Task ClickAsync(string buttonText) =>
        Surface.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).Last.ClickAsync();

    public Task ClickInModalAsync(string buttonText) =>
        Modal.GetByRole(AriaRole.Button, new() { Name = buttonText, Exact = true }).ClickAsync();

    public Task ExpectSeesAsync(string text) => Assertions.Expect(Surface.GetByText(text).Last).ToBeVisibleAsync();

    public Task ExpectModalAsync(string title) => Assertions.Expect(Modal).ToHaveAttributeAsync("aria-label", title);

    /// <summary>
    /// Clicks a clock button and waits until the page enables it again, as a person waits for the clock to stop
    /// (a week is 168 scheduler ticks): what the test looks for next was sent on the way, not after a fixed wait.
    /// </summary>
    public async Task FastForwardAsync(string label)
    {
        var button = page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });
        await button.ClickAsync();
        await Assertions.Expect(button).ToBeEnabledAsync(new() { Timeout = 90_000 });
    }
}
