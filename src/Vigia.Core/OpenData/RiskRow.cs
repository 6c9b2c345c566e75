using Vigia.Core.RiskMap;

namespace Vigia.Core.OpenData;

/// <summary>One risk of a year's corruption risk map flattened for open data, with the levels as words.</summary>
public sealed record RiskRow(
    string Code,
    string Process,
    string Risk,
    string Classification,
    string Causes,
    string InherentProbability,
    string InherentImpact,
    string InherentZone,
    string Controls,
    string ResidualProbability,
    string ResidualImpact,
    string ResidualZone,
    string Treatment,
    decimal ResidualProbabilityPercent,
    decimal ResidualImpactPercent)
{
    /// <summary>The risk's own columns: the data dictionary (<see cref="OpenDatasets.Risks"/>) without the map's version.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. OpenDatasets.Risks.ColumnNames.Where(c => c != VersionColumn)];

    public IReadOnlyList<string> ToCells() =>
    [
        Code, Process, Risk, Classification, Causes, InherentProbability, InherentImpact, InherentZone, Controls,
        ResidualProbability, ResidualImpact, ResidualZone, Treatment,
        ActionRow.FormatNumber(ResidualProbabilityPercent), ActionRow.FormatNumber(ResidualImpactPercent),
    ];

    /// <summary>The column that says which published version of the map a file holds (the same on every row).</summary>
    public const string VersionColumn = "version_mapa";

    /// <summary>The published dataset's columns: <see cref="Columns"/> and the map's version.</summary>
    public static IReadOnlyList<string> PublishedColumns => OpenDatasets.Risks.ColumnNames;

    public IReadOnlyList<string> ToCells(int version) => [.. ToCells(), version.ToString(CultureInfo.InvariantCulture)];

    /// <summary>The risks of <paramref name="entityId"/>'s live map of <paramref name="year"/>, by process and reference.</summary>
    public static async Task<List<RiskRow>> LoadAsync(AppDbContext db, RiskMethodCatalog methods, int entityId, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(methods);
        var definitions = await methods.DefinitionsAsync(ct);
        var risks = await db.Risks.AsNoTracking().Include(r => r.Controls).Include(r => r.Process)
            .Where(r => r.Year == year && r.Process!.EntityId == entityId).ToListAsync(ct);
        return From(risks.OrderBy(r => r.Process!.Name, SpanishText.NameOrder).ThenBy(r => r.Code, StringComparer.Ordinal), definitions);
    }

    /// <summary>Rows of risks already in order, live or from a published version (<see cref="RiskMapSnapshot.ToRisks"/>).</summary>
    public static List<RiskRow> From(IEnumerable<Risk> risks, IReadOnlyDictionary<int, RiskMethodDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(risks);
        ArgumentNullException.ThrowIfNull(definitions);
        return risks.Select(r =>
        {
            var m = definitions[r.MethodId];
            var inherent = RiskPositionText.Of(m, r.InherentProbability, r.InherentImpact, r.InherentZone);
            var residual = RiskPositionText.Of(m, r.ResidualProbability, r.ResidualImpact, r.ResidualZone);
            var controls = string.Join(" | ", r.Controls.OrderBy(c => c.Number).Select(c =>
                $"{c.Number}. {c.Description} ({RiskText.Option(m, "tipo", c.Type)}, {RiskText.Option(m, "implementacion", c.Implementation)})"));
            return new RiskRow(r.Code, r.Process!.Name, r.Description, r.Classification, $"Causa inmediata: {r.ImmediateCause} | Causa raíz: {r.RootCause}",
                inherent.Probability, inherent.Impact, inherent.Zone, controls, residual.Probability, residual.Impact, residual.Zone,
                RiskText.Treatment(m, r.Treatment), r.ResidualProbabilityValue, r.ResidualImpactValue);
        }).ToList();
    }
}
