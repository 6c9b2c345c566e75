using Vigia.Core.Compliance;
using Vigia.Core.FollowUps;
using Vigia.Core.Monitoring;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Core.Synthetic;

/// <summary>The first id each table's new rows take (the current maximum plus one), read before generating.</summary>
public sealed record SyntheticIds(
    int Entity, int Unit, int Plan, int Version, int Component, int Subcomponent, int Activity, int Action, int Schedule,
    int Report, int Evidence, int Monitoring, int FollowUp, int Assessment);

/// <summary>Every row of one generation, with its ids assigned, in the order they are written.</summary>
public sealed class SyntheticRows
{
    public List<Entity> Entities { get; } = [];
    public List<Unit> Units { get; } = [];
    public List<Plan> Plans { get; } = [];
    public List<PlanVersion> Versions { get; } = [];
    public List<Component> Components { get; } = [];
    public List<Subcomponent> Subcomponents { get; } = [];
    public List<Activity> Activities { get; } = [];
    public List<PlanAction> Actions { get; } = [];
    public List<ActionUnit> ActionUnits { get; } = [];
    public List<ScheduleEntry> Schedule { get; } = [];
    public List<ProgressReport> Reports { get; } = [];
    public List<Evidence> Evidence { get; } = [];
    public List<MonitoringRecord> Monitoring { get; } = [];
    public List<FollowUp> FollowUps { get; } = [];
    public List<FollowUpAssessment> Assessments { get; } = [];
}

/// <summary>
/// Builds a synthetic nation in memory, without the database: entities spread over the 33 departments (a Gobernación
/// hosting each department's municipalities), each with units, a published plan shaped like the template (the bundled
/// seed), its monthly schedule, a year of progress reports with evidence metadata, monitoring records and Control
/// Interno's follow-ups at the cut-offs that have passed. Every entity and report is marked simulated. Pure: the same
/// request, template, first ids and existing slugs give the same rows; each entity draws from its own
/// <c>new Random(seed + index)</c>, so one entity's data does not depend on another's.
/// </summary>
public sealed class SyntheticNation(ParsedPlan template, SyntheticRequest request, DateTimeOffset now,
    int deadlineBusinessDay = ProgressSettings.DefaultDeadlineBusinessDay, CutOffSchedule? schedule = null)
{
    private const string Responsible = "Responsable (simulación)";
    private const string Leader = "Líder de componente (simulación)";
    private const string InternalControl = "Control Interno (simulación)";

    /// <summary>The last instant anything generated may carry: the end of the reference day in Colombia, or now.</summary>
    public DateTimeOffset Horizon { get; } = Min(ColombianTime.ToUtc(request.At, new TimeOnly(23, 59)), now);

    private readonly IReadOnlyList<CutOffDeadline> cutOffs = (schedule ?? CutOffSchedule.Paac).For(request.Year, BusinessCalendar.Default);

    private int entityId, unitId, planId, versionId, componentId, subcomponentId, activityId, actionId, scheduleId,
        reportId, evidenceId, monitoringId, followUpId, assessmentId;

    /// <summary>The rows, after the <paramref name="existing"/> entities: their slugs and names are not reused, and a
    /// department whose host a previous run made gets only new hosted entities.</summary>
    public SyntheticRows Build(SyntheticIds first, IReadOnlyList<Entity> existing)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(existing);
        (entityId, unitId, planId, versionId, componentId, subcomponentId, activityId, actionId, scheduleId, reportId, evidenceId,
            monitoringId, followUpId, assessmentId) = (first.Entity, first.Unit, first.Plan, first.Version, first.Component,
            first.Subcomponent, first.Activity, first.Action, first.Schedule, first.Report, first.Evidence, first.Monitoring,
            first.FollowUp, first.Assessment);
        var rows = new SyntheticRows();
        var slugs = existing.Select(e => e.Slug).ToHashSet(StringComparer.Ordinal);
        var index = 0;
        foreach (var (departmentId, count) in SyntheticNames.Spread(request.Entities))
        {
            var department = Departments.All.Single(d => d.Id == departmentId);
            var hostName = SyntheticNames.HostName(department);
            var host = existing.Where(e => e.IsSimulated && e.DepartmentId == department.Id && e.HostEntityId is null && e.Name == hostName)
                .OrderBy(e => e.Id).FirstOrDefault();
            var names = existing.Where(e => e.DepartmentId == department.Id).Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < count; i++, index++)
            {
                var random = new Random(unchecked(request.Seed + index));
                var name = host is null ? hostName : SyntheticNames.HostedName(department, random);
                for (var n = 2; !names.Add(name); n++)
                {
                    name = string.Create(SpanishFormat.Culture, $"{name.Split(" (", 2)[0]} ({n})");
                }
                var entity = new Entity
                {
                    Id = entityId++,
                    Name = name,
                    Slug = UniqueSlug(slugs, host is null ? SpanishText.Slug(name) : $"{SpanishText.Slug(name)}-{department.Slug}"),
                    DepartmentId = department.Id,
                    HostEntityId = host?.Id,
                    IsSimulated = true,
                    Email = $"contacto@{SpanishText.Slug(name)}.simulado.invalid",
                };
                host ??= entity;
                rows.Entities.Add(entity);
                BuildEntity(rows, entity, random);
            }
        }
        return rows;
    }

    private static string UniqueSlug(HashSet<string> slugs, string slug)
    {
        var candidate = slug;
        for (var n = 2; !slugs.Add(candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{slug}-{n}");
        }
        return candidate;
    }

    private void BuildEntity(SyntheticRows rows, Entity entity, Random random)
    {
        var units = BuildUnits(rows, entity, random);
        var publishedOn = Min(new DateOnly(request.Year, 1, random.Next(15, 32)), request.At);
        var published = Min(ColombianTime.ToUtc(publishedOn, new TimeOnly(random.Next(8, 17), random.Next(60))), Horizon);
        var plan = new Plan
        {
            Id = planId++,
            EntityId = entity.Id,
            Kind = PlanKind.Paac,
            Year = request.Year,
            Status = PlanStatus.Published,
            Title = string.Create(CultureInfo.InvariantCulture, $"Plan Anticorrupción y de Atención al Ciudadano {request.Year}"),
            DocumentCode = string.Create(CultureInfo.InvariantCulture, $"SIM-PAAC-{request.Year}-{entity.Id}"),
            Objective = template.Objective,
            Scope = template.Scope,
            ResponsiblePerson = entity.Name.StartsWith("Gobernación", StringComparison.Ordinal) ? "Gobernador(a) (simulación)" : "Alcalde(sa) (simulación)",
            CoordinatingUnit = units[0].Name,
            ParticipatingUnits = string.Join('\n', units.Where(u => u.ParentId is null).Select(u => u.Name)),
            CreatedAt = published.AddDays(-random.Next(3, 12)),
            PublishedAt = published,
        };
        rows.Plans.Add(plan);
        rows.Versions.Add(new PlanVersion
        {
            Id = versionId++,
            PlanId = plan.Id,
            Number = 1,
            Justification = "Versión inicial del plan (datos simulados).",
            CreatedAt = plan.CreatedAt,
            CreatedBy = "Planeación (simulación)",
            Status = VersionStatus.Published,
            PublishedAt = published,
            ApprovedBy = plan.ResponsiblePerson,
            ApprovedOn = publishedOn,
            ApprovalNote = "Datos simulados",
        });
        var actions = new List<(PlanAction Action, int ComponentId, Dictionary<int, decimal> Schedule)>();
        var componentIds = new List<int>();
        foreach (var c in template.Components)
        {
            var component = new Component { Id = componentId++, PlanId = plan.Id, Number = c.Number, Name = c.Name };
            rows.Components.Add(component);
            componentIds.Add(component.Id);
            var order = 0;
            foreach (var a in c.Activities)
            {
                BuildActivity(rows, component, null, a, ++order, units, random, actions);
            }
            var subOrder = 0;
            foreach (var s in c.Subcomponents)
            {
                var sub = new Subcomponent { Id = subcomponentId++, ComponentId = component.Id, Code = s.Code, Name = s.Name, Order = ++subOrder };
                rows.Subcomponents.Add(sub);
                foreach (var a in s.Activities)
                {
                    BuildActivity(rows, component, sub, a, ++order, units, random, actions);
                }
            }
        }
        // How diligent the entity is (0.55–1): its units miss, return and under-execute less as it grows, so the
        // entities spread over the compliance bands instead of all sitting in the middle.
        var diligence = 0.55 + (random.NextDouble() * 0.45);
        var accepted = new Dictionary<int, Dictionary<int, decimal>>();
        foreach (var (action, _, schedule) in actions)
        {
            accepted[action.Id] = BuildReports(rows, action, schedule, diligence, random);
        }
        BuildMonitoring(rows, componentIds, random);
        BuildFollowUps(rows, plan, actions, accepted, random);
    }

    private List<Unit> BuildUnits(SyntheticRows rows, Entity entity, Random random)
    {
        var paths = template.Components
            .SelectMany(c => c.Activities.Concat(c.Subcomponents.SelectMany(s => s.Activities)))
            .SelectMany(a => a.Actions).SelectMany(a => a.ResponsibleUnits).Where(p => p.Path.Count > 0).ToList();
        var tops = paths.Select(p => p.Path[0]).Distinct(StringComparer.Ordinal).ToList();
        var children = paths.Where(p => p.Path.Count > 1).ToLookup(p => p.Path[0], p => p.Path[1], StringComparer.Ordinal);
        var wanted = random.Next(12, 25);
        var chosenTops = tops.OrderBy(_ => random.Next()).Take(Math.Max(6, wanted * 2 / 3)).ToList();
        var units = new List<Unit>();
        foreach (var top in chosenTops)
        {
            var parent = NewUnit(entity, null, top);
            units.Add(parent);
            foreach (var child in children[top].Distinct(StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(random.Next(0, 3)))
            {
                if (units.Count < wanted)
                {
                    units.Add(NewUnit(entity, parent.Id, child));
                }
            }
            if (units.Count >= wanted)
            {
                break;
            }
        }
        rows.Units.AddRange(units);
        return units;
    }

    private Unit NewUnit(Entity entity, int? parentId, string name) =>
        new() { Id = unitId++, EntityId = entity.Id, ParentId = parentId, Name = name, NormalizedName = SpanishText.Fold(name) };

    private void BuildActivity(SyntheticRows rows, Component component, Subcomponent? sub, ParsedActivity a, int order, List<Unit> units,
        Random random, List<(PlanAction, int, Dictionary<int, decimal>)> actions)
    {
        var activity = new Activity { Id = activityId++, ComponentId = component.Id, SubcomponentId = sub?.Id, Code = a.Code, Name = a.Name, Order = order };
        rows.Activities.Add(activity);
        var actionOrder = 0;
        for (var i = 0; i < a.Actions.Count; i++)
        {
            var source = a.Actions[i];
            // Some actions are dropped (never the last left in an activity) and some are carried in two phases.
            if (random.NextDouble() < 0.07 && (actionOrder > 0 || i < a.Actions.Count - 1))
            {
                continue;
            }
            var copies = random.NextDouble() < 0.06 ? 2 : 1;
            for (var copy = 1; copy <= copies; copy++)
            {
                var action = NewAction(activity, source, ++actionOrder, copy, copies, random);
                var schedule = Schedule(action, source, random);
                if (schedule.Count == 0)
                {
                    schedule = new Dictionary<int, decimal> { [12] = action.TargetQuantity ?? 1 };
                }
                rows.Actions.Add(action);
                var responsible = ResponsibleUnits(source, units, random);
                foreach (var unit in responsible)
                {
                    rows.ActionUnits.Add(new ActionUnit { ActionId = action.Id, UnitId = unit.Id });
                }
                action.ResponsibleText = string.Join("; ", responsible.Select(u => u.Name));
                foreach (var (month, quantity) in schedule.OrderBy(s => s.Key))
                {
                    rows.Schedule.Add(new ScheduleEntry { Id = scheduleId++, ActionId = action.Id, Month = month, PlannedQuantity = quantity });
                }
                actions.Add((action, component.Id, schedule));
            }
        }
    }

    private PlanAction NewAction(Activity activity, ParsedAction source, int order, int copy, int copies, Random random)
    {
        var unit = source.TargetUnit;
        var target = source.TargetQuantity;
        var roll = random.NextDouble();
        if (unit == TargetUnit.Count && roll < 0.08)
        {
            (unit, target) = (TargetUnit.Percentage, 100m);
        }
        else if (unit == TargetUnit.Count && target is { } t && roll < 0.55)
        {
            target = Math.Max(1, Math.Round(t * (decimal)(0.5 + random.NextDouble())));
        }
        var phase = copies == 1 ? "" : string.Create(SpanishFormat.Culture, $" (fase {copy} de {copies})");
        return new PlanAction
        {
            Id = actionId++,
            ActivityId = activity.Id,
            Order = order,
            Description = source.Description + phase,
            Goal = unit == source.TargetUnit && target == source.TargetQuantity
                ? source.Goal
                : unit == TargetUnit.Percentage ? "100 %" : SpanishFormat.Number(target ?? 0),
            Deliverable = source.Deliverable,
            IndicatorFormula = source.IndicatorFormula,
            TargetQuantity = target,
            TargetUnit = unit,
            SourceLine = source.Line,
        };
    }

    private static Dictionary<int, decimal> Schedule(PlanAction action, ParsedAction source, Random random)
    {
        if (action.TargetUnit == source.TargetUnit && action.TargetQuantity == source.TargetQuantity && source.Schedule.Count > 0)
        {
            // The template's months, sometimes a month later (an entity that starts later than Cali did).
            var shift = random.NextDouble() < 0.2 && source.Schedule.Keys.Max() < 12 ? 1 : 0;
            return source.Schedule.ToDictionary(s => s.Key + shift, s => s.Value);
        }
        return new Dictionary<int, decimal>(ScheduleSuggester.Suggest(action.TargetQuantity, action.TargetUnit, action.Goal).Months);
    }

    private static List<Unit> ResponsibleUnits(ParsedAction source, List<Unit> units, Random random)
    {
        var matched = source.ResponsibleUnits
            .Select(p => units.LastOrDefault(u => u.Name == p.Path[^1]) ?? units.FirstOrDefault(u => u.ParentId is null && u.Name == p.Path[0]))
            .OfType<Unit>().Distinct().ToList();
        if (matched.Count == 0)
        {
            matched.Add(units[random.Next(units.Count)]);
            if (random.NextDouble() < 0.2)
            {
                var second = units[random.Next(units.Count)];
                if (second != matched[0])
                {
                    matched.Add(second);
                }
            }
        }
        return matched;
    }

    /// <summary>The reports of one action up to the horizon; returns what was accepted, by month.</summary>
    private Dictionary<int, decimal> BuildReports(SyntheticRows rows, PlanAction action, Dictionary<int, decimal> schedule, double diligence,
        Random random)
    {
        var accepted = new Dictionary<int, decimal>();
        var lastCounted = ComplianceCalculator.MonthsCounted(request.Year, request.At);
        var slack = 1 - diligence;
        var (missing, returned, corrected) = (0.01 + (0.25 * slack), 0.03 + (0.30 * slack), 0.8);
        foreach (var (month, planned) in schedule.OrderBy(s => s.Key))
        {
            var roll = random.NextDouble();
            var late = random.NextDouble() < 0.03 + (0.30 * slack);
            var executed = Executed(action.TargetUnit, planned, slack, random);
            if (month > lastCounted || roll < missing)
            {
                continue; // the month has not ended at the reference date, or the unit never reported it
            }
            var first = NewReport(action, month, executed, planned, late, random, after: null);
            if (first.SubmittedAt > Horizon)
            {
                continue; // due, but not reported yet at the reference date
            }
            if (roll < missing + returned && first.ReviewedAt <= Horizon)
            {
                first.Status = ReportStatus.Returned;
                first.ReviewComment = "Devuelto: falta el soporte del avance. Adjunte la evidencia y vuelva a enviar el reporte.";
                Add(rows, first);
                if (roll < missing + (returned * corrected))
                {
                    var correction = NewReport(action, month, executed, planned, late: true, random, after: first.ReviewedAt);
                    if (correction.ReviewedAt <= Horizon)
                    {
                        // As ProgressService does: the correction supersedes the returned report (one live report a month).
                        first.Status = ReportStatus.Superseded;
                        correction.CorrectsId = first.Id;
                        correction.CorrectionReason = "Se adjunta el soporte solicitado.";
                        correction.Status = ReportStatus.Accepted;
                        Add(rows, correction);
                        accepted[month] = correction.ExecutedQuantity;
                    }
                }
            }
            else if (first.ReviewedAt > Horizon || (first.SubmittedAt > Horizon.AddDays(-30) && random.NextDouble() < 0.3))
            {
                first.Status = ReportStatus.Submitted;
                first.ReviewedAt = null;
                first.ReviewedByName = null;
                Add(rows, first);
            }
            else
            {
                first.Status = ReportStatus.Accepted;
                Add(rows, first);
                accepted[month] = first.ExecutedQuantity;
            }
        }
        return accepted;
    }

    private void Add(SyntheticRows rows, ProgressReport report)
    {
        rows.Reports.Add(report);
        if (report.ExecutedQuantity > 0)
        {
            rows.Evidence.Add(new Evidence
            {
                Id = evidenceId++,
                ReportId = report.Id,
                Kind = EvidenceKind.File,
                FileName = string.Create(CultureInfo.InvariantCulture, $"soporte-{report.ActionId}-{report.Month:00}.pdf"),
                ContentType = "application/pdf",
                Description = SyntheticGenerator.EvidenceDescription,
                AddedAt = report.SubmittedAt,
            });
        }
    }

    private static decimal Executed(TargetUnit unit, decimal planned, double slack, Random random)
    {
        var roll = random.NextDouble();
        var (none, under) = (0.01 + (0.08 * slack), 0.03 + (0.35 * slack));
        if (unit == TargetUnit.Percentage)
        {
            return roll < under ? Math.Round(planned * (decimal)(0.5 + (random.NextDouble() * 0.45))) : planned;
        }
        return roll switch
        {
            _ when roll < none => 0,
            _ when roll < under => Math.Floor(planned * (decimal)(0.3 + (random.NextDouble() * 0.6))),
            _ when roll < under + 0.07 => planned + Math.Max(1, Math.Floor(planned * 0.1m)),
            _ => planned,
        };
    }

    private ProgressReport NewReport(PlanAction action, int month, decimal executed, decimal planned, bool late, Random random, DateTimeOffset? after)
    {
        var (nextYear, nextMonth) = month == 12 ? (request.Year + 1, 1) : (request.Year, month + 1);
        var deadline = ProgressCalendar.Deadline(request.Year, month, deadlineBusinessDay);
        var day = BusinessCalendar.Default.NthBusinessDayOfMonth(nextYear, nextMonth,
            late ? random.Next(deadlineBusinessDay + 2, deadlineBusinessDay + 7) : random.Next(1, deadlineBusinessDay + 1));
        var submitted = ColombianTime.ToUtc(day, new TimeOnly(random.Next(8, 17), random.Next(0, 60)));
        if (after is { } previous && submitted <= previous)
        {
            submitted = previous.AddDays(2);
        }
        var unit = action.TargetUnit == TargetUnit.Percentage ? " %" : "";
        return new ProgressReport
        {
            Id = reportId++,
            ActionId = action.Id,
            Month = month,
            ExecutedQuantity = executed,
            Narrative = $"Reporte simulado: en {SpanishMonths.Name(month)} se ejecutó {SpanishFormat.Number(executed)}{unit} "
                + $"de {SpanishFormat.Number(planned)}{unit} programado.",
            SubmittedAt = submitted,
            SubmittedByName = Responsible,
            IsLate = ColombianTime.DateOf(submitted) > deadline,
            ReviewedAt = submitted.AddDays(random.Next(1, 4)),
            ReviewedByName = Leader,
            IsSimulated = true,
        };
    }

    private void BuildMonitoring(SyntheticRows rows, List<int> components, Random random)
    {
        var lastCounted = Math.Min(11, ComplianceCalculator.MonthsCounted(request.Year, request.At));
        foreach (var component in components)
        {
            for (var month = 1; month <= lastCounted; month++)
            {
                var (y, m) = month == 12 ? (request.Year + 1, 1) : (request.Year, month + 1);
                var closed = ColombianTime.ToUtc(BusinessCalendar.Default.NthBusinessDayOfMonth(y, m, random.Next(6, 12)),
                    new TimeOnly(random.Next(8, 18), random.Next(60)));
                if (random.NextDouble() < 0.08 || closed > Horizon)
                {
                    continue;
                }
                rows.Monitoring.Add(new MonitoringRecord
                {
                    Id = monitoringId++,
                    ComponentId = component,
                    Month = month,
                    Summary = $"Monitoreo simulado de {SpanishMonths.Name(month)}: se revisaron los reportes del componente y sus evidencias.",
                    ClosedAt = closed,
                    ClosedByName = Leader,
                    IsSimulated = true,
                });
            }
        }
    }

    private void BuildFollowUps(SyntheticRows rows, Plan plan, List<(PlanAction Action, int ComponentId, Dictionary<int, decimal> Schedule)> actions,
        Dictionary<int, Dictionary<int, decimal>> accepted, Random random)
    {
        foreach (var cutOff in cutOffs)
        {
            var roll = random.NextDouble();
            var firstDay = cutOff.CutOffDate.AddDays(1);
            if (firstDay > request.At)
            {
                continue; // a follow-up closes only after its cut-off
            }
            // Most are published on time, some late, some closed and never published.
            var onTime = roll < 0.75;
            var late = !onTime && roll < 0.88 && request.At > cutOff.PublicationDeadline;
            var closedOn = Min(BusinessCalendar.Default.AddBusinessDays(cutOff.CutOffDate, random.Next(1, 6)), request.At);
            DateOnly? publishedOn = onTime
                ? Min(BusinessCalendar.Default.AddBusinessDays(closedOn, random.Next(0, 4)), Min(cutOff.PublicationDeadline, request.At))
                : late ? Min(cutOff.PublicationDeadline.AddDays(random.Next(1, 25)), request.At) : null;
            if (publishedOn < closedOn)
            {
                publishedOn = closedOn;
            }
            var closedAt = Min(ColombianTime.ToUtc(closedOn, new TimeOnly(random.Next(8, 12), random.Next(60))), Horizon);
            var followUp = new FollowUp
            {
                Id = followUpId++,
                PlanId = plan.Id,
                CutOffDate = cutOff.CutOffDate,
                CutOffNumber = cutOff.Number,
                PublicationDeadline = cutOff.PublicationDeadline,
                Scope = FollowUpScope.Plan,
                Version = 1,
                Status = publishedOn is null ? FollowUpStatus.Closed : FollowUpStatus.Published,
                CreatedAt = ColombianTime.ToUtc(cutOff.CutOffDate.AddDays(1), new TimeOnly(7, 0)),
                CreatedByName = InternalControl,
                ClosedAt = closedAt,
                ClosedByName = InternalControl,
            };
            if (followUp.CreatedAt > closedAt)
            {
                followUp.CreatedAt = closedAt;
            }
            if (publishedOn is { } on)
            {
                var at = Min(ColombianTime.ToUtc(on, new TimeOnly(random.Next(12, 18), random.Next(60))), Horizon);
                followUp.PublishedAt = at < closedAt ? closedAt : at;
                followUp.PublishedOn = ColombianTime.DateOf(followUp.PublishedAt.Value);
                followUp.PublishedByName = InternalControl;
                followUp.PublishedLate = followUp.PublishedOn > followUp.PublicationDeadline;
            }
            rows.FollowUps.Add(followUp);
            var lastMonth = cutOff.CutOffDate.Year > request.Year ? 12 : cutOff.CutOffDate.Month;
            foreach (var (action, _, schedule) in actions)
            {
                rows.Assessments.Add(Assess(followUp, action, schedule, accepted[action.Id], lastMonth, closedAt));
            }
        }
    }

    private FollowUpAssessment Assess(FollowUp followUp, PlanAction action, Dictionary<int, decimal> schedule, Dictionary<int, decimal> accepted,
        int lastMonth, DateTimeOffset assessedAt)
    {
        var programmed = schedule.Where(s => s.Key <= lastMonth).Sum(s => s.Value);
        var executed = accepted.Where(s => s.Key <= lastMonth).Sum(s => s.Value);
        var percent = Math.Round(ComplianceCalculator.Percent(executed, programmed), 1);
        var (status, verified) = programmed <= 0
            ? (AssessmentStatus.NotScheduled, (decimal?)null)
            : percent >= 100 ? (AssessmentStatus.Completed, 100m)
            : percent <= 0 ? (AssessmentStatus.NoProgress, 0m)
            : (AssessmentStatus.InProgress, Math.Clamp(percent, 0.1m, 99.9m));
        return new FollowUpAssessment
        {
            Id = assessmentId++,
            FollowUpId = followUp.Id,
            ActionId = action.Id,
            Status = status,
            VerifiedPercent = verified,
            VerifiedQuantity = status == AssessmentStatus.NotScheduled ? null : executed,
            Observations = status switch
            {
                AssessmentStatus.Completed => null,
                AssessmentStatus.NotScheduled => "No programada en el periodo (datos simulados).",
                AssessmentStatus.NoProgress => "Sin avance verificado en los reportes aceptados del periodo (datos simulados).",
                _ => "Avance parcial verificado con los reportes aceptados y sus evidencias (datos simulados).",
            },
            AssessedAt = assessedAt,
            AssessedByName = InternalControl,
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
