using System.Globalization;
using Vigia.Core.Colombia;
using Vigia.Core.Audit;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;

namespace Vigia.Web.Tests.Pages.Consolidation;

/// <summary>A small nation of 2026 plans, read on the test clock's day (26 November 2026: January–October counted; the
/// April and August follow-ups are due, December's is not):
/// <list type="table">
/// <item>1. Alcaldía Sin Departamento (no department): 2 of 2 activities → 100 %, 2 completed.</item>
/// <item>2. Alcaldía de Buga (Valle): 1 of 1 → 100 %, 1 completed (ties with Palmira, first by name).</item>
/// <item>3. Alcaldía de Palmira (Valle): 1 of 1 → 100 %.</item>
/// <item>4. Alcaldía de Envigado (Antioquia): 2 of 3 → 66,7 % media; behind: component 2 (0 %), then 1 (100 %). April's
/// follow-up published late, August's on time.</item>
/// <item>5. Alcaldía de Cañasgordas (Valle): 1 of 2 → 50 % baja; behind: 3 (0 %), 1 (100 %). April's follow-up on time,
/// August's never published.</item>
/// <item>6. Alcaldía de Bello (Antioquia, simulated): nothing scheduled → «sin programación», last but for the fillers.</item>
/// <item>7–51. 45 «Entidad de relleno NN» (Vichada), plans without activities: so the ranking has two pages of 50.</item>
/// </list>
/// The Alcaldía en Borrador (Valle) has only a draft plan and appears nowhere. Nation: 9 activities programmed, 7
/// completed → 77,8 %; Valle del Cauca: 4 and 3 → 75 %; Antioquia: 3 and 2 → 66,7 %.</summary>
public static class ConsolidatedNation
{
    public const int Year = 2026;
    public const string Today = "2026-11-26";
    public const int Fillers = 45;

    public static readonly string[] Ranked =
    [
        "Alcaldía Sin Departamento", "Alcaldía de Buga", "Alcaldía de Palmira", "Alcaldía de Envigado", "Alcaldía de Cañasgordas",
        "Alcaldía de Bello",
    ];

    public static Task<string> EnsureAsync(VigiaFactory app) => app.SharedAsync("consolidated-nation", async a =>
    {
        var noDepartment = await PlanAsync(a, "Alcaldía Sin Departamento", p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1).Planned(2, 1))
            .WithActivity("1.1.2", "Socializar la política").WithAction(x => x.Target(1).Planned(3, 1)));
        var buga = await PlanAsync(a, "Alcaldía de Buga", p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1).Planned(2, 1)));
        var palmira = await PlanAsync(a, "Alcaldía de Palmira", p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1).Planned(5, 1)));
        var envigado = await PlanAsync(a, "Alcaldía de Envigado", p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1).Planned(2, 1))
            .WithActivity("1.1.2", "Socializar la política").WithAction(x => x.Target(1).Planned(4, 1))
            .WithComponent(2, "RACIONALIZACIÓN DE TRÁMITES")
            .WithActivity("2.1.1", "Racionalizar un trámite").WithAction(x => x.Target(1).Planned(6, 1)));
        var canasgordas = await PlanAsync(a, "Alcaldía de Cañasgordas", p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1).Planned(2, 1))
            .WithComponent(3, "RENDICIÓN DE CUENTAS")
            .WithActivity("3.1.1", "Publicar el informe").WithAction(x => x.Target(10).Planned(3, 10)));
        var bello = await PlanAsync(a, "Alcaldía de Bello", p => p
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1)));
        await TestData.CreatePlanAsync(a, p => p.ForEntity("Alcaldía en Borrador").ForYear(Year)
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política").WithAction(x => x.Target(1).Planned(2, 1)));

        await using var scope = a.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        using var reason = scope.ServiceProvider.GetRequiredService<AuditScope>().Because("Escenario de la vista consolidada");
        var now = a.Clock.GetUtcNow();
        async Task Place(string slug, int? department, bool simulated = false)
        {
            var entity = await db.Entities.SingleAsync(e => e.Slug == slug);
            entity.DepartmentId = department;
            entity.IsSimulated = simulated;
        }
        await Place(buga.EntitySlug, Departments.ValleDelCauca);
        await Place(palmira.EntitySlug, Departments.ValleDelCauca);
        await Place(canasgordas.EntitySlug, Departments.ValleDelCauca);
        await Place("alcaldia-en-borrador", Departments.ValleDelCauca);
        await Place(envigado.EntitySlug, 5);
        await Place(bello.EntitySlug, 5, simulated: true);

        void Accepted(int actionId, int month, decimal quantity) => db.ProgressReports.Add(new ProgressReport
        {
            ActionId = actionId,
            Month = month,
            ExecutedQuantity = quantity,
            Narrative = "Reporte del mes",
            Status = ReportStatus.Accepted,
            SubmittedAt = now,
        });
        Accepted(noDepartment.Action("1.1.1"), 2, 1);
        Accepted(noDepartment.Action("1.1.2"), 3, 1);
        Accepted(buga.Action("1.1.1"), 2, 1);
        Accepted(palmira.Action("1.1.1"), 5, 1);
        Accepted(envigado.Action("1.1.1"), 2, 1);
        Accepted(envigado.Action("1.1.2"), 4, 1);
        Accepted(canasgordas.Action("1.1.1"), 2, 1);
        Accepted(canasgordas.Action("3.1.1"), 3, 5);

        var cutOffs = CutOffSchedule.Paac.For(Year, FollowUpCalendar.Calendar);
        void Published(int planId, int cutOff, DateOnly on) => db.Add(new FollowUp
        {
            PlanId = planId,
            CutOffDate = cutOffs[cutOff - 1].CutOffDate,
            CutOffNumber = cutOff,
            PublicationDeadline = cutOffs[cutOff - 1].PublicationDeadline,
            Scope = FollowUpScope.Plan,
            Status = FollowUpStatus.Published,
            CreatedAt = now,
            ClosedAt = now,
            PublishedAt = now,
            PublishedOn = on,
            PublishedLate = on > cutOffs[cutOff - 1].PublicationDeadline,
        });
        Published(canasgordas.Id, 1, new DateOnly(Year, 5, 5));
        Published(envigado.Id, 1, new DateOnly(Year, 6, 30));
        Published(envigado.Id, 2, new DateOnly(Year, 9, 2));

        for (var i = 1; i <= Fillers; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"Entidad de relleno {i:00}");
            db.Plans.Add(new Plan
            {
                Entity = new Entity { Name = name, Slug = SpanishText.Slug(name), DepartmentId = 99 },
                Year = Year,
                Title = "Plan Anticorrupción y de Atención al Ciudadano",
                Status = PlanStatus.Published,
                CreatedAt = now,
                PublishedAt = now,
                Versions = [new PlanVersion { Number = 1, Justification = "Versión inicial", CreatedAt = now, Status = VersionStatus.Published, PublishedAt = now }],
            });
        }
        await db.SaveChangesAsync();
        return "ready";
    });

    private static Task<TestPlan> PlanAsync(VigiaFactory app, string entity, Action<PlanBuilder> build) =>
        TestData.CreatePlanAsync(app, p =>
        {
            p.ForEntity(entity).ForYear(Year).Published();
            build(p);
        });
}
