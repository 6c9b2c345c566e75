using Vigia.Core.OpenData;

namespace Vigia.Core.Consultation;

/// <summary>The consultation's report as open data: one row per comment, Spanish snake_case columns. A hidden comment
/// keeps its row with an empty text and the reason; the author only with consent; the e-mail never.</summary>
public static class ConsultationOpenData
{
    /// <summary>The header of every file: the registry's data dictionary (<see cref="OpenDatasets.Consultation"/>).</summary>
    public static IReadOnlyList<string> Columns => OpenDatasets.Consultation.ColumnNames;

    public static List<Dictionary<string, object?>> Rows(ConsultationView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Comments.Select(c => new Dictionary<string, object?>
        {
            ["entidad"] = report.EntityName,
            ["vigencia"] = report.Year,
            ["version_consultada"] = report.VersionNumber,
            ["apertura"] = Iso(report.OpensOn),
            ["cierre_previsto"] = Iso(report.ClosesOn),
            ["cerrada_el"] = report.ClosedOn is { } on ? Iso(on) : null,
            ["comentario_numero"] = c.Number,
            ["sobre"] = c.TargetLabel,
            ["accion_id"] = c.ActionId,
            ["componente_numero"] = c.ComponentNumber,
            ["comentario"] = c.Text,
            ["autor"] = c.Author,
            ["recibido"] = c.ReceivedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["oculto"] = c.IsHidden ? "si" : "no",
            ["motivo_ocultamiento"] = c.HiddenReason,
            ["agrupado_con"] = c.DuplicateOfNumber,
            ["respuesta"] = c.Answer,
            ["respondido"] = c.AnsweredAt?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["modifica_el_plan"] = c.Answer is null ? null : c.ChangesPlan ? "si" : "no",
            ["accion_modificada"] = c.ChangedActionLabel,
        }).ToList();
    }

    public static IReadOnlyList<string> ToCells(Dictionary<string, object?> row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Columns.Select(c => row[c] switch
        {
            null => "",
            int i => i.ToString(CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
        }).ToList();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
