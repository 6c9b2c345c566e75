using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Progress;

namespace Vigia.Core.Monitoring;

public enum ReviewDecision
{
    Accept,
    /// <summary>Back to the Responsable with a comment, who answers with a correction.</summary>
    Return,
}

/// <summary>
/// Second-line monitoring: a Líder de componente (the reports of their components) or Planeación (all of them)
/// accepts a submitted report or returns it with a comment, and once a month closes a component's monitoring record.
/// Control Interno reads everything and reviews nothing (it assesses the second line); a Responsable reviews
/// nothing, and nobody reviews a report they submitted themselves.
/// </summary>
public sealed class MonitoringService(AppDbContext db, ActionAccess access, AuditScope audit, TimeProvider clock)
{
    public const int MaxCommentLength = 2000;
    public const int MaxSummaryLength = 4000;

    /// <summary>Whether the person holds a monitoring role at all.</summary>
    public static bool Monitors(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.UserId is not null && (actor.IsIn(Roles.Planning) || actor.IsIn(Roles.ComponentLeader));
    }

    /// <summary>The components whose reports the person reviews: null for all (Planeación), else the ones they lead.</summary>
    public async Task<IReadOnlyCollection<int>?> ReviewedComponentsAsync(Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Monitors(actor))
        {
            return [];
        }
        if (actor.IsIn(Roles.Planning))
        {
            return null;
        }
        return await db.UserComponents.Where(c => c.UserId == actor.UserId).Select(c => c.ComponentId).ToListAsync(ct);
    }

    public async Task<bool> ReviewsComponentAsync(Actor actor, int componentId, CancellationToken ct = default) =>
        await ReviewedComponentsAsync(actor, ct) is not { } ids || ids.Contains(componentId);

    public async Task<Result<int>> ReviewAsync(Actor actor, int reportId, ReviewDecision decision, string? comment, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var report = await db.ProgressReports.FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !await access.CanSeeAsync(actor, report.ActionId, ct))
        {
            return Result.NotFound();
        }
        var componentId = await db.Actions.Where(a => a.Id == report.ActionId).Select(a => a.Activity!.ComponentId).SingleAsync(ct);
        if (!Monitors(actor) || !await ReviewsComponentAsync(actor, componentId, ct))
        {
            return Result.Forbidden("Solo el líder del componente o Planeación revisan los reportes de avance.");
        }
        if (report.SubmittedById == actor.UserId)
        {
            return Result.Forbidden("No puede revisar un reporte que usted mismo presentó.");
        }
        if (report.Status != ReportStatus.Submitted)
        {
            return Result.Conflict(report.ReviewedByName is { } by
                ? $"Este reporte ya fue revisado por {by}."
                : "Este reporte ya no está pendiente de revisión.");
        }
        var errors = new Dictionary<string, string>();
        if (decision == ReviewDecision.Return)
        {
            ReportRules.CheckText(errors, ReportFields.Comment, comment, MaxCommentLength,
                "Para devolver el reporte, escriba qué debe corregir el responsable.");
        }
        else if (comment?.Trim().Length > MaxCommentLength)
        {
            errors[ReportFields.Comment] = $"El comentario no puede pasar de {MaxCommentLength} caracteres.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        report.Status = decision == ReviewDecision.Accept ? ReportStatus.Accepted : ReportStatus.Returned;
        report.ReviewedAt = clock.GetUtcNow();
        report.ReviewedById = actor.UserId;
        report.ReviewedByName = actor.Name;
        report.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        return await SaveAsync(actor, report.Id, "Mientras usted revisaba, el reporte cambió (otra revisión o una edición del responsable). Revíselo de nuevo.", ct);
    }

    /// <summary>Closes a component's monitoring for a month of its plan's year: once, after every report of that
    /// month has been reviewed, with a summary that the printable record carries.</summary>
    public async Task<Result<int>> CloseMonthAsync(Actor actor, int componentId, int month, string? summary, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var component = await db.Components.AsNoTracking().Where(c => c.Id == componentId)
            .Select(c => new { c.Number, c.Plan!.Year }).FirstOrDefaultAsync(ct);
        if (component is null)
        {
            return Result.Invalid(ReportFields.Component, "Elija un componente.");
        }
        if (!Monitors(actor) || !await ReviewsComponentAsync(actor, componentId, ct))
        {
            return Result.Forbidden("Solo el líder del componente o Planeación cierran su monitoreo mensual.");
        }
        var errors = new Dictionary<string, string>();
        if (month is < 1 or > 12)
        {
            errors[ReportFields.Month] = "Elija un mes entre enero y diciembre.";
        }
        else if (!ProgressCalendar.HasBegun(component.Year, month, ColombianTime.Today(clock)))
        {
            errors[ReportFields.Month] = $"Aún no puede cerrar {SpanishMonths.NameWithYear(component.Year, month)}: el mes no ha empezado.";
        }
        else if (await db.MonitoringRecords.AnyAsync(m => m.ComponentId == componentId && m.Month == month, ct))
        {
            errors[ReportFields.Month] = $"El monitoreo de {SpanishMonths.NameWithYear(component.Year, month)} del componente {component.Number} ya está cerrado.";
        }
        else if (await db.ProgressReports.CountAsync(r => r.Action!.Activity!.ComponentId == componentId && r.Month == month
            && r.Status == ReportStatus.Submitted, ct) is > 0 and var pending)
        {
            var count = pending == 1 ? "Queda 1 reporte" : $"Quedan {pending} reportes";
            errors[ReportFields.Month] = $"{count} de {SpanishMonths.NameWithYear(component.Year, month)} sin revisar en el componente {component.Number}: revise todos antes de cerrar el monitoreo.";
        }
        ReportRules.CheckText(errors, ReportFields.Summary, summary, MaxSummaryLength, "Escriba el resumen del monitoreo del mes.");
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var record = new MonitoringRecord
        {
            ComponentId = componentId,
            Month = month,
            Summary = summary!.Trim(),
            ClosedAt = clock.GetUtcNow(),
            ClosedById = actor.UserId,
            ClosedByName = actor.Name,
        };
        db.MonitoringRecords.Add(record);
        var result = await SaveAsync(actor, 0, "Otra persona cerró el monitoreo de ese mes al mismo tiempo.", ct);
        return result.Succeeded ? Result.Saved(record.Id) : result;
    }

    private async Task<Result<int>> SaveAsync(Actor actor, int id, string raceMessage, CancellationToken ct)
    {
        try
        {
            using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name));
            await db.SaveChangesAsync(ct);
            return Result.Saved(id);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return Result.Conflict(raceMessage);
        }
    }
}
