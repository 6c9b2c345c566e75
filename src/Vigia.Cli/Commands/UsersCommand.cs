using Microsoft.EntityFrameworkCore;
using Vigia.Core.Accounts;

namespace Vigia.Cli.Commands;

/// <summary><c>users add</c>: creates an account from the command line, with a password read from standard input or
/// a one-time activation link.</summary>
public sealed class UsersCommand(IConfiguration? configuration = null, TextReader? input = null) : ICliCommand
{
    public string Name => "users";

    public string Summary => "Crea cuentas de usuario (con contraseña por la entrada estándar o enlace de activación).";

    public string Usage => $"""
        Uso: {CliApp.ProgramName} users add --email CORREO --name NOMBRE --role ROL [--role ROL]
                 [--entity ENTIDAD] [--unit UNIDAD] [--department DEPARTAMENTO] [--password-stdin]

          --role ROL          Administrador, Planeación, Líder de componente, Responsable,
                              Control Interno, Líder de proceso o Consulta departamental
                              (se puede repetir; Control Interno y Consulta departamental
                              van solos).
          --entity ENTIDAD    Entidad de la cuenta: su nombre o su identificador en las
                              direcciones («cali»). Planeación escribe solo los planes de
                              su entidad. Sin esta opción: la entidad de sus unidades, o la
                              única de la instalación (el Administrador queda sin entidad:
                              administra toda la instalación).
          --unit UNIDAD       Unidad del Responsable: su nombre o «Unidad / Subunidad»
                              (se puede repetir).
          --department DEPTO  Departamento de la Consulta departamental: su nombre o su
                              código DANE, «Valle del Cauca» o «76» (se puede repetir).
          --password-stdin    Lee la contraseña de la entrada estándar. Sin esta opción se
                              imprime un enlace de activación de un solo uso (48 horas).

        Ejemplo:
          {CliApp.ProgramName} users add --email ana@cali.gov.co --name "Ana Gómez" \
              --role Responsable --unit "Subdirección de Gestión Organizacional"

        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] != "add")
        {
            throw new UsageException("Use «users add».");
        }
        var options = CliOptions.Parse(args.Skip(1).ToList(), new HashSet<string> { "--email", "--name", "--role", "--unit", "--department", "--entity" },
            new HashSet<string> { "--password-stdin" });
        var email = options.Value("--email") ?? throw new UsageException("Falta --email.");
        var name = options.Value("--name") ?? throw new UsageException("Falta --name.");
        var roles = options.All("--role").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(r => Roles.Parse(r) ?? throw new UsageException($"Rol desconocido: '{r}'.")).ToList();
        if (roles.Count == 0)
        {
            throw new UsageException("Falta --role.");
        }
        string? password = null;
        if (options.Has("--password-stdin"))
        {
            password = (await (input ?? Console.In).ReadLineAsync(context.CancellationToken))?.TrimEnd('\r');
            if (string.IsNullOrEmpty(password))
            {
                throw new UsageException("No se recibió una contraseña por la entrada estándar.");
            }
        }
        var config = configuration ?? CliServices.Configuration();
        await using var services = await CliServices.StartAsync(config, context.CancellationToken);
        await using var scope = CliServices.CreateAuditedScope(services, "users add");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        int? entityId = null;
        if (options.Value("--entity") is { } entityText)
        {
            var folded = SpanishText.Fold(entityText);
            var entities = await db.Entities.AsNoTracking().Select(e => new { e.Id, e.Name, e.Slug }).ToListAsync(context.CancellationToken);
            var match = entities.Where(e => SpanishText.Fold(e.Name) == folded || e.Slug == entityText.Trim()).ToList();
            if (match.Count != 1)
            {
                await context.Error.WriteLineAsync($"No existe la entidad «{entityText}».");
                return ExitCodes.Failure;
            }
            entityId = match[0].Id;
        }
        var unitIds = new List<int>();
        foreach (var unit in options.All("--unit"))
        {
            var found = await FindUnitAsync(db, unit, context.CancellationToken);
            if (found.Count != 1)
            {
                await context.Error.WriteLineAsync(found.Count == 0
                    ? $"No existe la unidad «{unit}»."
                    : $"Hay varias unidades llamadas «{unit}»; escriba «Unidad / Subunidad».");
                return ExitCodes.Failure;
            }
            unitIds.Add(found[0]);
        }
        var departmentIds = new List<int>();
        var departments = await db.Departments.AsNoTracking().ToListAsync(context.CancellationToken);
        foreach (var text in options.All("--department"))
        {
            var folded = SpanishText.Fold(text);
            var found = departments.FirstOrDefault(d => d.Code == text.Trim().PadLeft(2, '0') || SpanishText.Fold(d.Name) == folded || d.Slug == folded);
            if (found is null)
            {
                await context.Error.WriteLineAsync($"No existe el departamento «{text}».");
                return ExitCodes.Failure;
            }
            departmentIds.Add(found.Id);
        }
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewUser(email, name, roles, unitIds, null, password, departmentIds, entityId), context.CancellationToken);
        if (!result.Succeeded)
        {
            foreach (var message in result.Errors.Values)
            {
                await context.Error.WriteLineAsync(message);
            }
            return ExitCodes.Failure;
        }
        await context.Out.WriteLineAsync($"Cuenta creada: {result.Value.User.Email} ({string.Join(", ", roles.Select(Roles.DisplayName))}).");
        if (result.Value.ActivationToken is { } token)
        {
            var baseUrl = (config["Vigia:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/');
            await context.Out.WriteLineAsync("Enlace de activación (un solo uso, vence en 48 horas):");
            await context.Out.WriteLineAsync($"{baseUrl}/cuenta/activar?token={token}");
        }
        return ExitCodes.Success;
    }

    private static async Task<List<int>> FindUnitAsync(AppDbContext db, string text, CancellationToken ct)
    {
        var path = text.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(SpanishText.Fold).ToList();
        var units = await db.Units.Where(u => u.IsActive).Select(u => new { u.Id, u.ParentId, u.NormalizedName }).ToListAsync(ct);
        var byId = units.ToDictionary(u => u.Id);
        return units.Where(u =>
        {
            var current = u;
            for (var i = path.Count - 1; i >= 0; i--)
            {
                if (current is null || current.NormalizedName != path[i])
                {
                    return false;
                }
                current = current.ParentId is { } p ? byId.GetValueOrDefault(p) : null;
            }
            return true;
        }).Select(u => u.Id).ToList();
    }
}
