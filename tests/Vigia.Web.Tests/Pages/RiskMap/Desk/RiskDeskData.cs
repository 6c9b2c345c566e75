using Vigia.Core.Organisation;

namespace Vigia.Web.Tests.Pages.RiskMap.Desk;

/// <summary>A process with its leader (a Líder de proceso signed in through the real form) and a second process
/// led by nobody, on the small plan's entity.</summary>
internal static class RiskDeskData
{
    public static async Task<(int Own, int Other, TestClient Leader)> ProcessesAsync(VigiaFactory app)
    {
        await TestData.SmallPlanAsync(app);
        var email = $"lider-{Guid.NewGuid():N}@prueba.gov.co";
        var user = await TestPeople.CreateAsync(app.Services, Roles.ProcessLeader, email: email, name: "Lina Líder");
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var entity = await db.Entities.Select(e => e.Id).FirstAsync();
        var own = new Process { EntityId = entity, Name = $"Gestión de la Contratación {Guid.NewGuid():N}", Kind = ProcessKind.Support };
        var other = new Process { EntityId = entity, Name = $"Gestión Financiera {Guid.NewGuid():N}", Kind = ProcessKind.Support };
        db.AddRange(own, other);
        own.Leaders.Add(new ProcessLeader { UserId = user.Id, Process = own });
        await db.SaveChangesAsync();
        return (own.Id, other.Id, await app.SignInAsync(email));
    }

    public static Dictionary<string, string> RiskForm(string code, int frequency, params int[] yes)
    {
        var form = new Dictionary<string, string>
        {
            ["Code"] = code,
            ["Description"] = "Posibilidad de recibir dádivas para favorecer a un proponente en la evaluación de ofertas",
            ["Classification"] = "Fraude interno",
            ["ActionOrOmission"] = "true",
            ["UseOfPower"] = "true",
            ["DeviationFromPublicInterest"] = "true",
            ["PrivateBenefit"] = "true",
            ["ImmediateCause"] = "Presión de terceros sobre el comité evaluador",
            ["RootCause"] = "Criterios de evaluación ambiguos",
            ["Consequences"] = "Pérdida de recursos públicos",
            ["ActivityFrequency"] = frequency.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Treatment"] = "reducir",
        };
        for (var i = 0; i < yes.Length; i++)
        {
            form[$"YesAnswers[{i}]"] = yes[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return form;
    }

    public static async Task<int> RiskIdAsync(VigiaFactory app, int processId, string code)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Risks.Where(r => r.ProcessId == processId && r.Code == code).Select(r => r.Id).SingleAsync();
    }
}
