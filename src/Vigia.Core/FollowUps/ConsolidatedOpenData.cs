namespace Vigia.Core.FollowUps;

/// <summary>The consolidated follow-up as open data: one row per cut-off and component (and the plan's total, componente
/// «Total» with an empty number). A pending cut-off keeps its rows with estado «pendiente» and empty figures, so a
/// reader never takes it for 0 %. The year's figures are the last cut-off's rows.</summary>
public static class ConsolidatedOpenData
{
    /// <summary>The header, from the data dictionary (<see cref="OpenData.OpenDatasets.ConsolidatedFollowUps"/>).</summary>
    public static IReadOnlyList<string> Columns => OpenData.OpenDatasets.ConsolidatedFollowUps.ColumnNames;

    public static List<Dictionary<string, object?>> Rows(ConsolidatedFollowUp consolidated)
    {
        ArgumentNullException.ThrowIfNull(consolidated);
        var rows = new List<Dictionary<string, object?>>();
        for (var i = 0; i < consolidated.CutOffs.Count; i++)
        {
            var c = consolidated.CutOffs[i];
            var p = c.Published;
            foreach (var line in consolidated.Components.Append(consolidated.Total))
            {
                var t = line.AtCutOff[i];
                rows.Add(new Dictionary<string, object?>
                {
                    ["entidad"] = consolidated.EntityName,
                    ["vigencia"] = consolidated.PlanYear,
                    ["seguimiento"] = c.Number,
                    ["corte"] = Iso(c.Date),
                    ["fecha_limite_publicacion"] = Iso(c.PublicationDeadline),
                    ["estado"] = p is null ? "pendiente" : t is null ? "no incluido" : "publicado",
                    ["fecha_publicacion"] = p is null ? null : Iso(p.PublishedOn),
                    ["publicado_a_tiempo"] = p is null ? null : p.Late ? "no" : "si",
                    ["version"] = p?.Version,
                    ["sha256_instantanea"] = p?.Sha256,
                    ["componente_numero"] = line.Number,
                    ["componente"] = line.Name,
                    ["actividades_programadas"] = t?.ProgrammedActivities,
                    ["actividades_cumplidas"] = t?.CompletedActivities,
                    ["avance_porcentaje"] = t?.CompliancePercent,
                    ["zona"] = t?.Band,
                    ["acciones_programadas"] = t?.ProgrammedActions,
                    ["acciones_cumplidas"] = t?.CompletedActions,
                    ["datos_simulados"] = p is null ? null : p.Simulated ? "si" : "no",
                });
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
