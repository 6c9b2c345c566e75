namespace Vigia.Core.Plans;

/// <summary>One published version in the change log, with what changed from the published version before it
/// (none for the first).</summary>
public sealed record ChangeLogEntry(VersionSummary Version, int? PreviousNumber, IReadOnlyList<ItemChange> Changes);

/// <summary>The plan's «control de cambios» as the document carries it: every published version in order, its
/// justification and approval, and the field-by-field difference from the version before (<see cref="PlanVersionDiff"/>,
/// the same the public comparison page shows). A draft revision is not in it.</summary>
public sealed record PlanChangeLog(string EntityName, string EntitySlug, int Year, string PlanTitle, IReadOnlyList<ChangeLogEntry> Entries)
{
    public string Title => string.Create(CultureInfo.InvariantCulture, $"Control de cambios — {PlanTitle} {Year} — {EntityName}");

    public string FileName => string.Create(CultureInfo.InvariantCulture, $"control-de-cambios-{EntitySlug}-{Year}.pdf");

    public static async Task<PlanChangeLog> LoadAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var header = await PlanHeader.LoadAsync(db, planId, ct);
        var versions = await PlanVersions.ListAsync(db, planId, includeDrafts: false, ct);
        var entries = new List<ChangeLogEntry>();
        PlanSnapshot? previous = null;
        int? previousNumber = null;
        foreach (var version in versions.Where(v => v.Status == VersionStatus.Published))
        {
            var content = await PlanLifecycleService.ContentAsync(db, planId, version.Number, ct);
            var changes = previous is null || content is null ? [] : PlanVersionDiff.Compare(previous, content);
            entries.Add(new ChangeLogEntry(version, previousNumber, changes));
            previous = content;
            previousNumber = version.Number;
        }
        return new PlanChangeLog(header.EntityName, header.EntitySlug, header.Year, header.Title, entries);
    }
}
