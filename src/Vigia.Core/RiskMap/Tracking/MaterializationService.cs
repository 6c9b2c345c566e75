using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Files;
using Vigia.Core.Progress;

namespace Vigia.Core.RiskMap.Tracking;

public sealed record MaterializationDraft(DateOnly? OccurredOn, string? Description, Authorities InformedTo, DateOnly? ReportedOn,
    IReadOnlyList<string> Links, IReadOnlyList<EvidenceUpload> Files);

public sealed record ImprovementActionDraft(string? Description, int? ResponsibleUnitId, DateOnly? StartDate, DateOnly? EndDate, string? Deliverable);

/// <summary>Form field names of the materialization forms.</summary>
public static class MaterializationFields
{
    public const string OccurredOn = nameof(MaterializationDraft.OccurredOn);
    public const string Description = nameof(MaterializationDraft.Description);
    public const string InformedTo = nameof(MaterializationDraft.InformedTo);
    public const string ReportedOn = nameof(MaterializationDraft.ReportedOn);
    public const string Files = "Files";
    public const string Links = "Links";
    public const string ActionDescription = "Action.Description";
    public const string ActionUnit = "Action.ResponsibleUnitId";
    public const string ActionDates = "Action.EndDate";
    public const string ActionDeliverable = "Action.Deliverable";
    public const string ReassessmentNote = "ReassessmentNote";
}

/// <summary>
/// A corruption risk that materialized: recorded by the leader of its process (or Planeación) with the date, what
/// happened, the authorities informed and the evidence of that report; then an improvement plan, and the
/// re-assessment of the risk and its controls. Until that re-assessment is recorded, Control Interno's follow-up of
/// the cut-off that follows the materialization cannot close (<see cref="PendingReassessmentsAsync"/>).
/// </summary>
public sealed class MaterializationService(AppDbContext db, RiskMapAccess access, IFileStore files, AuditScope audit, TimeProvider clock)
{
    public const int MaxText = 4000;
    public const int MinReassessmentNote = 20;

    public async Task<Result<int>> RecordAsync(Actor actor, int riskId, MaterializationDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var risk = await db.Risks.AsNoTracking().Where(r => r.Id == riskId).Select(r => new { r.ProcessId, r.Year }).FirstOrDefaultAsync(ct);
        if (risk is null || !await access.CanMaintainAsync(actor, risk.ProcessId, ct))
        {
            return Result.NotFound();
        }
        var today = ColombianTime.Today(clock);
        var errors = new Dictionary<string, string>();
        if (draft.OccurredOn is not { } occurred)
        {
            errors[MaterializationFields.OccurredOn] = "Escriba la fecha en que se materializó el riesgo.";
        }
        else if (occurred > today)
        {
            errors[MaterializationFields.OccurredOn] = "La fecha de la materialización no puede ser posterior a hoy.";
        }
        else if (occurred.Year != risk.Year)
        {
            errors[MaterializationFields.OccurredOn] = $"La fecha debe estar en la vigencia del mapa ({risk.Year}).";
        }
        ReportRules.CheckText(errors, MaterializationFields.Description, draft.Description, MaxText, "Describa qué ocurrió.");
        if ((draft.InformedTo & (Authorities.Procuraduria | Authorities.Contraloria | Authorities.Fiscalia)) == Authorities.None)
        {
            errors[MaterializationFields.InformedTo] = "Elija al menos una autoridad informada: Procuraduría, Contraloría o Fiscalía.";
        }
        if (draft.ReportedOn is not { } reported)
        {
            errors[MaterializationFields.ReportedOn] = "Escriba la fecha en que se informó a la autoridad.";
        }
        else if (reported > today)
        {
            errors[MaterializationFields.ReportedOn] = "La fecha del informe no puede ser posterior a hoy.";
        }
        else if (draft.OccurredOn is { } o && reported < o)
        {
            errors[MaterializationFields.ReportedOn] = "La fecha del informe no puede ser anterior a la de la materialización.";
        }
        var (urls, linkError) = EvidenceIntake.ParseLinks(draft.Links);
        ReportRules.AddIf(errors, MaterializationFields.Links, linkError);
        if (draft.Files.Count + urls.Count == 0)
        {
            errors.TryAdd(MaterializationFields.Files, "Adjunte el soporte del informe a la autoridad (archivo o enlace).");
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var intake = new EvidenceIntake(files);
        var (stored, fileError) = await intake.StoreFilesAsync(draft.Files, ct);
        if (fileError is not null)
        {
            return Result.Invalid(MaterializationFields.Files, fileError);
        }
        var materialization = new RiskMaterialization
        {
            RiskId = riskId,
            OccurredOn = draft.OccurredOn!.Value,
            Description = draft.Description!.Trim(),
            InformedTo = draft.InformedTo & (Authorities.Procuraduria | Authorities.Contraloria | Authorities.Fiscalia),
            ReportedOn = draft.ReportedOn!.Value,
            RecordedAt = now,
            RecordedById = actor.UserId,
            RecordedByName = actor.Name,
        };
        materialization.Evidence.AddRange(stored.Select(f => TrackingEvidence.Of(f, now)));
        materialization.Evidence.AddRange(urls.Select(u => TrackingEvidence.Link(u, now)));
        db.RiskMaterializations.Add(materialization);
        var saved = false;
        try
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
            await db.SaveChangesAsync(ct);
            saved = true;
            return Result.Saved(materialization.Id);
        }
        finally
        {
            if (!saved)
            {
                await intake.DiscardAsync();
            }
        }
    }

    public async Task<Result<int>> AddActionAsync(Actor actor, int materializationId, ImprovementActionDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var found = await db.RiskMaterializations.AsNoTracking().Where(m => m.Id == materializationId)
            .Select(m => new { m.Risk!.ProcessId, m.Risk.Process!.EntityId }).FirstOrDefaultAsync(ct);
        if (found is null || !await access.CanMaintainAsync(actor, found.ProcessId, ct))
        {
            return Result.NotFound();
        }
        var errors = new Dictionary<string, string>();
        ReportRules.CheckText(errors, MaterializationFields.ActionDescription, draft.Description, 2000, "Describa la acción de mejora.");
        ReportRules.CheckText(errors, MaterializationFields.ActionDeliverable, draft.Deliverable, 1000, "Escriba el entregable de la acción.");
        if (draft.ResponsibleUnitId is not { } unit
            || !await db.Units.AnyAsync(u => u.Id == unit && u.EntityId == found.EntityId && u.IsActive, ct))
        {
            errors[MaterializationFields.ActionUnit] = "Elija la unidad responsable de la acción.";
        }
        if (draft.StartDate is not { } start || draft.EndDate is not { } end)
        {
            errors[MaterializationFields.ActionDates] = "Escriba las fechas de inicio y de fin de la acción.";
        }
        else if (end < start)
        {
            errors[MaterializationFields.ActionDates] = "La fecha de fin no puede ser anterior a la de inicio.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var action = new ImprovementAction
        {
            MaterializationId = materializationId,
            Description = draft.Description!.Trim(),
            ResponsibleUnitId = draft.ResponsibleUnitId!.Value,
            StartDate = draft.StartDate!.Value,
            EndDate = draft.EndDate!.Value,
            Deliverable = draft.Deliverable!.Trim(),
        };
        db.ImprovementActions.Add(action);
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
        await db.SaveChangesAsync(ct);
        return Result.Saved(action.Id);
    }

    /// <summary>Records that the risk and its controls were re-assessed after the materialization: the leader reviews
    /// (and, where needed, corrects) the risk's form and controls, then says here what changed or why it stands. The
    /// risk's zones and number of controls at that moment are kept with the note.</summary>
    public async Task<Result<int>> ReassessAsync(Actor actor, int materializationId, string? note, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var materialization = await db.RiskMaterializations.Include(m => m.Risk).ThenInclude(r => r!.Controls)
            .FirstOrDefaultAsync(m => m.Id == materializationId, ct);
        if (materialization is null || !await access.CanMaintainAsync(actor, materialization.Risk!.ProcessId, ct))
        {
            return Result.NotFound();
        }
        if (materialization.ReassessedAt is not null)
        {
            return Result.Conflict("La revaloración de esta materialización ya está registrada.");
        }
        var errors = new Dictionary<string, string>();
        ReportRules.CheckText(errors, MaterializationFields.ReassessmentNote, note, MaxText,
            "Explique cómo quedó valorado el riesgo y qué cambió en sus controles.");
        if (!errors.ContainsKey(MaterializationFields.ReassessmentNote) && note!.Trim().Length < MinReassessmentNote)
        {
            errors[MaterializationFields.ReassessmentNote] = $"Explique la revaloración en al menos {MinReassessmentNote} caracteres.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var risk = materialization.Risk!;
        materialization.ReassessedAt = clock.GetUtcNow();
        materialization.ReassessedByName = actor.Name;
        materialization.ReassessmentNote = note!.Trim();
        materialization.ReassessedInherentZone = risk.InherentZone;
        materialization.ReassessedResidualZone = risk.ResidualZone;
        materialization.ReassessedControls = risk.Controls.Count;
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
        await db.SaveChangesAsync(ct);
        return Result.Saved(materialization.Id);
    }

    /// <summary>The materializations of the entity's map of <paramref name="year"/> that happened on or before the
    /// cut-off and whose risk has not been re-assessed since: each one stops that cut-off's follow-up from closing.</summary>
    public static async Task<IReadOnlyList<PendingReassessment>> PendingReassessmentsAsync(AppDbContext db, int entityId, int year, DateOnly cutOff,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.RiskMaterializations.AsNoTracking()
            .Where(m => m.ReassessedAt == null && m.OccurredOn <= cutOff && m.Risk!.Year == year && m.Risk.Process!.EntityId == entityId)
            .Select(m => new PendingReassessment(m.Risk!.Code, m.Risk.Process!.Name, m.OccurredOn))
            .ToListAsync(ct);
        return rows.OrderBy(r => r.OccurredOn).ThenBy(r => r.RiskCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>The Spanish refusal naming every risk still waiting for its re-assessment.</summary>
    public static string PendingMessage(IReadOnlyList<PendingReassessment> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var list = string.Join("; ", pending.Select(p => $"el riesgo {p.RiskCode} del proceso {p.ProcessName}, materializado el {SpanishFormat.LongDate(p.OccurredOn)}"));
        return pending.Count == 1
            ? $"No puede cerrar el seguimiento: {list}, no ha sido revalorado después de la materialización. El líder del proceso debe revalorar el riesgo y sus controles."
            : $"No puede cerrar el seguimiento: estos riesgos no han sido revalorados después de su materialización: {list}. Los líderes de proceso deben revalorar cada riesgo y sus controles.";
    }
}

public sealed record PendingReassessment(string RiskCode, string ProcessName, DateOnly OccurredOn);
