using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Vigia.Browser.Tests;

/// <summary>Debian's Chromium driven by Playwright: one browser for the whole run, launched on first use; each page
/// gets its own context (cookies, viewport) so journeys stay independent.</summary>
public static class TestBrowser
{
    private static readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> Instance = ClosedAtExit(new(LaunchAsync));

    // The driver would take the browser down with it anyway; closing it first leaves no stray Chromium behind.
    private static Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> ClosedAtExit(Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> instance)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (instance.IsValueCreated && instance.Value.IsCompletedSuccessfully)
            {
                var (playwright, browser) = instance.Value.Result;
                browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
                playwright.Dispose();
            }
        };
        return instance;
    }

    public static async Task<IBrowser> GetAsync() => (await Instance.Value).Browser;

    private static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        // Journeys run on two shared cores next to other test projects: generous waits, never timed assertions.
        Assertions.SetDefaultExpectTimeout(90_000);
        // The screenshot's own wait for document.fonts.ready once hung a busy run for 90 s after the page had loaded
        // (microsoft/playwright#35972); ScreenshotAsync waits for the fonts itself, bounded, instead.
        Environment.SetEnvironmentVariable("PW_TEST_SCREENSHOT_NO_FONTS_READY", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}

/// <summary>Vigía on real Kestrel for one test class (the one factory of the page tests: SQLite with the bundled
/// plan, a fake clock, its own uploads folder), seen through <see cref="TestBrowser"/> in Spanish and Colombian time,
/// whatever the machine's locale and time zone.</summary>
public class BrowserApp : IAsyncLifetime
{
    private readonly ConcurrentBag<IBrowserContext> contexts = [];

    public BrowserApp() : this(new VigiaFactoryOptions(TestSeed.BundledPlan))
    {
    }

    /// <summary>For a fixture that needs another host (a single public constructor is what xunit allows).</summary>
    protected BrowserApp(VigiaFactoryOptions options) => Factory = new(DatabaseProvider.Sqlite, options);

    public VigiaFactory Factory { get; }

    public string BaseUrl { get; private set; } = "";

    public IServiceProvider Services => Factory.Services;

    public static string ScreenshotFolder { get; } =
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var browser = await TestBrowser.GetAsync();
        var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = height },
            Locale = "es-CO",
            TimezoneId = "America/Bogota",
        });
        contexts.Add(context);
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>The id of an action of the bundled plan by activity code and number ("3.1.5", 1).</summary>
    public async Task<int> ActionIdAsync(string activityCode, int number)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Actions
            .Where(a => a.Activity!.Code == activityCode && a.Order == number).Select(a => a.Id).SingleAsync();
    }

    /// <summary>A page signed in through the real form as a new person with the given role.</summary>
    public async Task<IPage> SignedInPageAsync(string role, string? unit = null, int? component = null, string? name = null, int width = 1280)
    {
        var person = await TestPeople.CreateAsync(Services, role, unit, component, name: name);
        return await SignInAsync(person.Email!, width: width);
    }

    /// <summary>Signs in through the form in a new browser context, and waits for the page the form leads to.</summary>
    public async Task<IPage> SignInAsync(string email, string password = TestPeople.Password, int width = 1280)
    {
        var page = await NewPageAsync(width, 900);
        await page.GotoAsync(BaseUrl + "/cuenta/ingresar");
        await SubmitSignInAsync(page, email, password);
        return page;
    }

    /// <summary>Fills and sends the sign-in form of the current page, then waits for the navigation it causes.</summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(Address("/gestion"));
    }

    /// <summary>A page address, matched at the end of the URL. (Playwright takes JavaScript regular expressions, so no
    /// .NET-only options.)</summary>
    public static Regex Address(string path) => new(Regex.Escape(path) + "$");

    /// <summary>axe-core with every rule, reporting violations in full and the other outcomes only as counts:
    /// collecting every passing node of a long page (86 actions) was most of the time axe took, and no test reads
    /// them.</summary>
    public static Task<AxeResult> AxeAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
    }

    /// <summary>A full-page screenshot for people to look at, once the page's styles have loaded and its fonts have
    /// (or ten seconds have passed: a picture in a fallback font is still a picture, and it asserts nothing).</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.EvaluateAsync("() => Promise.race([document.fonts.ready, new Promise(done => setTimeout(done, 10000))]).then(() => true)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        await Factory.DisposeAsync();
    }
}
