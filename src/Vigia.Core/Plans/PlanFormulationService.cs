using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Schedule;

namespace Vigia.Core.Plans;

/// <summary>The fields formulation errors are keyed by.</summary>
public static class FormulationFields
{
    public const string Year = "Year";
    public const string Template = "Template";
    public const string Source = "SourcePlanId";
}

/// <summary>Starts a year's plan as a new draft (version 1, Borrador): from a template's components and subcomponents,
/// or as a copy of an earlier plan of the same entity (structure, texts, units, targets and schedule, never its
/// reports, monitoring or follow-ups, which belong to the year they were made in).</summary>
public sealed class PlanFormulationService(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    /// <summary>Decreto 2641 de 2012 made the first yearly plans; nothing earlier is a PAAC.</summary>
    public const int FirstYear = 2012;

    public async Task<Result<int>> CreateFromTemplateAsync(int entityId, int? year, string? templateCode, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var template = PlanTemplates.Find(templateCode);
        var refusal = await CheckAsync(entityId, year, template?.Kind ?? PlanKind.Paac, actor, ct);
        if (template is null)
        {
            return refusal ?? Result.Invalid(FormulationFields.Template, "Elija una plantilla.");
        }
        if (refusal is not null)
        {
            return refusal;
        }
        var plan = NewPlan(entityId, year!.Value, template.Kind, template.Title, actor,
            $"Versión inicial formulada con la plantilla «{template.Name}»");
        var number = 0;
        foreach (var c in template.Components)
        {
            var component = new Component { Number = ++number, Name = c.Name };
            var order = 0;
            foreach (var name in c.Subcomponents)
            {
                order++;
                component.Subcomponents.Add(new Subcomponent { Code = Code(number, order), Name = name, Order = order });
            }
            plan.Components.Add(component);
        }
        return await SaveAsync(plan, actor, ct);
    }

    /// <summary>Copies <paramref name="sourcePlanId"/> (its live structure: the version the public sees) into a new
    /// draft for <paramref name="year"/>. The copy's actions are new actions: nothing that was reported on the source
    /// moves with them.</summary>
    public async Task<Result<int>> CopyAsync(int sourcePlanId, int? year, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var source = await db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Components).ThenInclude(c => c.Subcomponents)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions).ThenInclude(x => x.ResponsibleUnits)
            .Include(p => p.Components).ThenInclude(c => c.Activities).ThenInclude(a => a.Actions).ThenInclude(x => x.Schedule)
            .SingleOrDefaultAsync(p => p.Id == sourcePlanId, ct);
        if (source is null)
        {
            return Result.Invalid(FormulationFields.Source, "Elija el plan que desea copiar.");
        }
        if (await CheckAsync(source.EntityId, year, source.Kind, actor, ct) is { } refusal)
        {
            return refusal;
        }
        var plan = NewPlan(source.EntityId, year!.Value, source.Kind, source.Title, actor,
            string.Create(CultureInfo.InvariantCulture, $"Versión inicial formulada a partir del plan {source.Year}"));
        plan.DocumentCode = source.DocumentCode;
        plan.Objective = source.Objective;
        plan.Scope = source.Scope;
        plan.ResponsiblePerson = source.ResponsiblePerson;
        plan.CoordinatingUnit = source.CoordinatingUnit;
        plan.ParticipatingUnits = source.ParticipatingUnits;
        foreach (var c in source.Components.OrderBy(c => c.Number))
        {
            var component = new Component { Number = c.Number, Name = c.Name };
            var subcomponents = c.Subcomponents.OrderBy(s => s.Order)
                .ToDictionary(s => s.Id, s => new Subcomponent { Code = s.Code, Name = s.Name, Order = s.Order });
            component.Subcomponents.AddRange(subcomponents.Values);
            foreach (var a in c.Activities.OrderBy(a => a.Order))
            {
                var activity = new Activity
                {
                    Code = a.Code,
                    Name = a.Name,
                    Order = a.Order,
                    Subcomponent = a.SubcomponentId is { } sid ? subcomponents[sid] : null,
                };
                activity.Actions.AddRange(a.Actions.OrderBy(x => x.Order).Select(x => new PlanAction
                {
                    Order = x.Order,
                    Description = x.Description,
                    Goal = x.Goal,
                    Deliverable = x.Deliverable,
                    IndicatorFormula = x.IndicatorFormula,
                    TargetQuantity = x.TargetQuantity,
                    TargetUnit = x.TargetUnit,
                    ResponsibleText = x.ResponsibleText,
                    Weight = x.Weight,
                    ResponsibleUnits = x.ResponsibleUnits.Select(u => new ActionUnit { UnitId = u.UnitId }).ToList(),
                    Schedule = x.Schedule.OrderBy(s => s.Month)
                        .Select(s => new ScheduleEntry { Month = s.Month, PlannedQuantity = s.PlannedQuantity }).ToList(),
                }));
                component.Activities.Add(activity);
            }
            plan.Components.Add(component);
        }
        return await SaveAsync(plan, actor, ct);
    }

    public static string Code(params int[] segments) => string.Join('.', segments.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    private async Task<Failure?> CheckAsync(int entityId, int? year, PlanKind kind, Actor actor, CancellationToken ct)
    {
        if (!actor.IsIn(Roles.Planning))
        {
            return Result.Forbidden("Solo Planeación formula el plan.");
        }
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == entityId).Select(e => new { e.Name }).SingleOrDefaultAsync(ct);
        if (entity is null)
        {
            return Result.NotFound("La entidad no existe.");
        }
        if (!await PlanEditors.MayEditAsync(db, actor, entityId, ct))
        {
            return Result.Forbidden($"Su cuenta no pertenece a {entity.Name}: no puede formular su plan.");
        }
        var latest = ColombianTime.Today(clock).Year + 1;
        if (year is not { } y || y < FirstYear || y > latest)
        {
            return Result.Invalid(FormulationFields.Year,
                string.Create(SpanishFormat.Culture, $"Indique una vigencia entre {FirstYear} y {latest}."));
        }
        if (await db.Plans.AnyAsync(p => p.EntityId == entityId && p.Year == y && p.Kind == kind, ct))
        {
            return Result.Invalid(FormulationFields.Year,
                string.Create(SpanishFormat.Culture, $"{entity.Name} ya tiene un plan para la vigencia {y}; modifíquelo en lugar de crear otro."));
        }
        return null;
    }

    private Plan NewPlan(int entityId, int year, PlanKind kind, string title, Actor actor, string justification)
    {
        var now = clock.GetUtcNow();
        var plan = new Plan { EntityId = entityId, Kind = kind, Year = year, Title = title, CreatedAt = now };
        plan.Versions.Add(new PlanVersion
        {
            Number = 1,
            Status = VersionStatus.Draft,
            Justification = justification,
            CreatedAt = now,
            CreatedBy = actor.Name,
        });
        return plan;
    }

    private async Task<Result<int>> SaveAsync(Plan plan, Actor actor, CancellationToken ct)
    {
        db.Plans.Add(plan);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), plan.Versions[0].Justification))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(plan.Id);
    }
}
