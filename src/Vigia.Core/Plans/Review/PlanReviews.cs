namespace Vigia.Core.Plans.Review;

/// <summary>The review of one version: which version it is and what it found.</summary>
public sealed record PlanReviewReport(int PlanId, int Year, int VersionNumber, VersionStatus Status, bool IsLatest,
    IReadOnlyList<ReviewFinding> Findings)
{
    public int ErrorCount => Findings.Count(f => f.Severity == FindingSeverity.Error);
    public int WarningCount => Findings.Count(f => f.Severity == FindingSeverity.Warning);
    public int PlainLanguageCount => Findings.Count(f => f.Severity == FindingSeverity.PlainLanguage);
}

/// <summary>Runs <see cref="PlanReview"/> on a stored plan: the live draft or any frozen version, with the entity's
/// unit catalogue and groups and the actions' assignments.</summary>
public static class PlanReviews
{
    /// <summary>The review of version <paramref name="versionNumber"/>, or of the latest version (the draft being
    /// prepared, if any) when null; null when the plan or the version does not exist.</summary>
    public static async Task<PlanReviewReport?> RunAsync(AppDbContext db, int planId, int? versionNumber, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => new { p.Id, p.Year, p.EntityId }).SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return null;
        }
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId)
            .Select(v => new { v.Number, v.Status }).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }
        var latest = versions.Max(v => v.Number);
        var number = versionNumber ?? latest;
        var version = versions.SingleOrDefault(v => v.Number == number);
        var content = version is null ? null : await PlanLifecycleService.ContentAsync(db, planId, number, ct);
        if (version is null || content is null)
        {
            return null;
        }
        var context = await ContextAsync(db, planId, plan.Year, plan.EntityId, ct);
        return new PlanReviewReport(planId, plan.Year, number, version.Status, number == latest, PlanReview.Run(content, context));
    }

    /// <summary>The number of errors in the latest version: what publishing must have accepted with a reason.</summary>
    public static async Task<int> OpenErrorCountAsync(AppDbContext db, int planId, CancellationToken ct) =>
        (await RunAsync(db, planId, null, ct))?.ErrorCount ?? 0;

    private static async Task<PlanReviewContext> ContextAsync(AppDbContext db, int planId, int year, int entityId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.EntityId == entityId)
            .Select(u => new ReviewUnit(u.Id, u.Name, u.IsActive)).ToListAsync(ct);
        var groups = await db.UnitGroups.AsNoTracking().Where(g => g.EntityId == entityId)
            .Select(g => new ReviewGroup(g.Id, g.RuleKey, g.Name, g.Members.Count)).ToListAsync(ct);
        var unitLinks = await db.ActionUnits.AsNoTracking().Where(a => a.Action!.Activity!.Component!.PlanId == planId)
            .Select(a => new { a.ActionId, a.UnitId }).ToListAsync(ct);
        var groupLinks = await db.ActionUnitGroups.AsNoTracking().Where(a => a.Action!.Activity!.Component!.PlanId == planId)
            .Select(a => new { a.ActionId, a.GroupId }).ToListAsync(ct);
        var responsibles = unitLinks.Select(l => l.ActionId).Concat(groupLinks.Select(l => l.ActionId)).Distinct()
            .ToDictionary(id => id, id => new ActionResponsibles(
                unitLinks.Where(l => l.ActionId == id).Select(l => l.UnitId).ToList(),
                groupLinks.Where(l => l.ActionId == id).Select(l => l.GroupId).ToList()));
        return new PlanReviewContext(year, units, groups, responsibles);
    }
}
