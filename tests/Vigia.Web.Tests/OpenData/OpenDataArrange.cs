using Vigia.Core.Audit;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Tests.OpenData;

/// <summary>Something published in every dataset of the registry: the small 2022 plan, published and of an entity of Valle
/// del Cauca (so the nation's and the department's consolidated files have a row), its April follow-up published
/// (consolidated too), the entity's contact e-mail, a 2026 risk map published with a monitoring and a materialization, and one audit checkpoint.</summary>
internal static class OpenDataArrange
{
    public const string Entity = "alcaldia-de-prueba";

    public static Task<string> EverythingAsync(VigiaFactory app) => app.SharedAsync("open-data-everything", async a =>
    {
        await TestData.SmallPlanAsync(a);
        await using var scope = a.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var planId = await db.Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
        var actions = await db.Actions.Where(x => x.Activity!.Component!.PlanId == planId).Select(x => x.Id).ToListAsync();
        using (scope.ServiceProvider.GetRequiredService<AuditScope>().Because("Escenario de datos abiertos: plan publicado, de Valle del Cauca"))
        {
            var plan = await db.Plans.Include(p => p.Versions).Include(p => p.Entity).SingleAsync(p => p.Id == planId);
            plan.Status = Vigia.Core.Plans.PlanStatus.Published;
            plan.PublishedAt = a.Clock.GetUtcNow();
            plan.Versions.Single().Status = Vigia.Core.Plans.VersionStatus.Published;
            plan.Versions.Single().PublishedAt = a.Clock.GetUtcNow();
            plan.Entity!.DepartmentId = Departments.ValleDelCauca;
            // A contact address, as every real entity has: the catalogue's contact points carry it as a mailto: IRI.
            plan.Entity.Email = "contactenos@prueba.gov.co";
            await db.SaveChangesAsync();
        }
        var followUps = scope.ServiceProvider.GetRequiredService<FollowUpService>();
        var lifecycle = scope.ServiceProvider.GetRequiredService<FollowUpLifecycle>();
        var control = new Actor("ci-open-data", "Control Interno", new HashSet<string> { Roles.InternalControl });
        var cutOff = new DateOnly(2022, 4, 30);
        foreach (var id in actions)
        {
            Assert.True((await followUps.AssessAsync(control, planId, cutOff, id, new AssessmentInput(AssessmentStatus.Completed, 100, null, "=SUMA(A1)"))).Succeeded);
        }
        Assert.True((await lifecycle.CloseAsync(control, planId, cutOff)).Succeeded);
        Assert.True((await lifecycle.PublishAsync(control, planId, cutOff)).Succeeded);

        var planning = new Actor(null, "Planeación", new HashSet<string> { Roles.Planning });
        var process = new Process { EntityId = await db.Entities.Select(e => e.Id).FirstAsync(), Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.Processes.Add(process);
        await db.SaveChangesAsync();
        var risks = scope.ServiceProvider.GetRequiredService<RiskMapService>();
        var risk = await risks.SaveRiskAsync(planning, null, new RiskDraft(process.Id, 2026, "RC-01", "Posibilidad de favorecer a un tercero",
            "Fraude interno", true, true, true, true, "Presión de terceros", "Criterios ambiguos", "Pérdida de recursos", 20, [1, 2, 3], "reducir"));
        Assert.True(risk.Succeeded);
        Assert.True((await risks.SaveControlAsync(planning, risk.Value.Id, null, new ControlDraft("Verificación de requisitos con lista de chequeo",
            "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro"))).Succeeded);
        var published = await scope.ServiceProvider.GetRequiredService<RiskMapPublicationService>().PublishAsync(process.EntityId, 2026,
            new RiskMapApproval("Comité Institucional de Coordinación de Control Interno", new DateOnly(2026, 1, 20)), planning);
        Assert.True(published.Succeeded, string.Join(" ", published.Errors.Values));
        // The map's monitoring and a materialization, for the riesgos-monitoreo and riesgos-materializaciones datasets.
        await Pages.RiskMap.PublicTrackingData.TrackAsync(scope.ServiceProvider, risk.Value.Id);

        // The citizen consultation held on the draft before it was published, closed with its report (the consulta dataset):
        // one answered comment that changed the plan, one hidden for personal data.
        var consultation = new Vigia.Core.Consultation.PlanConsultation
        {
            PlanId = planId,
            VersionNumber = 1,
            OpensOn = new DateOnly(2022, 1, 10),
            ClosesOn = new DateOnly(2022, 1, 24),
            Status = Vigia.Core.Consultation.ConsultationStatus.Closed,
            OpenedAt = a.Clock.GetUtcNow(),
            OpenedBy = "Planeación",
            ClosedAt = a.Clock.GetUtcNow(),
            ClosedOn = new DateOnly(2022, 1, 24),
            ClosedBy = "Planeación",
        };
        consultation.Comments.Add(new Vigia.Core.Consultation.ConsultationComment
        {
            Number = 1,
            Target = Vigia.Core.Consultation.CommentTarget.Plan,
            TargetLabel = "El plan en su conjunto",
            Text = "=HIPERVINCULO(\"x\") Publiquen el avance cada mes.",
            AuthorName = "Ana Ruiz",
            Email = "ana@example.co",
            PublishName = true,
            ReceivedAt = a.Clock.GetUtcNow(),
            Answer = "Se acoge: el avance se publica cada mes.",
            AnsweredAt = a.Clock.GetUtcNow(),
            AnsweredBy = "Planeación",
            ChangesPlan = true,
        });
        consultation.Comments.Add(new Vigia.Core.Consultation.ConsultationComment
        {
            Number = 2,
            Target = Vigia.Core.Consultation.CommentTarget.Plan,
            TargetLabel = "El plan en su conjunto",
            Text = "Mi vecino Pedro, cédula 123, roba.",
            ReceivedAt = a.Clock.GetUtcNow(),
            HiddenReason = "Contiene datos personales de un tercero.",
            HiddenAt = a.Clock.GetUtcNow(),
        });
        using (scope.ServiceProvider.GetRequiredService<AuditScope>().Because("Escenario de datos abiertos: consulta ciudadana cerrada"))
        {
            db.PlanConsultations.Add(consultation);
            await db.SaveChangesAsync();
        }

        // A schedule and an accepted report, for «programacion» and «avance-mensual», arranged after the follow-up was frozen.
        using (scope.ServiceProvider.GetRequiredService<AuditScope>().Because("Escenario de datos abiertos: programación y un reporte aceptado"))
        {
            db.ScheduleEntries.AddRange(
                new Vigia.Core.Schedule.ScheduleEntry { ActionId = actions[0], Month = 3, PlannedQuantity = 1 },
                new Vigia.Core.Schedule.ScheduleEntry { ActionId = actions[1], Month = 6, PlannedQuantity = 2500 },
                new Vigia.Core.Schedule.ScheduleEntry { ActionId = actions[1], Month = 12, PlannedQuantity = 2500.5m });
            db.ProgressReports.Add(new Vigia.Core.Progress.ProgressReport
            {
                ActionId = actions[1],
                Month = 6,
                ExecutedQuantity = 1200,
                Narrative = "Publicaciones de junio",
                Status = Vigia.Core.Progress.ReportStatus.Accepted,
                SubmittedAt = a.Clock.GetUtcNow(),
                ReviewedAt = a.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
        }

        // A checkpoint of a day long gone, so the host's own daily job never writes the same day.
        db.PublishedCheckpoints.Add(new PublishedCheckpoint { Day = new DateOnly(2020, 1, 31), Sequence = 1, Hash = new string('a', 64), PublishedAt = a.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
        return Entity;
    });
}
