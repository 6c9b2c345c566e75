using Vigia.Core.Compliance;

namespace Vigia.Core.FollowUps;

/// <summary>The published version of one cut-off that the consolidated follow-up reads.</summary>
public sealed record ConsolidatedPublication(int FollowUpId, int Version, DateOnly PublishedOn, bool Late, string? Sha256, bool Simulated);

/// <summary>One cut-off of the year; <see cref="Published"/> is null while its follow-up is not published («Pendiente»).</summary>
public sealed record ConsolidatedCutOff(int Number, DateOnly Date, DateOnly PublicationDeadline, ConsolidatedPublication? Published)
{
    public bool Pending => Published is null;
}

/// <summary>A component (or the plan's total, <see cref="Number"/> null) at each cut-off: the totals frozen in that
/// cut-off's published snapshot, null where the cut-off is pending or its snapshot did not have the component.</summary>
public sealed record ConsolidatedRow(int? Number, string Name, IReadOnlyList<SnapshotTotals?> AtCutOff)
{
    public string Label => Number is { } n ? $"{n}. {Name}" : Name;
}

/// <summary>Control Interno's cut-offs of one plan side by side. Every figure is copied from a published follow-up's
/// frozen snapshot (the same numbers that follow-up shows), never recomputed from live data. The period of each
/// cut-off runs from January to its date, so the year's figure is the last cut-off's (<see cref="Year"/>).</summary>
public sealed record ConsolidatedFollowUp(string EntityName, string EntitySlug, int PlanYear, string PlanKind, string PlanTitle,
    IReadOnlyList<ConsolidatedCutOff> CutOffs, IReadOnlyList<ConsolidatedRow> Components, ConsolidatedRow Total)
{
    /// <summary>Rests on a follow-up built on the demo simulation's reports: every output says so.</summary>
    public bool Simulated => CutOffs.Any(c => c.Published?.Simulated == true);

    public bool AnyPublished => CutOffs.Any(c => !c.Pending);

    public bool AnyLate => CutOffs.Any(c => c.Published?.Late == true);

    /// <summary>The cut-off that closes the year (the last of the schedule): its figures are the year's.</summary>
    public ConsolidatedCutOff Year => CutOffs[^1];

    public string FileStem => $"seguimientos-{EntitySlug}-{PlanYear.ToString(CultureInfo.InvariantCulture)}-consolidado";

    public static string Title(string planKind) => FollowUpText.Title(planKind).Replace("FORMATO SEGUIMIENTO", "SEGUIMIENTO CONSOLIDADO", StringComparison.Ordinal);
}

/// <summary>Loads the consolidated follow-up of a plan from its published follow-ups.</summary>
public sealed class FollowUpConsolidation(AppDbContext db, FollowUpCalendar calendar)
{
    public async Task<ConsolidatedFollowUp> LoadAsync(int planId, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new { p.Year, p.Kind, p.Title, EntityName = p.Entity!.Name, p.Entity.Slug })
            .SingleAsync(ct);
        var published = (await db.Set<FollowUp>().AsNoTracking()
                .Where(f => f.PlanId == planId && f.Status == FollowUpStatus.Published)
                .ToListAsync(ct))
            .GroupBy(f => f.CutOffDate)
            .Select(g => g.MaxBy(f => f.Version)!)
            .ToDictionary(f => f.CutOffDate, f => (FollowUp: f, Snapshot: SnapshotJson.Deserialize(f.SnapshotJson!)));

        var schedule = await calendar.CutOffsAsync(planId, ct);
        // A follow-up published under an earlier cut-off setting keeps its place beside the cut-offs in force.
        var dates = schedule.Select(c => (c.CutOffDate, c.PublicationDeadline))
            .Concat(published.Values.Where(p => schedule.All(c => c.CutOffDate != p.FollowUp.CutOffDate))
                .Select(p => (p.FollowUp.CutOffDate, p.FollowUp.PublicationDeadline)))
            .OrderBy(d => d.CutOffDate)
            .ToList();
        var cutOffs = dates.Select((d, i) => new ConsolidatedCutOff(i + 1, d.CutOffDate, d.PublicationDeadline,
            published.TryGetValue(d.CutOffDate, out var p)
                ? new ConsolidatedPublication(p.FollowUp.Id, p.FollowUp.Version, p.FollowUp.PublishedOn!.Value, p.FollowUp.PublishedLate,
                    p.FollowUp.SnapshotSha256, p.Snapshot.Simulated)
                : null)).ToList();
        var snapshots = cutOffs.Select(c => published.TryGetValue(c.Date, out var p) ? p.Snapshot : null).ToList();

        var names = await db.Components.AsNoTracking().Where(c => c.PlanId == planId)
            .Select(c => new { c.Number, c.Name }).ToDictionaryAsync(c => c.Number, c => c.Name, ct);
        // The latest snapshot names a component as it was published; the plan names one no follow-up has seen yet.
        foreach (var component in snapshots.OfType<FollowUpSnapshot>().SelectMany(s => s.Components))
        {
            names[component.Number] = component.Name;
        }
        var components = names.OrderBy(n => n.Key).Select(n => new ConsolidatedRow(n.Key, n.Value,
            snapshots.Select(s => s?.Components.FirstOrDefault(c => c.Number == n.Key)?.Totals).ToList())).ToList();
        var total = new ConsolidatedRow(null, "Total", snapshots.Select(s => s?.Totals).ToList());
        return new ConsolidatedFollowUp(plan.EntityName, plan.Slug, plan.Year, plan.Kind.ToString(), plan.Title, cutOffs, components, total);
    }
}

/// <summary>The Spanish words of the consolidated follow-up, the same on screen, in XLSX, PDF and open data.</summary>
public static class ConsolidatedText
{
    public const string Pending = "Pendiente";

    public static IReadOnlyList<string> CutOffHeaders { get; } = ["Actividades programadas", "Actividades cumplidas", "% de avance", "Zona"];

    public static string CutOff(ConsolidatedCutOff cutOff)
    {
        ArgumentNullException.ThrowIfNull(cutOff);
        return $"{FollowUpText.Ordinal(cutOff.Number)}: corte del {FollowUpText.Date(cutOff.Date)}";
    }

    public static string Year(ConsolidatedFollowUp consolidated)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        return $"Vigencia {consolidated.PlanYear.ToString(CultureInfo.InvariantCulture)} (acumulado al {FollowUpText.Date(consolidated.Year.Date)})";
    }

    /// <summary>Where the cut-off stands: published on time or late, with its version, or pending.</summary>
    public static string Status(ConsolidatedCutOff cutOff)
    {
        ArgumentNullException.ThrowIfNull(cutOff);
        return cutOff.Published is not { } p
            ? $"{Pending}: sin seguimiento publicado (plazo: {FollowUpText.Date(cutOff.PublicationDeadline)})"
            : $"Publicado el {FollowUpText.Date(p.PublishedOn)}, versión {p.Version.ToString(CultureInfo.InvariantCulture)}"
                + (p.Late ? $" · Publicado fuera del plazo (vencía el {FollowUpText.Date(cutOff.PublicationDeadline)})" : " · dentro del plazo")
                + (p.Simulated ? " · Datos simulados" : "");
    }

    public const string Computation = "Cada corte muestra las cifras del seguimiento publicado de Control Interno, congeladas en su "
        + "instantánea: actividades programadas desde enero hasta la fecha del corte, actividades cumplidas y % de avance = cumplidas ÷ "
        + "programadas. Como cada periodo es acumulado, la cifra de la vigencia es la del último corte. «Pendiente»: ese corte aún no "
        + "tiene seguimiento publicado (no es 0 %).";

    public const string SimulatedNotice = "DATOS SIMULADOS: al menos un seguimiento de esta vigencia se basa en reportes de avance "
        + "generados automáticamente para la demostración de Vigía; no corresponden a la ejecución real de la entidad.";

    /// <summary>What a cell without figures says: the cut-off is pending, or its snapshot had no such component.</summary>
    public static string Missing(ConsolidatedCutOff cutOff)
    {
        ArgumentNullException.ThrowIfNull(cutOff);
        return cutOff.Pending ? Pending : "No incluido en este seguimiento";
    }

    public static ComplianceLevel? Level(SnapshotTotals? totals) => ComplianceLevels.FromCode(totals?.Band);
}
