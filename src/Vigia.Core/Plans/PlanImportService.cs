using Vigia.Core.Accounts;
using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Schedule;

namespace Vigia.Core.Plans;

public sealed record PlanImportOptions(
    int? Year = null,
    string? EntityName = null,
    PlanKind Kind = PlanKind.Paac,
    string? SourceFileName = null,
    string? SourceSha256 = null,
    string Justification = "Versión inicial importada del documento del plan",
    PublicationApproval? Published = null);

/// <summary>The account of an import: the stored plan's id, vigencia and entity when it was stored, and every note
/// of the reading and of the import, in order. A refused import returns it too, with what was known, so the notes
/// (warnings and inferences included, not only what stopped it) are printed either way.</summary>
public sealed record PlanImport(int? PlanId, int? Year, string? EntitySlug, IReadOnlyList<ImportNote> Notes)
{
    /// <summary>The entity's name as the import records it (the document's, or the one given); null when unknown.</summary>
    public string? EntityName { get; init; }

    /// <summary>The entity already has a plan of this kind for the year: the document is refused and the change
    /// belongs to a new version of that plan.</summary>
    public bool PlanExists { get; init; }
}

/// <summary>How big a read document is: what the import report counts before anything is stored.</summary>
public sealed record PlanDocumentCounts(int Components, int Subcomponents, int Activities, int Actions)
{
    public static PlanDocumentCounts Of(ParsedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var activities = plan.Components.SelectMany(c => c.Activities.Concat(c.Subcomponents.SelectMany(s => s.Activities))).ToList();
        return new PlanDocumentCounts(plan.Components.Count, plan.Components.Sum(c => c.Subcomponents.Count), activities.Count,
            activities.Sum(a => a.Actions.Count));
    }
}

/// <summary>The fields an import's errors are keyed by: the document line (<c>""</c> for the document as a whole,
/// the notes' line 0).</summary>
public static class ImportFields
{
    public static string Line(int line) => line == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"linea-{line}");
}

/// <summary>Stores a read document as a plan with its first version, its units and its import report,
/// in one <c>SaveChangesAsync</c>: a document that cannot be stored changes nothing.</summary>
public sealed class PlanImportService(AppDbContext db, TimeProvider clock)
{
    public async Task<Result<PlanImport>> ImportAsync(ImportResult read, PlanImportOptions options, string actor, CancellationToken ct = default)
    {
        var (plan, refusal) = await BuildAsync(read, options, actor, null, ct);
        if (plan is null)
        {
            return refusal!;
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Result.Saved(Account(plan, plan.Versions[0].ImportNotes));
    }

    /// <summary>The web's import: the same checks, and the person must be Planeación and may write the plans of the
    /// document's entity (<see cref="PlanEditors"/>); otherwise nothing is stored.</summary>
    public async Task<Result<PlanImport>> ImportAsync(ImportResult read, PlanImportOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!PlanLifecycleService.CanManage(actor))
        {
            return Result.Forbidden("Solo Planeación importa el plan.");
        }
        var (plan, refusal) = await BuildAsync(read, options, actor.Name, actor, ct);
        if (plan is null)
        {
            return refusal!;
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        return Result.Saved(Account(plan, plan.Versions[0].ImportNotes));
    }

    /// <summary>Every check of the import and its whole report, storing nothing: what Planeación reads before
    /// confirming. A document that passes answers <see cref="ResultStatus.Saved"/> (it would be stored) although nothing
    /// is: units and groups the import would create only appear in the notes.</summary>
    public async Task<Result<PlanImport>> PreviewAsync(ImportResult read, PlanImportOptions options, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!PlanLifecycleService.CanManage(actor))
        {
            return Result.Forbidden("Solo Planeación importa el plan.");
        }
        try
        {
            var (plan, refusal) = await BuildAsync(read, options, actor.Name, actor, ct);
            return plan is null ? refusal! : Result.Saved(Account(plan, plan.Versions[0].ImportNotes));
        }
        finally
        {
            // Nothing of the preview may be saved by a later SaveChanges in the same scope.
            db.ChangeTracker.Clear();
        }
    }

    private static PlanImport Account(Plan plan, IEnumerable<ImportNoteRecord> notes) =>
        new(plan.Id == 0 ? null : plan.Id, plan.Year, plan.Entity!.Slug, notes.Select(n => new ImportNote(n.Line, n.Kind, n.Message)).ToList())
        {
            EntityName = plan.Entity.Name,
        };

    /// <summary>Reads the document into a plan ready to add, or the refusal with the whole report.</summary>
    private async Task<(Plan? Plan, Result<PlanImport>? Refusal)> BuildAsync(ImportResult read, PlanImportOptions options, string actor,
        Actor? editor, CancellationToken ct)
    {
        var notes = read.Notes.ToList();
        if (!read.Succeeded || read.Plan is null)
        {
            return (null, Refused(new PlanImport(null, null, null, notes)));
        }
        var parsed = read.Plan;
        var year = ResolveYear(parsed, options, notes);
        var entityName = options.EntityName ?? parsed.EntityName;
        if (year is null || string.IsNullOrWhiteSpace(entityName))
        {
            notes.Add(new ImportNote(0, ImportNoteKind.Error, year is null
                ? "El documento no indica la VIGENCIA; indíquela con --year."
                : "El documento no indica la entidad; indíquela con --entity."));
            return (null, Refused(new PlanImport(null, year, null, notes) { EntityName = entityName }));
        }

        var entity = await FindOrCreateEntityAsync(entityName.Trim(), ct);
        if (editor is not null && !await PlanEditors.MayEditAsync(db, editor, entity.Id, ct))
        {
            return (null, Result.Forbidden($"Su cuenta no escribe los planes de {entity.Name}."));
        }
        if (entity.Id != 0 && await db.Plans.AnyAsync(p => p.EntityId == entity.Id && p.Year == year && p.Kind == options.Kind, ct))
        {
            notes.Add(new ImportNote(0, ImportNoteKind.Error,
                $"{entity.Name} ya tiene un plan para la vigencia {year}; los cambios a un plan existente se hacen con una nueva versión."));
            return (null, Refused(new PlanImport(null, year, entity.Slug, notes) { EntityName = entity.Name, PlanExists = true }));
        }

        var now = clock.GetUtcNow();
        var plan = new Plan
        {
            Entity = entity,
            Kind = options.Kind,
            Year = year.Value,
            Title = string.IsNullOrWhiteSpace(parsed.Title) ? DefaultTitle(options.Kind) : parsed.Title,
            DocumentCode = parsed.DocumentCode,
            Objective = parsed.Objective,
            Scope = parsed.Scope,
            ResponsiblePerson = parsed.ResponsiblePerson,
            CoordinatingUnit = parsed.CoordinatingUnit,
            ParticipatingUnits = parsed.ParticipatingUnits.Count == 0 ? null : string.Join('\n', parsed.ParticipatingUnits),
            CreatedAt = now,
        };
        var units = new UnitResolver(db, entity);
        await units.LoadAsync(ct);
        foreach (var line in parsed.ParticipatingUnits)
        {
            units.Declare(line);
        }
        var groups = new UnitGroupResolver(db, entity);
        await groups.LoadAsync(ct);
        var builder = new StructureBuilder(units, groups, notes);
        foreach (var pc in parsed.Components)
        {
            plan.Components.Add(builder.BuildComponent(pc));
        }
        notes.AddRange(units.Notes.Select(n => new ImportNote(0, ImportNoteKind.Warning, n)));
        var approval = options.Published;
        if (approval is not null)
        {
            // A document that is already the entity's published plan: its publication date is not in the document,
            // so none is invented (PublishedAt stays empty and the plan is never marked late).
            plan.Status = PlanStatus.Published;
        }
        plan.Versions.Add(new PlanVersion
        {
            Number = 1,
            Status = approval is null ? VersionStatus.Draft : VersionStatus.Published,
            ApprovedBy = approval is null ? null : approval.ApprovedBy ?? parsed.ResponsiblePerson,
            ApprovedOn = approval?.ApprovedOn,
            ApprovalNote = approval?.Note,
            Justification = options.Justification,
            CreatedAt = now,
            CreatedBy = actor,
            SourceFileName = options.SourceFileName,
            SourceSha256 = options.SourceSha256,
            ImportNotes = notes.Select(n => new ImportNoteRecord { Line = n.Line, Kind = n.Kind, Message = n.Message }).ToList(),
        });
        return (plan, null);
    }

    /// <summary>A document that cannot be stored: invalid, with its errors by line, and the whole account as the value.</summary>
    private static Result<PlanImport> Refused(PlanImport account)
    {
        var errors = account.Notes.Where(n => n.Kind == ImportNoteKind.Error)
            .GroupBy(n => ImportFields.Line(n.Line))
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(n => n.Message)));
        if (errors.Count == 0)
        {
            // A reading without a plan always explains itself; should one ever not, still say why nothing was stored.
            errors[""] = "El documento no contiene un plan que se pueda importar.";
        }
        return Result.Refused(Result.Invalid(errors), account);
    }

    public static string DefaultTitle(PlanKind kind) => kind == PlanKind.Ptep
        ? "Programa de Transparencia y Ética Pública"
        : "Plan Anticorrupción y de Atención al Ciudadano";

    private static int? ResolveYear(ParsedPlan parsed, PlanImportOptions options, List<ImportNote> notes)
    {
        if (options.Year is { } requested && parsed.Year is { } documented && requested != documented)
        {
            notes.Add(new ImportNote(0, ImportNoteKind.Warning, string.Create(CultureInfo.InvariantCulture,
                $"El documento dice VIGENCIA {documented}, pero se indicó {requested}; el plan se registra en la vigencia {requested}.")));
        }
        return options.Year ?? parsed.Year;
    }

    private async Task<Entity> FindOrCreateEntityAsync(string name, CancellationToken ct)
    {
        var slug = SpanishText.Slug(name);
        var existing = await db.Entities.FirstOrDefaultAsync(e => e.Slug == slug, ct);
        return existing ?? new Entity { Name = name, Slug = slug };
    }

    /// <summary>Turns the read tree into entities, resolving units and groups of units, and notes every collective responsible.</summary>
    private sealed class StructureBuilder(UnitResolver units, UnitGroupResolver groups, List<ImportNote> notes)
    {
        public Component BuildComponent(ParsedComponent pc)
        {
            var component = new Component { Number = pc.Number, Name = pc.Name };
            var order = 0;
            foreach (var pa in pc.Activities)
            {
                component.Activities.Add(BuildActivity(pa, null, ++order));
            }
            var subOrder = 0;
            foreach (var ps in pc.Subcomponents)
            {
                var sub = new Subcomponent { Code = ps.Code, Name = ps.Name, Order = ++subOrder };
                component.Subcomponents.Add(sub);
                foreach (var pa in ps.Activities)
                {
                    component.Activities.Add(BuildActivity(pa, sub, ++order));
                }
            }
            return component;
        }

        private Activity BuildActivity(ParsedActivity pa, Subcomponent? sub, int order)
        {
            var activity = new Activity { Code = pa.Code, Name = pa.Name, Order = order, Subcomponent = sub };
            var actionOrder = 0;
            foreach (var x in pa.Actions)
            {
                var action = new PlanAction
                {
                    Order = ++actionOrder,
                    Description = x.Description,
                    Goal = x.Goal,
                    Deliverable = x.Deliverable,
                    IndicatorFormula = x.IndicatorFormula,
                    TargetQuantity = x.TargetQuantity,
                    TargetUnit = x.TargetUnit,
                    ResponsibleText = x.ResponsibleText,
                    SourceLine = x.Line,
                    Schedule = x.Schedule.OrderBy(kv => kv.Key)
                        .Select(kv => new ScheduleEntry { Month = kv.Key, PlannedQuantity = kv.Value }).ToList(),
                };
                foreach (var path in x.ResponsibleUnits)
                {
                    if (groups.Resolve(path) is { } group)
                    {
                        if (!action.ResponsibleGroups.Any(g => g.Group == group))
                        {
                            action.ResponsibleGroups.Add(new ActionUnitGroup { Group = group, Spelling = path.Path[0].Trim() });
                            notes.Add(new ImportNote(x.Line, ImportNoteKind.Warning, groups.Note(group, path.Path[0].Trim())));
                        }
                        continue;
                    }
                    var unit = units.Resolve(path);
                    if (!action.ResponsibleUnits.Any(u => u.Unit == unit))
                    {
                        action.ResponsibleUnits.Add(new ActionUnit { Unit = unit });
                    }
                }
                activity.Actions.Add(action);
            }
            return activity;
        }
    }
}
