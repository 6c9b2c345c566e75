using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Files;
using Vigia.Core.Progress;

namespace Vigia.Core.RiskMap.Tracking;

public sealed record MaterializationDraft(DateOnly? OccurredOn, string? Description, Authorities InformedTo, DateOnly? ReportedOn,
    IReadOnlyList<string> Links, IReadOnlyList<EvidenceUpload> Files);

/// <summary>The facts of a materialization as a correction sends them; its evidence stays as it is.</summary>
public sealed record MaterializationCorrection(DateOnly? OccurredOn, string? Description, Authorities InformedTo, DateOnly? ReportedOn);

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
    public const string Reason = "Reason";
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
    public const int MinReason = 10;
    public const int MaxReason = 2000;

    public async Task<Result<int>> RecordAsync(Actor actor, int riskId, MaterializationDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var risk = await db.Risks.AsNoTracking().Where(r => r.Id == riskId).Select(r => new { r.ProcessId, r.Year }).FirstOrDefaultAsync(ct);
        if (risk is null || !await access.CanMaintainAsync(actor, risk.ProcessId, ct))
        {
            return Result.NotFound();
        }
        var errors = CheckFacts(new MaterializationCorrection(draft.OccurredOn, draft.Description, draft.InformedTo, draft.ReportedOn), risk.Year);
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
            .Select(m => new { m.Risk!.ProcessId, m.Risk.Process!.EntityId, m.WithdrawnAt }).FirstOrDefaultAsync(ct);
        if (found is null || !await access.CanMaintainAsync(actor, found.ProcessId, ct))
        {
            return Result.NotFound();
        }
        if (found.WithdrawnAt is not null)
        {
            return Result.Conflict("Esta materialización fue retirada: su plan de mejoramiento ya no recibe acciones.");
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
        if (materialization.WithdrawnAt is not null)
        {
            return Result.Conflict("Esta materialización fue retirada: no necesita revaloración.");
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

    /// <summary>Corrects the facts of a wrongly recorded materialization (the date, what happened, the authorities
    /// informed and the date of that report), by whoever may record it and with a reason that the audit trail keeps with
    /// the values before and after. Its evidence stays as it is; a withdrawn one cannot be corrected.</summary>
    public async Task<Result<int>> CorrectAsync(Actor actor, int materializationId, MaterializationCorrection draft, string? reason,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var materialization = await MaintainedAsync(actor, materializationId, ct);
        if (materialization is null)
        {
            return Result.NotFound();
        }
        if (materialization.WithdrawnAt is not null)
        {
            return Result.Conflict("Esta materialización fue retirada: ya no se corrige. Si el riesgo sí se materializó, regístrela de nuevo.");
        }
        var errors = CheckFacts(draft, materialization.Risk!.Year);
        CheckReason(errors, reason);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        materialization.OccurredOn = draft.OccurredOn!.Value;
        materialization.Description = draft.Description!.Trim();
        materialization.InformedTo = draft.InformedTo & (Authorities.Procuraduria | Authorities.Contraloria | Authorities.Fiscalia);
        materialization.ReportedOn = draft.ReportedOn!.Value;
        materialization.CorrectedAt = clock.GetUtcNow();
        materialization.CorrectionReason = reason!.Trim();
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name), materialization.CorrectionReason);
        await db.SaveChangesAsync(ct);
        return Result.Saved(materialization.Id);
    }

    /// <summary>Withdraws a materialization recorded by mistake, with its reason. It is never deleted: it stays on
    /// the desk and on the public page as withdrawn with that reason, and it no longer holds a follow-up back.</summary>
    public async Task<Result<int>> WithdrawAsync(Actor actor, int materializationId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var materialization = await MaintainedAsync(actor, materializationId, ct);
        if (materialization is null)
        {
            return Result.NotFound();
        }
        if (materialization.WithdrawnAt is not null)
        {
            return Result.Conflict("Esta materialización ya fue retirada.");
        }
        var errors = new Dictionary<string, string>();
        CheckReason(errors, reason);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        materialization.WithdrawnAt = clock.GetUtcNow();
        materialization.WithdrawnByName = actor.Name;
        materialization.WithdrawalReason = reason!.Trim();
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name), materialization.WithdrawalReason);
        await db.SaveChangesAsync(ct);
        return Result.Saved(materialization.Id);
    }

    private async Task<RiskMaterialization?> MaintainedAsync(Actor actor, int materializationId, CancellationToken ct)
    {
        var materialization = await db.RiskMaterializations.Include(m => m.Risk).FirstOrDefaultAsync(m => m.Id == materializationId, ct);
        return materialization is not null && await access.CanMaintainAsync(actor, materialization.Risk!.ProcessId, ct) ? materialization : null;
    }

    private static void CheckReason(Dictionary<string, string> errors, string? reason)
    {
        var text = reason?.Trim() ?? "";
        if (text.Length < MinReason)
        {
            errors[MaterializationFields.Reason] = $"Explique el motivo (al menos {MinReason} caracteres): queda en el historial y, si la retira, se publica con ella.";
        }
        else if (text.Length > MaxReason)
        {
            errors[MaterializationFields.Reason] = $"El motivo puede tener como máximo {MaxReason.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
    }

    private Dictionary<string, string> CheckFacts(MaterializationCorrection draft, int year)
    {
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
        else if (occurred.Year != year)
        {
            errors[MaterializationFields.OccurredOn] = $"La fecha debe estar en la vigencia del mapa ({year}).";
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
        return errors;
    }

    /// <summary>The materializations of the entity's map of <paramref name="year"/> that happened on or before the
    /// cut-off and whose risk has not been re-assessed since: each one stops that cut-off's follow-up from closing.</summary>
    public static async Task<IReadOnlyList<PendingReassessment>> PendingReassessmentsAsync(AppDbContext db, int entityId, int year, DateOnly cutOff,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.RiskMaterializations.AsNoTracking()
            .Where(m => m.ReassessedAt == null && m.WithdrawnAt == null && m.OccurredOn <= cutOff && m.Risk!.Year == year && m.Risk.Process!.EntityId == entityId)
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
