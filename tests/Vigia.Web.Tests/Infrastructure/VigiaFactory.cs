using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>What a test database starts with.</summary>
public enum TestSeed
{
    /// <summary>Every table and no rows: the test writes what it needs with <see cref="TestData"/>.</summary>
    Empty,

    /// <summary>The bundled Cali 2022 plan, loaded as the web host loads it on an empty database. Only for tests
    /// about that plan: its import, its pages and figures, its open data.</summary>
    BundledPlan,
}

/// <summary>How a test host differs from the default one.</summary>
/// <param name="Seed">What the database starts with.</param>
/// <param name="Now">Where the fake clock starts (default <see cref="TestTime.Default"/>).</param>
/// <param name="Mail">Points the host's mail at a real SMTP listener on 127.0.0.1 (<see cref="VigiaFactory.Smtp"/>).</param>
/// <param name="Settings">Configuration on top of the test defaults, e.g. the real sign-in rate limit.</param>
public sealed record VigiaFactoryOptions(
    TestSeed Seed = TestSeed.Empty,
    DateTimeOffset? Now = null,
    bool Mail = false,
    IReadOnlyDictionary<string, string>? Settings = null);

/// <summary>The whole application, as <c>Program.cs</c> builds it, for one test class: a real database of one
/// provider (a copy of a template, see <see cref="TestDatabase"/>), a fake clock, its own uploads folder with a
/// 64 KB limit, and optionally a real SMTP listener. Sign-in and forms go through <see cref="TestClient"/>; data
/// through <see cref="TestData"/>.</summary>
public class VigiaFactory(DatabaseProvider provider, VigiaFactoryOptions? options = null) : WebApplicationFactory<Program>, IAsyncLifetime
{
    /// <summary>Small, so that "too large" is cheap to test.</summary>
    public const long MaxUploadBytes = 64 * 1024;

    private readonly VigiaFactoryOptions options = options ?? new();
    private readonly string folder = Path.Combine(Path.GetTempPath(), "vigia-tests", Guid.NewGuid().ToString("N"));
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> shared = new(StringComparer.Ordinal);
    private SimpleSmtpServer? smtp;
    private bool disposed;

    public DatabaseProvider Provider => provider;

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The host's <see cref="TimeProvider"/>. It only moves when a test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new((options?.Now ?? TestTime.Default).ToUniversalTime());

    public string UploadRoot => Path.Combine(folder, "uploads");

    /// <summary>The host's audit key file (<c>Audit:KeyFile</c>), outside its database as in production.</summary>
    public string AuditKeyFile => Path.Combine(folder, "audit-key");

    /// <summary>The SMTP listener the host sends to, with <see cref="VigiaFactoryOptions.Mail"/>.</summary>
    public SimpleSmtpServer Smtp => smtp ?? throw new InvalidOperationException("This host was made without Mail = true.");

    /// <summary>A host for one test, started and ready; dispose it at the end of the test.</summary>
    public static async Task<VigiaFactory> StartAsync(DatabaseProvider provider, VigiaFactoryOptions? options = null)
    {
        var factory = new VigiaFactory(provider, options);
        await factory.InitializeAsync();
        return factory;
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateFromTemplateAsync(provider,
            options.Seed == TestSeed.BundledPlan ? TestTemplates.BundledPlan : DatabaseTemplate.Migrated);
        Database.ContextInterceptors = [new Vigia.Core.Caching.PublicDataVersionInterceptor(Clock)];
        if (options.Seed == TestSeed.BundledPlan)
        {
            Directory.CreateDirectory(folder);
            File.Copy(TestTemplates.AuditKeyFile, AuditKeyFile);
        }
        if (options.Mail)
        {
            smtp = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(0).Build();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Vigia", Database.ConnectionString);
        // An empty database stays empty: the test writes its own plan.
        builder.UseSetting("Vigia:LoadDemoPlan", (options.Seed == TestSeed.BundledPlan).ToString(CultureInfo.InvariantCulture));
        // Many sign-ins from one test "address": the rate limits have their own test with their real values.
        builder.UseSetting("Security:SignInAttemptsPerMinute", "100000");
        builder.UseSetting("Security:PublicFormPostsPerMinute", "100000");
        builder.UseSetting("Security:CommentsPerHour", "100000");
        builder.UseSetting("Api:RateLimit:AnonymousPerMinute", "100000");
        builder.UseSetting("Api:RateLimit:TokenPerMinute", "100000");
        // The test clock stands still, so a host would never read the public-data version again on its own: read it on
        // every request, so data a test arranges behind the host's back (stamped by Database's contexts) is seen at
        // once. The caching tests set their own interval.
        builder.UseSetting("Caching:VersionCheckMilliseconds", "0");
        builder.UseSetting("Uploads:Root", UploadRoot);
        builder.UseSetting("Audit:KeyFile", AuditKeyFile);
        builder.UseSetting("Uploads:MaxBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));
        if (smtp is not null)
        {
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("Smtp:FromAddress", "vigia@prueba.gov.co");
            builder.UseSetting("Smtp:MaxAttempts", "1");
        }
        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // PBKDF2 at its production cost is most of what a sign-in costs, and the suite signs in hundreds of
            // times; the algorithm and the checks are the same at a lower count.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    /// <summary>A client without a session that does not follow redirects, so a test sees each 302.</summary>
    public TestClient Anonymous() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));

    /// <summary>A new person with one role and <see cref="TestPeople.Password"/>, signed in through the form.</summary>
    /// <param name="unit">The unit of a Responsable, by name.</param>
    /// <param name="component">The component of a Líder de componente, by number.</param>
    public async Task<TestClient> SignInAsAsync(string role, string? unit = null, int? component = null, string? name = null,
        IReadOnlyCollection<int>? departments = null, int? entity = null)
    {
        var person = await TestPeople.CreateAsync(Services, role, unit, component, name: name, departments: departments, entity: entity);
        return await SignInAsync(person.Email!);
    }

    /// <summary>Signs in as the installation-wide administrator who is also Planeación (no entity: every entity's plans).</summary>
    public async Task<TestClient> SignInAsInstallationPlannerAsync()
    {
        var person = await TestPeople.CreateInstallationPlannerAsync(Services);
        return await SignInAsync(person.Email!);
    }

    /// <summary>Signs in through the form (GET for the antiforgery token, then POST); fails unless the form
    /// answers with the redirect of a successful sign-in.</summary>
    public async Task<TestClient> SignInAsync(string email, string password = TestPeople.Password)
    {
        var client = await TrySignInAsync(email, password);
        return client ?? throw new InvalidOperationException($"No se pudo ingresar como {email}.");
    }

    /// <summary>As <see cref="SignInAsync"/>, or null when the form refuses.</summary>
    public async Task<TestClient?> TrySignInAsync(string email, string password = TestPeople.Password)
    {
        var client = Anonymous();
        var response = await client.PostFormAsync("/cuenta/ingresar", new() { ["Email"] = email, ["Password"] = password });
        return response.StatusCode == HttpStatusCode.Redirect ? client : null;
    }

    /// <summary>Data the tests of a class share (they share this host and its database): made by the first test that
    /// asks for <paramref name="key"/>, the same for the others.</summary>
    public async Task<T> SharedAsync<T>(string key, Func<VigiaFactory, Task<T>> create) where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        return (T)await shared.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await create(this))).Value;
    }

    /// <summary>A scope of the host's services, for arranging and checking data as the application sees it.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public int StoredFileCount() => Directory.Exists(UploadRoot) ? Directory.GetFiles(UploadRoot, "*", SearchOption.AllDirectories).Length : 0;

    /// <summary>A received message decoded by MimeKit (netDumbster keeps SMTP dot-stuffing, undone first).</summary>
    public static MimeMessage Decode(SmtpMessage received)
    {
        ArgumentNullException.ThrowIfNull(received);
        return MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(received.Data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal))));
    }

    public override async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        await base.DisposeAsync();
        smtp?.Dispose();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>The default host on SQLite, on an empty database.</summary>
public sealed class SqliteApp() : VigiaFactory(DatabaseProvider.Sqlite);

/// <summary>The default host on PostgreSQL, on an empty database.</summary>
public sealed class PostgresApp() : VigiaFactory(DatabaseProvider.Postgres);

/// <summary>The host on SQLite with the bundled Cali 2022 plan.</summary>
public sealed class SqliteBundledPlanApp() : VigiaFactory(DatabaseProvider.Sqlite, new(TestSeed.BundledPlan));

/// <summary>The host on PostgreSQL with the bundled Cali 2022 plan.</summary>
public sealed class PostgresBundledPlanApp() : VigiaFactory(DatabaseProvider.Postgres, new(TestSeed.BundledPlan));

/// <summary>The host on SQLite on Monday 4 April 2022 (<see cref="TestTime.Monday4April2022"/>), for progress reports.</summary>
public sealed class SqliteReportingApp() : VigiaFactory(DatabaseProvider.Sqlite, new(Now: TestTime.Monday4April2022));

/// <summary>The host on PostgreSQL on Monday 4 April 2022 (<see cref="TestTime.Monday4April2022"/>), for progress reports.</summary>
public sealed class PostgresReportingApp() : VigiaFactory(DatabaseProvider.Postgres, new(Now: TestTime.Monday4April2022));

/// <summary>The host on SQLite with its mail going to <see cref="VigiaFactory.Smtp"/>.</summary>
public sealed class SqliteMailApp() : VigiaFactory(DatabaseProvider.Sqlite, new(Mail: true));

/// <summary>The host on PostgreSQL with its mail going to <see cref="VigiaFactory.Smtp"/>.</summary>
public sealed class PostgresMailApp() : VigiaFactory(DatabaseProvider.Postgres, new(Mail: true));
