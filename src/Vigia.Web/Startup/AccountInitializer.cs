using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Vigia.Web.Startup;

/// <summary>Start-up accounts: the first administrator's one-time link, printed to the console, and — only with
/// the explicit demo option — one demonstration account per role.</summary>
public static class AccountInitializer
{
    public const string DemoPassword = "demo-vigia-2026";

    public static async Task InitializeAsync(WebApplication app, bool demo)
    {
        await using var scope = app.Services.CreateAsyncScope();
        if (demo)
        {
            await CreateDemoAccountsAsync(scope.ServiceProvider, app.Logger);
        }
        var link = await scope.ServiceProvider.GetRequiredService<FirstAdministrator>()
            .EstablishAsync(app.Configuration["Vigia:FirstAdminEmail"]);
        if (link is null)
        {
            return;
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var baseUrl = app.Configuration["Vigia:PublicBaseUrl"]
                ?? app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? "http://localhost:5080";
            var text = $"""

                ================================================================
                 Primer administrador de Vigía ({link.Email})
                 Abra este enlace para definir su contraseña. Sirve una sola vez
                 y vence el {SpanishFormat.Timestamp(link.ExpiresAt)} (hora de Colombia):

                 {baseUrl.TrimEnd('/')}/cuenta/activar?token={link.Token}
                ================================================================

                """;
            Console.Out.WriteLine(text);
        });
    }

    private static async Task CreateDemoAccountsAsync(IServiceProvider services, ILogger logger)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var accounts = services.GetRequiredService<AccountService>();
        var unit = await db.Units.Where(u => u.Name == "Subdirección de Gestión Organizacional").Select(u => (int?)u.Id).FirstOrDefaultAsync()
            ?? await db.Units.OrderBy(u => u.Id).Select(u => (int?)u.Id).FirstOrDefaultAsync();
        var component = await db.Components.OrderByDescending(c => c.Plan!.Year).ThenBy(c => c.Number == 3 ? 0 : 1)
            .Select(c => (int?)c.Id).FirstOrDefaultAsync();
        (string Email, string Name, string Role)[] demo =
        [
            ("administrador@demo.vigia", "Administradora de demostración", Roles.Administrator),
            ("planeacion@demo.vigia", "Planeación (demostración)", Roles.Planning),
            ("lider@demo.vigia", "Líder de componente (demostración)", Roles.ComponentLeader),
            ("responsable@demo.vigia", "Responsable (demostración)", Roles.Responsible),
            ("control.interno@demo.vigia", "Control Interno (demostración)", Roles.InternalControl),
            ("departamento@demo.vigia", "Consulta departamental del Valle del Cauca (demostración)", Roles.DepartmentObserver),
        ];
        foreach (var (email, name, role) in demo)
        {
            if (await db.Users.AnyAsync(u => u.Email == email))
            {
                continue;
            }
            var result = await accounts.CreateAsync(new NewUser(email, name, [role],
                role == Roles.Responsible && unit is { } u ? [u] : null,
                role == Roles.ComponentLeader && component is { } c ? [c] : null,
                DemoPassword,
                role == Roles.DepartmentObserver ? [Vigia.Core.Organisation.Departments.ValleDelCauca] : null));
            if (!result.Succeeded)
            {
                logger.LogWarning("Cuenta de demostración {Email} no creada: {Errors}", email, string.Join(" ", result.Errors.Values));
            }
        }
        logger.LogWarning("MODO DEMOSTRACIÓN: cuentas de demostración activas con la contraseña {Password}. No lo use en producción.", DemoPassword);
    }
}
