using Vigia.Core.Consolidation;
using Vigia.Core.FollowUps;
using Vigia.Core.Progress;

namespace Vigia.Core.OpenData;

/// <summary>One dataset as one entity publishes it: the years it has files for (none for an installation-wide
/// dataset) and when its data last changed.</summary>
/// <param name="Modified">The last publication behind the files: the plan's latest published version, the latest
/// published follow-up, the published risk map, the newest audit checkpoint; null when nothing is published yet.</param>
public sealed record CatalogEntry(OpenDataset Dataset, string EntitySlug, string EntityName, string? EntityWebsite, string? EntityEmail,
    IReadOnlyList<int> Years, DateTimeOffset? Modified)
{
    /// <summary>The department a <see cref="DatasetScope.DepartmentYear"/> entry's files are of; null otherwise.</summary>
    public string? DepartmentSlug { get; init; }

    /// <summary>What the files cover when it is not the publishing entity: «Colombia», or the department's name.</summary>
    public string? ScopeName { get; init; }

    /// <summary>The segment that tells this entry's files apart: the department's slug, or the entity's.</summary>
    public string Key => DepartmentSlug ?? EntitySlug;

    /// <summary>The name the entry is listed under: the scope's, or the entity's.</summary>
    public string Label => ScopeName ?? EntityName;
}

/// <summary>What the catalogue lists: every dataset of <see cref="OpenDatasets"/> for every entity that has data for
/// it, with the years its files answer and the update date taken from the data.</summary>
public sealed class OpenDataCatalog(AppDbContext db)
{
    public async Task<IReadOnlyList<CatalogEntry>> LoadAsync(CancellationToken ct = default)
    {
        var entities = await db.Entities.AsNoTracking().OrderBy(e => e.Id)
            .Select(e => new { e.Id, e.Slug, e.Name, e.WebsiteUrl, e.Email }).ToListAsync(ct);
        var plans = (await db.PlanVersions.AsNoTracking()
                .Select(v => new { v.PlanId, v.Plan!.EntityId, v.Plan.Year, v.PublishedAt, v.CreatedAt })
                .ToListAsync(ct))
            // The files serve the latest published version; before the first publication, the draft as imported.
            .GroupBy(v => (v.PlanId, v.EntityId, v.Year))
            .Select(g => new { g.Key.EntityId, g.Key.Year, Modified = g.Max(v => v.PublishedAt) ?? g.Min(v => v.CreatedAt) })
            .ToList();
        var followUps = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Published)
            .Select(f => new { f.Plan!.EntityId, f.Plan.Year, f.PublishedAt })
            .ToListAsync(ct);
        var maps = await db.RiskMapVersions.AsNoTracking().Where(v => v.PublishedAt != null)
            .Select(v => new { v.EntityId, v.Year, v.PublishedAt }).ToListAsync(ct);
        var monitorings = await db.ControlMonitorings.AsNoTracking().Where(m => m.Status == ReportStatus.Accepted)
            .Select(m => new { m.Control!.Risk!.Process!.EntityId, m.Control.Risk.Year, At = m.ReviewedAt }).ToListAsync(ct);
        var materializations = await db.RiskMaterializations.AsNoTracking()
            .Select(m => new { m.Risk!.Process!.EntityId, m.Risk.Year, At = m.RecordedAt }).ToListAsync(ct);
        var consultations = await db.PlanConsultations.AsNoTracking().Where(c => c.Status == Consultation.ConsultationStatus.Closed)
            .Select(c => new { c.Plan!.EntityId, c.Plan.Year, c.ClosedAt }).ToListAsync(ct);
        // The monthly progress changes whenever the second line accepts a report.
        var accepted = await db.ProgressReports.AsNoTracking().Where(r => r.Status == ReportStatus.Accepted && r.ReviewedAt != null)
            .Select(r => new { r.Action!.Activity!.Component!.Plan!.EntityId, r.Action.Activity.Component.Plan.Year, r.ReviewedAt }).ToListAsync(ct);
        var checkpoints = await db.PublishedCheckpoints.AsNoTracking().Select(c => c.PublishedAt).ToListAsync(ct);

        var entries = new List<CatalogEntry>();
        foreach (var e in entities)
        {
            CatalogEntry Entry(OpenDataset d, IEnumerable<int> years, DateTimeOffset? modified) =>
                new(d, e.Slug, e.Name, e.WebsiteUrl, e.Email, [.. years.Distinct().OrderDescending()], modified);

            // Max() of DateTimeOffset runs here rather than in SQL: SQLite cannot compare them.
            var own = plans.Where(p => p.EntityId == e.Id).ToList();
            if (own.Count > 0)
            {
                var modified = own.Max(p => (DateTimeOffset?)p.Modified);
                entries.Add(Entry(OpenDatasets.Actions, own.Select(p => p.Year), modified));
                entries.Add(Entry(OpenDatasets.Schedule, own.Select(p => p.Year), modified));
                var years = own.Select(p => p.Year).ToHashSet();
                entries.Add(Entry(OpenDatasets.MonthlyProgress, years,
                    accepted.Where(r => r.EntityId == e.Id && years.Contains(r.Year)).Select(r => r.ReviewedAt).Append(modified).Max()));
            }
            var published = followUps.Where(f => f.EntityId == e.Id).ToList();
            if (published.Count > 0)
            {
                var modified = published.Max(f => f.PublishedAt);
                entries.Add(Entry(OpenDatasets.FollowUps, published.Select(f => f.Year), modified));
                entries.Add(Entry(OpenDatasets.ConsolidatedFollowUps, published.Select(f => f.Year), modified));
            }
            // The consultation's report is published by closing it: the years with a closed consultation.
            var consulted = consultations.Where(c => c.EntityId == e.Id).ToList();
            if (consulted.Count > 0)
            {
                entries.Add(Entry(OpenDatasets.Consultation, consulted.Select(c => c.Year), consulted.Max(c => c.ClosedAt)));
            }
            var ownMaps = maps.Where(m => m.EntityId == e.Id).ToList();
            if (ownMaps.Count > 0)
            {
                entries.Add(Entry(OpenDatasets.Risks, ownMaps.Select(m => m.Year), ownMaps.Max(m => m.PublishedAt)));
                // The map's monitoring and materializations change after the map: their date is the latest accepted
                // monitoring or recorded materialization of a year with a published map, the map's when there is none.
                var years = ownMaps.Select(m => m.Year).ToHashSet();
                var reviewed = monitorings.Where(m => m.EntityId == e.Id && years.Contains(m.Year)).Select(m => m.At);
                var recorded = materializations.Where(m => m.EntityId == e.Id && years.Contains(m.Year)).Select(m => (DateTimeOffset?)m.At);
                entries.Add(Entry(OpenDatasets.RiskMonitoring, years, reviewed.Append(ownMaps.Max(m => m.PublishedAt)).Max()));
                entries.Add(Entry(OpenDatasets.RiskMaterializations, years, recorded.Append(ownMaps.Max(m => m.PublishedAt)).Max()));
            }
        }
        // The audit trail is the installation's, not one entity's: published once, by the first entity registered.
        if (entities.Count > 0)
        {
            var first = entities[0];
            entries.Add(new CatalogEntry(OpenDatasets.AuditCheckpoints, first.Slug, first.Name, first.WebsiteUrl, first.Email, [],
                checkpoints.Count == 0 ? null : checkpoints.Max()));
            // The consolidated views are the installation's too: the nation's, and each department's that has public plans.
            var published = (await db.Plans.AsNoTracking().Where(ConsolidatedPlans.IsPublic)
                    .Select(p => new { p.Year, p.Entity!.DepartmentId, Published = p.Versions.Select(v => v.PublishedAt) })
                    .ToListAsync(ct))
                .Select(p => new { p.Year, p.DepartmentId, Modified = p.Published.Max() })
                .ToList();
            if (published.Count > 0)
            {
                entries.Add(new CatalogEntry(OpenDatasets.NationalCompliance, first.Slug, first.Name, first.WebsiteUrl, first.Email,
                    [.. published.Select(p => p.Year).Distinct().OrderDescending()], published.Max(p => p.Modified))
                { ScopeName = "Colombia" });
            }
            foreach (var department in Organisation.Departments.All)
            {
                var own = published.Where(p => p.DepartmentId == department.Id).ToList();
                if (own.Count > 0)
                {
                    entries.Add(new CatalogEntry(OpenDatasets.DepartmentCompliance, first.Slug, first.Name, first.WebsiteUrl, first.Email,
                        [.. own.Select(p => p.Year).Distinct().OrderDescending()], own.Max(p => p.Modified))
                    { DepartmentSlug = department.Slug, ScopeName = department.Name });
                }
            }
        }
        return entries;
    }
}
