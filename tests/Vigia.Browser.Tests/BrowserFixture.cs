using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Accounts;
using Vigia.Testing;

namespace Vigia.Browser.Tests;

/// <summary>Vigía on real Kestrel (SQLite, bundled plan) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private sealed class Factory(string connectionString, string uploadRoot) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Vigia", connectionString);
            builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
            builder.UseSetting("Security:PublicFormPostsPerMinute", "100000");
            builder.UseSetting("Uploads:Root", uploadRoot);
        }
    }

    /// <summary>Evidence uploaded during the journeys, kept out of the repository's data folder and deleted at the end.</summary>
    private readonly string uploadRoot = Path.Combine(Path.GetTempPath(), "vigia-browser-uploads", Guid.NewGuid().ToString("N"));

    private TestDatabase database = null!;
    private Factory factory = null!;
    private IPlaywright playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";
    public IServiceProvider Services => factory.Services;

    public static string ScreenshotFolder { get; } =
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        factory = new Factory(database.ConnectionString, uploadRoot);
        factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "es-CO" });
        // The suite shares two cores with the other test projects: generous waits, never timed assertions.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the real form as a new person with the given role.</summary>
    public async Task<IPage> SignedInPageAsync(string role, string? unitName = null, int width = 1280)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@prueba.gov.co";
        const string password = "frase de prueba del navegador";
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            int[] units = unitName is null ? [] : [await db.Units.Where(u => u.Name == unitName).Select(u => u.Id).FirstAsync()];
            var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
                .CreateAsync(new NewUser(email, $"Persona {Roles.DisplayName(role)}", [role], units, null, password));
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        }
        var page = await NewPageAsync(width);
        await page.GotoAsync(BaseUrl + "/cuenta/ingresar");
        await page.GetByLabel("Correo electrónico").FillAsync(email);
        await page.GetByLabel("Contraseña").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/gestion");
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
        await factory.DisposeAsync();
        await database.DisposeAsync();
        if (Directory.Exists(uploadRoot))
        {
            Directory.Delete(uploadRoot, recursive: true);
        }
    }
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>A second application and database for journeys that need the demo simulation on an untouched plan.</summary>
[CollectionDefinition("browser-simulated")]
public sealed class SimulatedBrowserCollection : ICollectionFixture<BrowserFixture>;
