using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Files;

namespace Vigia.Core.Progress;

/// <summary>
/// First-line reporting: a Responsable of one of the action's units submits what was executed in a month, with its
/// evidence; edits it until it is reviewed; after a review, corrects it with a new report that supersedes it.
/// </summary>
/// <remarks>
/// Rules: the month is 1–12 of the plan's year and has begun (today, Colombian time); a closed plan takes no
/// reports; a percentage is 0–100; a quantity above zero needs at least one piece of evidence; a report submitted
/// after the month's deadline (<see cref="ProgressCalendar.Deadline"/>) is late, and a correction keeps the
/// lateness of the report it corrects, so answering a reviewer's comment never makes an on-time report late.
/// </remarks>
public sealed class ProgressService(AppDbContext db, ActionAccess access, IFileStore files, ProgressSettings settings,
    AuditScope audit, TimeProvider clock)
{
    public const int MaxNarrativeLength = 4000;
    public const int MaxReasonLength = 2000;

    public async Task<Result<int>> SubmitAsync(Actor actor, int actionId, ReportDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        if (!await access.CanReportAsync(actor, actionId, ct))
        {
            return Result.NotFound();
        }
        var action = await db.Actions.AsNoTracking().Where(a => a.Id == actionId)
            .Select(a => new { a.TargetUnit, a.Activity!.Component!.Plan!.Year, a.Activity.Component.Plan.Status })
            .SingleAsync(ct);
        var today = ColombianTime.Today(clock);
        var errors = new Dictionary<string, string>();
        ReportRules.CheckMonth(errors, action.Year, action.Status, draft.Month, today);
        ReportRules.CheckContent(errors, action.TargetUnit, draft.ExecutedQuantity, draft.Narrative);
        var (urls, linkError) = EvidenceIntake.ParseLinks(draft.Links);
        ReportRules.AddIf(errors, ReportFields.Links, linkError);
        if (errors.ContainsKey(ReportFields.Month))
        {
            return Result.Invalid(errors);
        }

        var (unitId, partError) = await PartOfAsync(actor, actionId, draft.UnitId, ct);
        if (partError is not null)
        {
            return partError;
        }
        var live = await db.ProgressReports.Include(r => r.Evidence)
            .FirstOrDefaultAsync(r => r.ActionId == actionId && r.UnitId == unitId && r.Month == draft.Month && r.Status != ReportStatus.Superseded, ct);
        var month = SpanishMonths.NameWithYear(action.Year, draft.Month);
        if (live is { Status: ReportStatus.Submitted })
        {
            return Result.Conflict($"Ya hay un reporte de {month} sin revisar: edítelo en lugar de enviar otro.");
        }
        if (live?.Id != draft.CorrectsId)
        {
            return Result.Conflict(live is null
                ? $"El reporte de {month} que quería corregir ya no está vigente; revise el estado de la acción."
                : $"El reporte de {month} ya fue revisado: para cambiarlo presente una corrección.");
        }
        if (live is not null)
        {
            ReportRules.CheckText(errors, ReportFields.CorrectionReason, draft.CorrectionReason, MaxReasonLength, "Explique qué corrige y por qué.");
        }
        var kept = live?.Evidence.Where(e => draft.KeepEvidenceIds?.Contains(e.Id) == true).ToList() ?? [];
        if (draft.ExecutedQuantity > 0 && draft.Files.Count + urls.Count + kept.Count == 0)
        {
            errors.TryAdd(ReportFields.Files, "Adjunte al menos un soporte (archivo o enlace) de lo ejecutado.");
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var intake = new EvidenceIntake(files);
        var (stored, fileError) = await intake.StoreAsync(draft.Files, now, ct);
        if (fileError is not null)
        {
            return Result.Invalid(ReportFields.Files, fileError);
        }
        var deadline = ProgressCalendar.Deadline(action.Year, draft.Month, await settings.DeadlineBusinessDayAsync(ct));
        var report = new ProgressReport
        {
            ActionId = actionId,
            UnitId = unitId,
            Month = draft.Month,
            ExecutedQuantity = draft.ExecutedQuantity,
            Narrative = draft.Narrative.Trim(),
            SubmittedAt = now,
            SubmittedById = actor.UserId,
            SubmittedByName = actor.Name,
            IsLate = live?.IsLate ?? today > deadline,
            CorrectsId = live?.Id,
            CorrectionReason = live is null ? null : draft.CorrectionReason!.Trim(),
        };
        report.Evidence.AddRange(kept.Select(CopyOf));
        report.Evidence.AddRange(stored);
        report.Evidence.AddRange(urls.Select(u => EvidenceIntake.Link(u, now)));
        return await SaveAsync(intake, month, async () =>
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name), report.CorrectionReason);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (live is not null)
            {
                live.Status = ReportStatus.Superseded;
                await db.SaveChangesAsync(ct);
            }
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return report.Id;
        });
    }

    /// <summary>Changes a report nobody has reviewed yet: quantity, narrative, evidence added or removed. Any
    /// Responsable of the action's units may, not only the one who submitted it: units share the work.</summary>
    public async Task<Result<int>> EditAsync(Actor actor, int reportId, ReportEdit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(edit);
        var report = await db.ProgressReports.Include(r => r.Evidence).FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !await access.CanReportAsync(actor, report.ActionId, ct)
            || (report.UnitId is { } part && !(await access.ReportablePartsAsync(actor, report.ActionId, ct)).Any(p => p.UnitId == part)))
        {
            return Result.NotFound();
        }
        if (report.Status != ReportStatus.Submitted)
        {
            return Result.Conflict("Este reporte ya fue revisado: para cambiarlo presente una corrección.");
        }
        var targetUnit = await db.Actions.Where(a => a.Id == report.ActionId).Select(a => a.TargetUnit).SingleAsync(ct);
        var errors = new Dictionary<string, string>();
        ReportRules.CheckContent(errors, targetUnit, edit.ExecutedQuantity, edit.Narrative);
        var (urls, linkError) = EvidenceIntake.ParseLinks(edit.Links);
        ReportRules.AddIf(errors, ReportFields.Links, linkError);
        var removed = report.Evidence.Where(e => edit.RemoveEvidenceIds.Contains(e.Id)).ToList();
        var newUrls = urls.Where(u => !report.Evidence.Except(removed).Any(e => e.Url == u)).ToList();
        if (edit.ExecutedQuantity > 0 && report.Evidence.Count - removed.Count + edit.Files.Count + newUrls.Count == 0)
        {
            errors.TryAdd(ReportFields.Files, "Adjunte al menos un soporte (archivo o enlace) de lo ejecutado.");
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var now = clock.GetUtcNow();
        var intake = new EvidenceIntake(files);
        var (stored, fileError) = await intake.StoreAsync(edit.Files, now, ct);
        if (fileError is not null)
        {
            return Result.Invalid(ReportFields.Files, fileError);
        }
        report.ExecutedQuantity = edit.ExecutedQuantity;
        report.Narrative = edit.Narrative.Trim();
        db.Evidence.RemoveRange(removed);
        report.Evidence.AddRange(stored);
        report.Evidence.AddRange(newUrls.Select(u => EvidenceIntake.Link(u, now)));
        var result = await SaveAsync(intake, SpanishMonths.Name(report.Month), async () =>
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
            await db.SaveChangesAsync(ct);
            return report.Id;
        });
        if (result.Succeeded)
        {
            await DeleteUnreferencedAsync(removed);
        }
        return result;
    }

    /// <summary>The part a report of a collective action is for: the one asked for, which must be one of the actor's
    /// parts (another unit's part is not found, as an action that is not theirs), or their only part. An action without
    /// parts is reported as a whole (null).</summary>
    private async Task<(int? UnitId, Result<int>? Error)> PartOfAsync(Actor actor, int actionId, int? requested, CancellationToken ct)
    {
        if (!await db.ActionUnitGroups.AnyAsync(g => g.ActionId == actionId, ct))
        {
            return (null, null);
        }
        var mine = await access.ReportablePartsAsync(actor, actionId, ct);
        if (requested is { } unitId)
        {
            return mine.Any(p => p.UnitId == unitId) ? (unitId, null) : (null, Result.NotFound());
        }
        return mine.Count switch
        {
            1 => (mine[0].UnitId, null),
            0 => (null, Result.NotFound()),
            _ => (null, Result.Invalid(ReportFields.Unit, "Indique de qué unidad es este reporte: la acción es colectiva y usted responde por varias.")),
        };
    }

    /// <summary>Runs the save; if it fails, the files kept for it are deleted. A lost race (a review or another
    /// report of the same month got there first) is a conflict for the person to look at, not an error page.</summary>
    private async Task<Result<int>> SaveAsync(EvidenceIntake intake, string month, Func<Task<int>> save)
    {
        var saved = false;
        try
        {
            var id = await save();
            saved = true;
            return Result.Saved(id);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Result.Conflict(
                $"Mientras usted guardaba, otra persona registró o revisó el reporte de {month}. Revise el estado de la acción y vuelva a intentarlo.");
        }
        finally
        {
            if (!saved)
            {
                await intake.DiscardAsync();
            }
        }
    }

    /// <summary>A removed file is deleted from storage unless another report still points to it (a correction
    /// keeps the evidence of the report it corrects by sharing its stored file).</summary>
    private async Task DeleteUnreferencedAsync(List<Evidence> removed)
    {
        foreach (var key in removed.Where(e => e.StorageKey is not null).Select(e => e.StorageKey!).Distinct())
        {
            if (!await db.Evidence.AnyAsync(e => e.StorageKey == key))
            {
                await files.DeleteAsync(key, CancellationToken.None);
            }
        }
    }

    private static Evidence CopyOf(Evidence e) => new()
    {
        Kind = e.Kind,
        FileName = e.FileName,
        StorageKey = e.StorageKey,
        ContentType = e.ContentType,
        SizeBytes = e.SizeBytes,
        Sha256 = e.Sha256,
        Url = e.Url,
        Description = e.Description,
        AddedAt = e.AddedAt,
    };
}
