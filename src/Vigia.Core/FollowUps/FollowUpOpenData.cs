namespace Vigia.Core.FollowUps;

/// <summary>The published follow-ups of a plan as open data: one row per action assessment of the current
/// (latest published) version of each cut-off, read from the frozen snapshots.</summary>
public static class FollowUpOpenData
{
    /// <summary>The header, from the data dictionary (<see cref="OpenData.OpenDatasets.FollowUps"/>).</summary>
    public static IReadOnlyList<string> Columns => OpenData.OpenDatasets.FollowUps.ColumnNames;

    public static async Task<List<Dictionary<string, object?>>> LoadAsync(AppDbContext db, int planId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var published = await db.Set<FollowUp>().AsNoTracking()
            .Where(f => f.PlanId == planId && f.Status == FollowUpStatus.Published)
            .OrderBy(f => f.CutOffDate).ThenByDescending(f => f.Version)
            .ToListAsync(ct);
        var rows = new List<Dictionary<string, object?>>();
        foreach (var f in published.GroupBy(f => f.CutOffDate).Select(g => g.First()))
        {
            var s = SnapshotJson.Deserialize(f.SnapshotJson!);
            foreach (var c in s.Components)
            {
                foreach (var a in c.Actions)
                {
                    rows.Add(new Dictionary<string, object?>
                    {
                        ["entidad"] = s.Entity.Name,
                        ["vigencia"] = s.Plan.Year,
                        ["corte"] = Iso(s.CutOff.Date),
                        ["seguimiento"] = s.CutOff.Number,
                        ["version"] = f.Version,
                        ["fecha_publicacion"] = f.PublishedOn is { } on ? Iso(on) : null,
                        ["fecha_limite_publicacion"] = Iso(s.CutOff.PublicationDeadline),
                        ["publicado_a_tiempo"] = f.PublishedLate ? "no" : "si",
                        ["sha256_instantanea"] = f.SnapshotSha256,
                        ["componente"] = $"{c.Number}. {c.Name}",
                        ["actividad_codigo"] = a.ActivityCode,
                        ["actividad"] = a.ActivityName,
                        ["accion"] = a.Number,
                        ["meta"] = a.Goal,
                        ["responsables"] = string.Join(" | ", a.ResponsibleUnits),
                        ["programada_en_el_periodo"] = a.Programmed ? "si" : "no",
                        ["estado"] = a.Assessment is null ? "" : FollowUpText.Status(a.Assessment.StatusValue).ToLowerInvariant(),
                        ["avance_verificado_porcentaje"] = a.Assessment?.VerifiedPercent,
                        ["cantidad_verificada"] = a.Assessment?.VerifiedQuantity,
                        ["observaciones"] = a.Assessment?.Observations ?? "",
                        ["cumplida"] = a.Completed ? "si" : "no",
                        ["segun_reportes"] = FollowUpText.FromReports(a).ToLowerInvariant(),
                        ["datos_simulados"] = s.Simulated ? "si" : "no",
                    });
                }
            }
        }
        return rows;
    }

    public static IReadOnlyList<string> ToCells(Dictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Columns.Select(c => row[c] switch
        {
            null => "",
            decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            var v => v.ToString() ?? "",
        }).ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
