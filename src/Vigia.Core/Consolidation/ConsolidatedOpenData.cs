using System.Text.Json;
using Vigia.Core.Compliance;
using Vigia.Core.OpenData;

namespace Vigia.Core.Consolidation;

/// <summary>A consolidated view as open data: one row per plan of the scope in rank order, with the columns of the page
/// (<see cref="OpenDatasets.NationalCompliance"/> and <see cref="OpenDatasets.DepartmentCompliance"/> share them). The
/// cells are the CSV's text; the JSON and the XLSX are written from the same cells, typed by the dictionary.</summary>
public static class ConsolidatedOpenData
{
    public static IReadOnlyList<string> Columns => OpenDatasets.NationalCompliance.ColumnNames;

    /// <summary>«3. Rendición de cuentas (25 %) | 1. Gestión del riesgo (50 %)»: the components furthest behind.</summary>
    public static string FurthestBehind(IEnumerable<ComponentStanding> components)
    {
        ArgumentNullException.ThrowIfNull(components);
        return string.Join(" | ", components.Select(c =>
            $"{c.Number.ToString(CultureInfo.InvariantCulture)}. {c.Name} ({Decimal(c.Official.Percent)} %)"));
    }

    public static IReadOnlyList<string> ToCells(EntityStanding s, int year, DateOnly at, ComplianceBands bands)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(bands);
        var o = s.Official;
        return
        [
            Integer(year),
            at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Integer(s.Rank),
            s.EntityName,
            s.EntitySlug,
            s.DepartmentName ?? "",
            s.DepartmentId is { } id ? Vigia.Core.Organisation.Departments.All.FirstOrDefault(d => d.Id == id)?.Code ?? "" : "",
            s.PlanTitle,
            Integer(o.Activities),
            Integer(o.ProgrammedActivities),
            Integer(o.CompletedActivities),
            Integer(o.Actions),
            Integer(o.ProgrammedActions),
            Integer(o.CompletedActions),
            o.Percent is { } p ? Decimal(p) : "",
            bands.Classify(o.Percent) is { } level ? ComplianceLevels.Code(level) : "",
            FurthestBehind(s.FurthestBehind),
            Integer(s.FollowUps.Due),
            Integer(s.FollowUps.OnTime),
            Integer(s.FollowUps.Late),
            Integer(s.FollowUps.Missing),
            s.Simulated ? "si" : "no",
        ];
    }

    /// <summary>One row as a JSON object, each cell by its column's type: numbers as numbers, an empty cell as null.</summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<string> cells)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(cells);
        var columns = OpenDatasets.NationalCompliance.Columns;
        json.WriteStartObject();
        for (var i = 0; i < columns.Count; i++)
        {
            var (name, text) = (columns[i].Name, cells[i]);
            if (text.Length == 0)
            {
                json.WriteNull(name);
                continue;
            }
            switch (columns[i].Type)
            {
                case ColumnType.WholeNumber:
                    json.WriteNumber(name, long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture));
                    break;
                case ColumnType.DecimalNumber:
                    json.WriteNumber(name, decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteString(name, text);
                    break;
            }
        }
        json.WriteEndObject();
    }

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Decimal(decimal? value) => value is { } v ? v.ToString("0.#", CultureInfo.InvariantCulture) : "";
}
