namespace Vigia.Web.Tests.Pages;

/// <summary>Every role and the public against every protected page and endpoint, with the expected answer: the
/// folder conventions of Program.cs and the checks on the data, seen from outside.</summary>
public abstract class AuthorizationMatrixTests(VigiaFactory app)
{
    internal const string Anonymous = "Público";

    internal enum Outcome
    {
        Ok,
        Login,
        Denied,
        NotFound,
    }

    internal static readonly string[] People = [Anonymous, Roles.Administrator, Roles.Planning, Roles.ComponentLeader, Roles.Responsible, Roles.InternalControl,
        Roles.DepartmentObserver, Roles.ProcessLeader];

    [Fact]
    public async Task EveryRoleAgainstEveryPage_GetsTheExpectedAnswer()
    {
        var plan = await TestData.SmallPlanAsync(app);
        var (ownAction, component3Action) = (plan.Action("1.1.1"), plan.Action("3.1.4"));
        var adminId = (await TestPeople.CreateAsync(app.Services, Roles.Administrator)).Id;
        int activity;
        int entityId;
        await using (var scope = app.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.False(await db.ActionUnits.AnyAsync(x => x.ActionId == component3Action && x.Unit!.Name == TestData.Organisation));
            activity = await db.Actions.Where(x => x.Id == ownAction).Select(x => x.ActivityId).SingleAsync();
            entityId = await db.Plans.Where(p => p.Id == plan.Id).Select(p => p.EntityId).SingleAsync();
        }
        var rows = new List<(string Url, Outcome[] Expected)>
        {
            ("/", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/planes/2022/actividad/3.1.4", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/2022/acciones.csv", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/seguimientos/2022/consolidado", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/seguimientos/2022/consolidado.xlsx", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/2022/seguimientos-consolidado.csv", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/api/plans/2022", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/catalogo", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/catalogo.ttl", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/conjuntos/acciones", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/2022/acciones.xlsx", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/gestion", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ($"/gestion/acciones/{ownAction}", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.NotFound]),
            ($"/gestion/acciones/{component3Action}", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Denied, Outcome.NotFound]),
            ($"/historial/accion/{ownAction}", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.NotFound]),
            ($"/historial/usuario/{adminId}", [Outcome.Login, Outcome.Ok, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Denied, Outcome.NotFound]),
            ("/cuenta/contrasena", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/cuenta/tokens", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/api/v1/plans/2022", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/gestion/planes/nuevo", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/gestion/planes/importar", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/gestion/planes/2022/borrador", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/gestion/planes/2022/revision", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ($"/gestion/planes/2022/borrador/actividades/{activity}/acciones", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/mapa-riesgos/2026/versiones", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/mapa-riesgos/2026/riesgo/RC-99", [Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound]),
            ("/datos/2026/riesgos-monitoreo.csv", [Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound]),
            ("/datos/2026/riesgos-materializaciones.json", [Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound]),
            ("/mapa-riesgos/gestion", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ("/mapa-riesgos/gestion/riesgo/999999/controles", [Outcome.Login, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Denied, Outcome.NotFound]),
            ("/mapa-riesgos/gestion/riesgo/999999/revalorar", [Outcome.Login, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Denied, Outcome.NotFound]),
            ("/mapa-riesgos/gestion/publicacion", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ("/mapa-riesgos/gestion/importar", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ("/mapa-riesgos/gestion/monitoreo", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ("/mapa-riesgos/gestion/monitoreo/revision", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ("/mapa-riesgos/gestion/periodos-monitoreo", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Denied, Outcome.Ok]),
            ("/mapa-riesgos/gestion/control/999999/monitoreo", [Outcome.Login, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Denied, Outcome.NotFound]),
            ("/mapa-riesgos/gestion/riesgo/999999/materializaciones", [Outcome.Login, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Denied, Outcome.NotFound]),
            ("/mapa-riesgos/gestion/soportes/999999", [Outcome.Login, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.Denied, Outcome.NotFound]),
            ("/gestion/grupos", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/gestion/grupos/accion/999999", [Outcome.Login, Outcome.Denied, Outcome.NotFound, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/planes/2022/consulta", [Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound]),
            ("/gestion/planes/2022/consulta", [Outcome.Login, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
            ("/seguimientos/gestion", [Outcome.Login, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Ok, Outcome.Denied, Outcome.Denied]),
            ("/departamento", [Outcome.Login, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Ok, Outcome.Denied]),
            // The observer is of Valle del Cauca; the small plan's entity has no department, so its plan is not theirs.
            ($"/departamento/planes/{plan.Id}/reportes", [Outcome.Login, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.NotFound, Outcome.Denied]),
            ($"/departamento/planes/{plan.Id}/seguimientos", [Outcome.Login, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.NotFound, Outcome.Denied]),
            ("/departamento/evidencias/999999", [Outcome.Login, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.NotFound, Outcome.Denied]),
            ("/gestion/planes/2022/consulta/comentarios/1", [Outcome.Login, Outcome.Denied, Outcome.NotFound, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]),
        };
        foreach (var admin in new[] { "/admin", "/admin/usuarios", "/admin/usuarios/nueva", $"/admin/usuarios/{adminId}", "/admin/usuarios/tokens", "/admin/unidades", "/admin/procesos", "/admin/auditoria",
            "/admin/entidades", $"/admin/entidades/{entityId}" })
        {
            rows.Add((admin, [Outcome.Login, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]));
        }

        var failures = new List<string>();
        for (var i = 0; i < People.Length; i++)
        {
            var client = await ClientAsync(app, People[i]);
            foreach (var (url, expected) in rows)
            {
                var actual = Classify(await client.GetAsync(url));
                if (actual != expected[i])
                {
                    failures.Add($"{People[i]} GET {url}: expected {expected[i]}, got {actual}");
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>A client for one column of the matrix: the Responsable of the Subdirección de Gestión Organizacional
    /// (action 1.1.1 only), the Líder of component 3, or a person with only the role (Consulta departamental: of Valle del Cauca;
    /// Líder de proceso: leading no process yet, so every risk is someone else's).</summary>
    internal static async Task<TestClient> ClientAsync(VigiaFactory app, string person) => person switch
    {
        Anonymous => app.Anonymous(),
        Roles.Responsible => await app.SignInAsAsync(person, unit: TestData.Organisation),
        Roles.ComponentLeader => await app.SignInAsAsync(person, component: 3),
        _ => await app.SignInAsAsync(person),
    };

    internal static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.OK => Outcome.Ok,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.Redirect when location.Contains("/cuenta/ingresar", StringComparison.Ordinal) => Outcome.Login,
            HttpStatusCode.Redirect when location.Contains("/cuenta/acceso-denegado", StringComparison.Ordinal) => Outcome.Denied,
            _ => throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode} {location}"),
        };
    }
}

[Collection(SharedHosts.SqliteSmallPlan)]
public sealed class SqliteAuthorizationMatrixTests(SqliteApp app) : AuthorizationMatrixTests(app);

[Collection(SharedHosts.PostgresSmallPlan)]
public sealed class PostgresAuthorizationMatrixTests(PostgresApp app) : AuthorizationMatrixTests(app);
