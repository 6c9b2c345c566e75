using Vigia.Web.Tests.Infrastructure;

namespace Vigia.Web.Tests.Accounts;

/// <summary>Every role and the public against every protected page and endpoint, with the expected answer.</summary>
public abstract class AuthorizationMatrixTests(VigiaFactory factory)
{
    private const string Unit = "Subdirección de Gestión Organizacional";
    private const string Anonymous = "Público";

    private enum Outcome
    {
        Ok,
        Login,
        Denied,
        NotFound,
    }

    private static readonly string[] People = [Anonymous, Roles.Administrator, Roles.Planning, Roles.ComponentLeader, Roles.Responsible, Roles.InternalControl];

    [Fact]
    public async Task EveryRoleAgainstEveryPage_GetsTheExpectedAnswer()
    {
        var (ownAction, component3Action, adminId) = await KeysAsync();
        var rows = new List<(string Url, Outcome[] Expected)>
        {
            ("/", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/planes/2022/actividad/3.1.4", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/datos/2022/acciones.csv", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/api/plans/2022", [Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ("/gestion", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
            ($"/gestion/acciones/{ownAction}", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Ok]),
            ($"/gestion/acciones/{component3Action}", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok]),
            ($"/historial/accion/{ownAction}", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.NotFound, Outcome.Ok, Outcome.Ok]),
            ($"/historial/usuario/{adminId}", [Outcome.Login, Outcome.Ok, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound, Outcome.NotFound]),
            ("/cuenta/contrasena", [Outcome.Login, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok, Outcome.Ok]),
        };
        foreach (var admin in new[] { "/admin", "/admin/usuarios", "/admin/usuarios/nueva", $"/admin/usuarios/{adminId}", "/admin/unidades", "/admin/procesos", "/admin/auditoria" })
        {
            rows.Add((admin, [Outcome.Login, Outcome.Ok, Outcome.Denied, Outcome.Denied, Outcome.Denied, Outcome.Denied]));
        }

        var failures = new List<string>();
        for (var i = 0; i < People.Length; i++)
        {
            var client = await ClientAsync(People[i]);
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

    [Fact]
    public async Task EveryRoleButAdministrator_CannotCreateAccountsByRequest()
    {
        var failures = new List<string>();
        foreach (var person in People)
        {
            var client = await ClientAsync(person);
            var tokenPage = person == Anonymous ? "/cuenta/ingresar" : "/cuenta/contrasena";
            var response = await TestAccounts.PostFormAsync(client, "/admin/usuarios/nueva", new()
            {
                ["Email"] = $"intruso-{Guid.NewGuid():N}@prueba.gov.co",
                ["DisplayName"] = "Intruso",
                ["SelectedRoles"] = Roles.Administrator,
            }, tokenPage);
            var expected = person switch
            {
                Anonymous => Outcome.Login,
                Roles.Administrator => Outcome.Ok,
                _ => Outcome.Denied,
            };
            var actual = person == Roles.Administrator && response.StatusCode == HttpStatusCode.Redirect ? Outcome.Ok : Classify(response);
            if (actual != expected)
            {
                failures.Add($"{person} POST /admin/usuarios/nueva: expected {expected}, got {actual} ({(int)response.StatusCode})");
            }
        }

        Assert.Empty(failures);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.DisplayName == "Intruso"));
    }

    private async Task<HttpClient> ClientAsync(string person) => person switch
    {
        Anonymous => TestAccounts.Anonymous(factory),
        Roles.Responsible => await TestAccounts.SignedInAsync(factory, person, unitName: Unit),
        Roles.ComponentLeader => await TestAccounts.SignedInAsync(factory, person, componentNumber: 3),
        _ => await TestAccounts.SignedInAsync(factory, person),
    };

    private static Outcome Classify(HttpResponseMessage response)
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

    private async Task<(int OwnAction, int Component3Action, string AdminId)> KeysAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var own = await db.Actions.Where(a => a.Activity!.Code == "1.1.1").Select(a => a.Id).FirstAsync();
        var other = await db.Actions.Where(a => a.Activity!.Code == "3.1.4").Select(a => a.Id).FirstAsync();
        Assert.False(await db.ActionUnits.AnyAsync(x => x.ActionId == other && x.Unit!.Name == Unit));
        var admin = await TestAccounts.CreateAsync(factory, Roles.Administrator);
        return (own, other, admin.Id);
    }
}

[Collection("sqlite")]
public class SqliteAuthorizationMatrixTests(SqliteVigiaFactory factory) : AuthorizationMatrixTests(factory), IClassFixture<SqliteVigiaFactory>;

[Collection("postgres")]
public class PostgresAuthorizationMatrixTests(PostgresVigiaFactory factory) : AuthorizationMatrixTests(factory), IClassFixture<PostgresVigiaFactory>;
