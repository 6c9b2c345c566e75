using Vigia.Core.Audit;
using Vigia.Core.Compliance;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Demo;

/// <summary>What a demonstration run wrote. A summary of a batch job that refuses nothing, not a write result.</summary>
public sealed record DemoSimulationSummary(int PlansSimulated, int ScheduleEntries, int Reports);

/// <summary>For the demonstration only (<c>--demo</c>): gives a plan that has neither schedule nor reports a
/// schedule from <see cref="ScheduleSuggester"/> and a year of progress reports, every one marked
/// <see cref="ProgressReport.IsSimulated"/>. Deterministic: the same plan always gets the same reports.</summary>
/// <remarks>Most months are reported on time and accepted; some are returned (and most of those corrected), some
/// reported late, a few never reported, and in the current year a few of the last month still wait for review. Only
/// months that have ended are simulated: all twelve for a past year, none for a future one.</remarks>
public sealed class DemoExecutionSimulator(AppDbContext db, AuditScope audit, TimeProvider clock)
{
    public const int Seed = 20_220_131;
    public const string Reason = "Datos simulados para la demostración (opción --demo): programación sugerida y reportes de avance ficticios.";

    public async Task<DemoSimulationSummary> SimulateAsync(CancellationToken ct = default)
    {
        var today = ColombianTime.Today(clock);
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Id, p.Year }).ToListAsync(ct);
        int simulated = 0, entries = 0, reports = 0;
        foreach (var plan in plans)
        {
            var untouched = !await db.ScheduleEntries.AnyAsync(s => s.Action!.Activity!.Component!.PlanId == plan.Id, ct)
                && !await db.ProgressReports.AnyAsync(r => r.Action!.Activity!.Component!.PlanId == plan.Id, ct);
            if (!untouched)
            {
                continue;
            }
            var months = ComplianceCalculator.MonthsCounted(plan.Year, today.AddDays(-today.Day));
            var (e, r) = await SimulatePlanAsync(plan.Id, plan.Year, months, ct);
            simulated++;
            entries += e;
            reports += r;
        }
        return new DemoSimulationSummary(simulated, entries, reports);
    }

    private async Task<(int Entries, int Reports)> SimulatePlanAsync(int planId, int year, int months, CancellationToken ct)
    {
        var actions = await db.Actions.Where(a => a.Activity!.Component!.PlanId == planId)
            .OrderBy(a => a.Activity!.Component!.Number).ThenBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .ToListAsync(ct);
        var random = new Random(Seed + year);
        int entries = 0, reports = 0;
        foreach (var action in actions)
        {
            var suggestion = ScheduleSuggester.Suggest(action.TargetQuantity, action.TargetUnit, action.Goal);
            foreach (var (month, quantity) in suggestion.Months.OrderBy(m => m.Key))
            {
                action.Schedule.Add(new ScheduleEntry { Month = month, PlannedQuantity = quantity, IsSimulated = true });
                entries++;
                if (month <= months)
                {
                    reports += SimulateMonth(action, year, month, quantity, awaitingReview: month == months && months < 12, random);
                }
            }
        }
        using (audit.Begin(new AuditActor(null, "simulación de demostración"), Reason))
        {
            await db.SaveChangesAsync(ct);
        }
        return (entries, reports);
    }

    /// <summary>The reports of one planned month; returns how many were made.</summary>
    private int SimulateMonth(PlanAction action, int year, int month, decimal planned, bool awaitingReview, Random random)
    {
        var roll = random.NextDouble();
        if (roll < 0.06)
        {
            return 0;
        }
        var late = random.NextDouble() < 0.12;
        var executed = Executed(action.TargetUnit, planned, random);
        var first = NewReport(action, year, month, executed, planned, late, random);
        var now = clock.GetUtcNow();
        if (first.SubmittedAt > now)
        {
            // Not due yet in the current year: the month simply has no report so far.
            return 0;
        }
        if (roll < 0.20 && first.ReviewedAt <= now)
        {
            first.Status = ReportStatus.Returned;
            first.ReviewComment = "Devuelto: falta el soporte del avance. Adjunte la evidencia y vuelva a enviar el reporte.";
            if (roll < 0.16)
            {
                var correction = NewReport(action, year, month, executed, planned, late: true, random, after: first.ReviewedAt);
                if (correction.ReviewedAt > now)
                {
                    db.ProgressReports.Add(first);
                    return 1;
                }
                correction.Corrects = first;
                // As ProgressService does: the correction supersedes the returned report (one live report a month).
                first.Status = ReportStatus.Superseded;
                correction.CorrectionReason = "Se adjunta el soporte solicitado.";
                correction.Status = ReportStatus.Accepted;
                db.ProgressReports.Add(correction);
                db.ProgressReports.Add(first);
                return 2;
            }
        }
        else if ((awaitingReview && random.NextDouble() < 0.3) || first.ReviewedAt > now)
        {
            first.Status = ReportStatus.Submitted;
            first.ReviewedAt = null;
            first.ReviewedByName = null;
        }
        else
        {
            first.Status = ReportStatus.Accepted;
        }
        db.ProgressReports.Add(first);
        return 1;
    }

    private static decimal Executed(TargetUnit unit, decimal planned, Random random)
    {
        var roll = random.NextDouble();
        if (unit == TargetUnit.Percentage)
        {
            return roll < 0.2 ? Math.Round(planned * (decimal)(0.5 + (random.NextDouble() * 0.45))) : planned;
        }
        return roll switch
        {
            < 0.15 => Math.Floor(planned * (decimal)(0.3 + (random.NextDouble() * 0.6))),
            < 0.22 => planned + Math.Max(1, Math.Floor(planned * 0.1m)),
            _ => planned,
        };
    }

    private static ProgressReport NewReport(PlanAction action, int year, int month, decimal executed, decimal planned, bool late, Random random,
        DateTimeOffset? after = null)
    {
        var (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1);
        var day = BusinessCalendar.Default.NthBusinessDayOfMonth(nextYear, nextMonth, late ? random.Next(7, 12) : random.Next(1, 6));
        var submitted = ColombianTime.ToUtc(day, new TimeOnly(random.Next(8, 17), random.Next(0, 60)));
        if (after is { } previous && submitted <= previous)
        {
            submitted = previous.AddDays(2);
        }
        var unit = action.TargetUnit == TargetUnit.Percentage ? " %" : "";
        return new ProgressReport
        {
            Action = action,
            Month = month,
            ExecutedQuantity = executed,
            Narrative = $"Reporte simulado para la demostración: en {SpanishMonths.Name(month)} se ejecutó {SpanishFormat.Number(executed)}{unit} "
                + $"de {SpanishFormat.Number(planned)}{unit} programado.",
            SubmittedAt = submitted,
            SubmittedByName = "Responsable (simulación)",
            IsLate = late,
            ReviewedAt = submitted.AddDays(random.Next(1, 4)),
            ReviewedByName = "Líder de componente (simulación)",
            IsSimulated = true,
        };
    }
}
