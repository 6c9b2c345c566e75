using Vigia.Core.Accounts;
using Vigia.Core.FollowUps;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests.FollowUps;

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Noon in Colombia on the given day.</summary>
    public static FixedClock At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 17, 0, 0, TimeSpan.Zero));
}

/// <summary>A small PAAC 2026 whose follow-up numbers at the 30 April cut-off were computed by hand
/// (see <see cref="FollowUpServiceTests"/>): two components, eight actions, schedules before and after the cut-off,
/// and reports in every status.</summary>
public static class FollowUpFixture
{
    public static readonly Actor InternalControl = new("ci-1", "Control Interno de prueba", new HashSet<string> { Roles.InternalControl });
    public static readonly Actor Planning = new("pl-1", "Planeación de prueba", new HashSet<string> { Roles.Planning });
    public static readonly Actor Responsible = new("re-1", "Responsable de prueba", new HashSet<string> { Roles.Responsible });

    public static readonly DateOnly April = new(2026, 4, 30);

    public sealed record Seeded(int PlanId, IReadOnlyDictionary<string, int> Actions);

    public static async Task<Seeded> SeedAsync(AppDbContext db, int year = 2026)
    {
        var entity = new Entity { Name = "Alcaldía de Prueba", Slug = "alcaldia-de-prueba" };
        var unit = new Unit { Entity = entity, Name = "Secretaría de Gestión Pública", NormalizedName = "secretaria de gestion publica" };
        var plan = new Plan { Entity = entity, Year = year, Title = "Plan Anticorrupción y de Atención al Ciudadano", CreatedAt = TestTime.Written };
        plan.Versions.Add(new PlanVersion { Number = 1, Justification = "Versión inicial", CreatedAt = TestTime.Written });
        var c1 = new Component { Number = 1, Name = "GESTIÓN DEL RIESGO DE CORRUPCIÓN" };
        var c2 = new Component { Number = 2, Name = "RENDICIÓN DE CUENTAS" };
        plan.Components.AddRange([c1, c2]);
        var a1 = new Activity { Component = c1, Code = "1.1.1", Name = "Política de administración del riesgo", Order = 1 };
        var a2 = new Activity { Component = c2, Code = "2.1.1", Name = "Diálogos con la ciudadanía en las comunas", Order = 1 };
        c1.Activities.Add(a1);
        c2.Activities.Add(a2);
        var actions = new Dictionary<string, PlanAction>
        {
            ["A1"] = Action(a1, 1, "Actualizar la política de riesgos", unit, (3, 1)),
            ["A2"] = Action(a1, 2, "Socializar la política en junio", unit, (6, 1)),
            ["A3"] = Action(a1, 3, "Publicar el mapa de riesgos ajustado", unit),
            ["B1"] = Action(a2, 1, "Realizar cuatro diálogos ciudadanos con participación de niñas, niños y jóvenes", unit, (2, 2), (4, 2)),
            ["B2"] = Action(a2, 2, "Informe de gestión en lenguaje claro", unit, (4, 1)),
            ["B3"] = Action(a2, 3, "Encuesta de satisfacción", unit, (1, 1)),
            ["B4"] = Action(a2, 4, "Audiencia pública de rendición de cuentas", unit, (3, 1)),
            ["B5"] = Action(a2, 5, "Publicar las memorias de la audiencia", unit, (4, 1)),
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var b1 = actions["B1"];
        db.ProgressReports.AddRange(
            Report(b1, 2, 2, ReportStatus.Accepted, "Dos diálogos en febrero", "Soportes completos", new Evidence
            {
                Kind = EvidenceKind.File,
                FileName = "actas-febrero.pdf",
                Sha256 = new string('a', 64),
                SizeBytes = 1234,
                AddedAt = TestTime.Written,
            }),
            Report(b1, 4, 2, ReportStatus.Accepted, "Dos diálogos en abril", null),
            Report(b1, 5, 9, ReportStatus.Submitted, "Mayo: después del corte", null),
            Report(actions["B2"], 4, 0, ReportStatus.Returned, "Sin informe todavía", "Falta el acta de aprobación"));
        await db.SaveChangesAsync();
        return new Seeded(plan.Id, actions.ToDictionary(a => a.Key, a => a.Value.Id));
    }

    /// <summary>The assessments of the hand-computed fixture.</summary>
    public static async Task AssessAllAsync(FollowUpService service, Seeded seeded, DateOnly cutOff)
    {
        (string Key, AssessmentStatus Status, decimal? Percent, string? Note)[] rows =
        [
            ("A1", AssessmentStatus.Completed, 100, null),
            ("A2", AssessmentStatus.NotScheduled, null, "Programada para junio."),
            ("A3", AssessmentStatus.Completed, 100, "Publicado el 15 de marzo."),
            ("B1", AssessmentStatus.Completed, 100, null),
            ("B2", AssessmentStatus.NoProgress, 0, "No se ha elaborado el informe."),
            ("B3", AssessmentStatus.InProgress, 40, "Encuesta aplicada a una muestra parcial."),
            ("B4", AssessmentStatus.Completed, 100, null),
            ("B5", AssessmentStatus.Completed, 100, null),
        ];
        foreach (var (key, status, percent, note) in rows)
        {
            var result = await service.AssessAsync(InternalControl, seeded.PlanId, cutOff, seeded.Actions[key], new AssessmentInput(status, percent, null, note));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        }
        var noted = await service.SaveComponentNoteAsync(InternalControl, seeded.PlanId, cutOff, 2, "Dos acciones con rezago; se recomienda un plan de mejora.");
        Assert.True(noted.Succeeded);
    }

    private static PlanAction Action(Activity activity, int order, string goal, Unit unit, params (int Month, decimal Quantity)[] schedule)
    {
        var action = new PlanAction { Activity = activity, Order = order, Description = goal, Goal = goal, TargetQuantity = schedule.Sum(s => s.Quantity) };
        action.ResponsibleUnits.Add(new ActionUnit { Unit = unit });
        action.Schedule.AddRange(schedule.Select(s => new ScheduleEntry { Month = s.Month, PlannedQuantity = s.Quantity }));
        activity.Actions.Add(action);
        return action;
    }

    private static ProgressReport Report(PlanAction action, int month, decimal quantity, ReportStatus status, string narrative, string? review,
        params Evidence[] evidence)
    {
        var report = new ProgressReport
        {
            Action = action,
            Month = month,
            ExecutedQuantity = quantity,
            Status = status,
            Narrative = narrative,
            SubmittedAt = TestTime.Written,
            SubmittedByName = "Responsable",
            ReviewComment = review,
            ReviewedByName = review is null ? null : "Planeación",
        };
        report.Evidence.AddRange(evidence);
        return report;
    }
}
