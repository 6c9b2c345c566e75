using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Files;
using Vigia.Core.Monitoring;
using Vigia.Core.Progress;

namespace Vigia.Core.RiskMap.Tracking;

/// <summary>What a process leader sends for one control in one monitoring period. A monitoring returned by the
/// second line is answered by a new one (<paramref name="AnswersId"/>), which supersedes it.</summary>
public sealed record ControlMonitoringDraft(int Month, bool? Executed, string? Note, IReadOnlyList<string> Links,
    IReadOnlyList<EvidenceUpload> Files, int? AnswersId = null);

/// <summary>Form field names of the monitoring forms.</summary>
public static class TrackingFields
{
    public const string Month = "Month";
    public const string Executed = "Executed";
    public const string Note = "Note";
    public const string Files = "Files";
    public const string Links = "Links";
    public const string Comment = "Comment";
    public const string Reason = "Reason";
}

/// <summary>
/// The monitoring of a map's controls through the year. The leader of the control's process (or Planeación) says, in
/// each monitoring period, whether each control was executed, with a note and, when it was executed, evidence kept
/// by the same guarded store as progress reports. The second line reviews: Planeación, or a Líder de componente of
/// component 1 (gestión del riesgo de corrupción) of the entity's plan of that year. Nobody reviews their own.
/// </summary>
public sealed class ControlMonitoringService(AppDbContext db, RiskMapAccess access, MonitoringPeriods periods, IFileStore files,
    AuditScope audit, TimeProvider clock)
{
    public const int MaxNoteLength = 4000;
    public const int MaxCommentLength = 2000;

    public async Task<Result<int>> SubmitAsync(Actor actor, int controlId, ControlMonitoringDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var control = await db.RiskControls.AsNoTracking().Where(c => c.Id == controlId)
            .Select(c => new { c.Number, c.Risk!.Code, c.Risk.ProcessId, c.Risk.Year, c.Risk.Process!.EntityId }).FirstOrDefaultAsync(ct);
        if (control is null || !await access.CanMaintainAsync(actor, control.ProcessId, ct))
        {
            return Result.NotFound();
        }
        var today = ColombianTime.Today(clock);
        var months = await periods.MonthsAsync(control.EntityId, control.Year, ct);
        var errors = new Dictionary<string, string>();
        if (!months.Contains(draft.Month))
        {
            errors[TrackingFields.Month] = $"{SpanishMonths.NameWithYear(control.Year, Math.Clamp(draft.Month, 1, 12))} no es un periodo de monitoreo del mapa: elija uno de {SpanishMonths.List(months)}.";
        }
        else if (!ProgressCalendar.HasBegun(control.Year, draft.Month, today))
        {
            errors[TrackingFields.Month] = $"Aún no puede monitorear {SpanishMonths.NameWithYear(control.Year, draft.Month)}: el periodo no ha empezado.";
        }
        if (draft.Executed is null)
        {
            errors[TrackingFields.Executed] = "Diga si el control se ejecutó en el periodo.";
        }
        ReportRules.CheckText(errors, TrackingFields.Note, draft.Note, MaxNoteLength, draft.Executed == false
            ? "Explique por qué el control no se ejecutó en el periodo."
            : "Describa cómo se ejecutó el control en el periodo.");
        var (urls, linkError) = EvidenceIntake.ParseLinks(draft.Links);
        ReportRules.AddIf(errors, TrackingFields.Links, linkError);
        if (draft.Executed == true && draft.Files.Count + urls.Count == 0)
        {
            errors.TryAdd(TrackingFields.Files, "Adjunte al menos un soporte (archivo o enlace) de la ejecución del control.");
        }
        if (errors.ContainsKey(TrackingFields.Month))
        {
            return Result.Invalid(errors);
        }
        var period = SpanishMonths.NameWithYear(control.Year, draft.Month);
        var live = await db.ControlMonitorings
            .FirstOrDefaultAsync(m => m.ControlId == controlId && m.Month == draft.Month && m.Status != ReportStatus.Superseded, ct);
        if (live is { Status: ReportStatus.Submitted })
        {
            return Result.Conflict($"El control {control.Number} del riesgo {control.Code} ya tiene un monitoreo de {period} pendiente de revisión.");
        }
        if (live is { Status: ReportStatus.Accepted })
        {
            return Result.Conflict($"El monitoreo de {period} del control {control.Number} del riesgo {control.Code} ya fue aceptado.");
        }
        if (live?.Id != draft.AnswersId)
        {
            return Result.Conflict($"El monitoreo de {period} que quería responder ya no está vigente; revise el estado del control.");
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
            return Result.Invalid(TrackingFields.Files, fileError);
        }
        var monitoring = new ControlMonitoring
        {
            ControlId = controlId,
            Month = draft.Month,
            Executed = draft.Executed!.Value,
            Note = draft.Note!.Trim(),
            SubmittedAt = now,
            SubmittedById = actor.UserId,
            SubmittedByName = actor.Name,
            CorrectsId = live?.Id,
        };
        monitoring.Evidence.AddRange(stored.Select(f => TrackingEvidence.Of(f, now)));
        monitoring.Evidence.AddRange(urls.Select(u => TrackingEvidence.Link(u, now)));
        var saved = false;
        try
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (live is not null)
            {
                live.Status = ReportStatus.Superseded;
                await db.SaveChangesAsync(ct);
            }
            db.ControlMonitorings.Add(monitoring);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            saved = true;
            return Result.Saved(monitoring.Id);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Result.Conflict($"Mientras usted guardaba, otra persona registró o revisó el monitoreo de {period} de este control. Revise su estado.");
        }
        finally
        {
            if (!saved)
            {
                await intake.DiscardAsync();
            }
        }
    }

    public const int MinReasonLength = 10;

    /// <summary>Corrects a monitoring the second line has not reviewed yet: whether the control was executed and the
    /// note (its evidence stays as it is). Only a Líder de proceso of that control's process; audited with the reason.</summary>
    public async Task<Result<int>> EditAsync(Actor actor, int monitoringId, bool? executed, string? note, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (monitoring, problem) = await PendingOfOwnProcessAsync(actor, monitoringId, "corregir", ct);
        if (monitoring is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string>();
        if (executed is null)
        {
            errors[TrackingFields.Executed] = "Diga si el control se ejecutó en el periodo.";
        }
        ReportRules.CheckText(errors, TrackingFields.Note, note, MaxNoteLength, executed == false
            ? "Explique por qué el control no se ejecutó en el periodo."
            : "Describa cómo se ejecutó el control en el periodo.");
        if (executed == true && monitoring.Evidence.Count == 0)
        {
            errors[TrackingFields.Executed] = "Este monitoreo no tiene soportes: para decir que el control se ejecutó, retírelo y regístrelo de nuevo con sus soportes.";
        }
        CheckReason(errors, reason);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        monitoring.Executed = executed!.Value;
        monitoring.Note = note!.Trim();
        return await SavePendingAsync(actor, reason!.Trim(), monitoring.Id, ct);
    }

    /// <summary>Withdraws a monitoring the second line has not reviewed yet: the row and its evidence records go (the
    /// audit trail keeps them, with the reason; the files are left to the evidence sweep), and the returned monitoring
    /// it answered, if any, is live again. Only a Líder de proceso of that control's process.</summary>
    /// <returns>The control's id.</returns>
    public async Task<Result<int>> WithdrawAsync(Actor actor, int monitoringId, string? reason, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var (monitoring, problem) = await PendingOfOwnProcessAsync(actor, monitoringId, "retirar", ct);
        if (monitoring is null)
        {
            return problem!;
        }
        var errors = new Dictionary<string, string>();
        CheckReason(errors, reason);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var previous = monitoring.CorrectsId is { } answered
            ? await db.ControlMonitorings.FirstOrDefaultAsync(m => m.Id == answered && m.Status == ReportStatus.Superseded, ct)
            : null;
        try
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name), reason!.Trim());
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.RiskEvidence.RemoveRange(monitoring.Evidence);
            db.ControlMonitorings.Remove(monitoring);
            await db.SaveChangesAsync(ct);
            // Only once the withdrawn row is gone may the returned one be live again (one live monitoring per month).
            if (previous is not null)
            {
                previous.Status = ReportStatus.Returned;
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitAsync(ct);
            return Result.Saved(monitoring.ControlId);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict("Mientras usted guardaba, el monitoreo cambió. Revise su estado.");
        }
    }

    private static void CheckReason(Dictionary<string, string> errors, string? reason)
    {
        if ((reason?.Trim().Length ?? 0) < MinReasonLength)
        {
            errors[TrackingFields.Reason] = $"Explique el motivo del cambio (al menos {MinReasonLength} caracteres).";
        }
        else if (reason!.Trim().Length > MaxCommentLength)
        {
            errors[TrackingFields.Reason] = $"El motivo no puede pasar de {MaxCommentLength} caracteres.";
        }
    }

    /// <summary>A monitoring still waiting for the second line, of a process the person leads; 404 to anyone who
    /// may not see it, 403 to Planeación and the other readers, 409 once it was reviewed.</summary>
    private async Task<(ControlMonitoring? Monitoring, Failure? Problem)> PendingOfOwnProcessAsync(Actor actor, int monitoringId, string verb,
        CancellationToken ct)
    {
        var monitoring = await db.ControlMonitorings.Include(m => m.Evidence).FirstOrDefaultAsync(m => m.Id == monitoringId, ct);
        if (monitoring is null)
        {
            return (null, Result.NotFound());
        }
        var risk = await db.RiskControls.AsNoTracking().Where(c => c.Id == monitoring.ControlId)
            .Select(c => new { c.Number, c.Risk!.Code, c.Risk.ProcessId, c.Risk.Year, c.Risk.Process!.EntityId }).SingleAsync(ct);
        var leads = actor.IsIn(Roles.ProcessLeader) && actor.UserId is { } user
            && await db.ProcessLeaders.AnyAsync(l => l.UserId == user && l.ProcessId == risk.ProcessId, ct);
        if (!leads)
        {
            return (null, await CanSeeAsync(actor, risk.ProcessId, risk.EntityId, risk.Year, ct)
                ? Result.Forbidden($"Solo el líder del proceso puede {verb} el monitoreo de sus controles.")
                : Result.NotFound());
        }
        if (monitoring.Status != ReportStatus.Submitted)
        {
            return (null, Result.Conflict(monitoring.Status is ReportStatus.Accepted or ReportStatus.Returned
                ? $"No puede {verb} este monitoreo: {monitoring.ReviewedByName ?? "la segunda línea"} ya lo revisó. Si hay que cambiarlo, pida que se lo devuelvan y responda con uno nuevo."
                : $"No puede {verb} este monitoreo: ya fue reemplazado por otro."));
        }
        return (monitoring, null);
    }

    private async Task<Result<int>> SavePendingAsync(Actor actor, string reason, int value, CancellationToken ct)
    {
        try
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name), reason);
            await db.SaveChangesAsync(ct);
            return Result.Saved(value);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Result.Conflict("Mientras usted guardaba, el monitoreo cambió. Revise su estado.");
        }
    }

    /// <summary>Whether the person may read a process's monitoring and materializations, and download their evidence:
    /// who maintains the process, who reviews the map, and the roles that read everything (Control Interno among them).</summary>
    public async Task<bool> CanSeeAsync(Actor actor, int processId, int entityId, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return (actor.UserId is not null && actor.ReadsEverything) || await access.CanMaintainAsync(actor, processId, ct)
            || await ReviewsAsync(actor, entityId, year, ct);
    }

    /// <summary>Whether the person reviews the monitoring of the map of <paramref name="entityId"/> in <paramref name="year"/>.</summary>
    public async Task<bool> ReviewsAsync(Actor actor, int entityId, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is null)
        {
            return false;
        }
        if (actor.IsIn(Roles.Planning))
        {
            return true;
        }
        return actor.IsIn(Roles.ComponentLeader) && await db.UserComponents.AnyAsync(u => u.UserId == actor.UserId
            && u.Component!.Number == 1 && u.Component.Plan!.EntityId == entityId && u.Component.Plan.Year == year, ct);
    }

    public async Task<Result<int>> ReviewAsync(Actor actor, int monitoringId, ReviewDecision decision, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var monitoring = await db.ControlMonitorings.FirstOrDefaultAsync(m => m.Id == monitoringId, ct);
        if (monitoring is null)
        {
            return Result.NotFound();
        }
        var risk = await db.RiskControls.AsNoTracking().Where(c => c.Id == monitoring.ControlId)
            .Select(c => new { c.Risk!.ProcessId, c.Risk.Year, c.Risk.Process!.EntityId }).SingleAsync(ct);
        if (!await ReviewsAsync(actor, risk.EntityId, risk.Year, ct))
        {
            return await access.CanMaintainAsync(actor, risk.ProcessId, ct) || actor.ReadsEverything
                ? Result.Forbidden("Solo Planeación o el líder del componente 1 revisan el monitoreo de los controles.")
                : Result.NotFound();
        }
        if (monitoring.SubmittedById == actor.UserId)
        {
            return Result.Forbidden("No puede revisar un monitoreo que usted mismo registró.");
        }
        if (monitoring.Status != ReportStatus.Submitted)
        {
            return Result.Conflict(monitoring.ReviewedByName is { } by
                ? $"Este monitoreo ya fue revisado por {by}."
                : "Este monitoreo ya no está pendiente de revisión.");
        }
        var errors = new Dictionary<string, string>();
        if (decision == ReviewDecision.Return)
        {
            ReportRules.CheckText(errors, TrackingFields.Comment, comment, MaxCommentLength,
                "Para devolver el monitoreo, escriba qué debe corregir el líder del proceso.");
        }
        else if (comment?.Trim().Length > MaxCommentLength)
        {
            errors[TrackingFields.Comment] = $"El comentario no puede pasar de {MaxCommentLength} caracteres.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        monitoring.Status = decision == ReviewDecision.Accept ? ReportStatus.Accepted : ReportStatus.Returned;
        monitoring.ReviewedAt = clock.GetUtcNow();
        monitoring.ReviewedById = actor.UserId;
        monitoring.ReviewedByName = actor.Name;
        monitoring.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        try
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
            await db.SaveChangesAsync(ct);
            return Result.Saved(monitoring.Id);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Result.Conflict("Mientras usted revisaba, el monitoreo cambió. Revíselo de nuevo.");
        }
    }
}

/// <summary>Evidence rows of the risk map from what the guarded store kept.</summary>
internal static class TrackingEvidence
{
    public static RiskEvidence Of(StoredFile file, DateTimeOffset at) => new()
    {
        Kind = EvidenceKind.File,
        FileName = file.FileName,
        StorageKey = file.StorageKey,
        ContentType = file.ContentType,
        SizeBytes = file.Length,
        Sha256 = file.Sha256,
        AddedAt = at,
    };

    public static RiskEvidence Link(string url, DateTimeOffset at) => new() { Kind = EvidenceKind.Link, Url = url, AddedAt = at };
}
