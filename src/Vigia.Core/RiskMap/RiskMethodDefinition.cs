using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigia.Core.RiskMap;

/// <summary>How a method sets the inherent probability: from the yearly frequency of the activity (DAFP v5/v6), or as
/// the level the map declares (the 2015 guide, whose probability is a judgement, not a count).</summary>
public enum ProbabilityBasis
{
    Frequency = 1,
    Declared = 2,
}

/// <summary>A probability or impact level of a method: its number on the heat map, its Spanish name and its value
/// (a percentage in v5/v6, points in 2015).</summary>
/// <param name="MaxFrequency">Highest yearly frequency of the activity that still falls in this level; null for the top
/// level (or where the method does not use frequency).</param>
public sealed record RiskLevel(int Level, string Name, decimal Value, string? Description = null, int? MaxFrequency = null, string? Confidence = null);

public sealed record RiskZoneDefinition(string Code, string Name, string Colour, int Rank);

public sealed record HeatMapCell(int Probability, int Impact, string Zone);

public sealed record ImpactQuestion(int Number, string Text);

/// <summary>So many «sí» answers give this impact level.</summary>
public sealed record ImpactBand(int MinYes, int MaxYes, int Impact);

/// <summary>A «sí» to this question gives at least this impact, whatever the count.</summary>
public sealed record ImpactForcing(int Question, int Impact, string? Confidence = null);

public sealed record CorruptionImpactQuestionnaire(string Preamble, IReadOnlyList<ImpactQuestion> Questions, IReadOnlyList<ImpactBand> Bands,
    IReadOnlyList<ImpactForcing> Forcing, string? Confidence = null);

/// <summary>What a control's type moves on the heat map.</summary>
public enum ControlEffect
{
    None = 0,
    Probability = 1,
    Impact = 2,
}

public sealed record ControlOption(string Code, string Name, decimal Weight = 0, ControlEffect Affects = ControlEffect.None, string? Description = null,
    string? Confidence = null);

/// <summary>A control attribute (tipo, implementación, documentación…); the weighted ones add up to the control's score.</summary>
public sealed record ControlAttribute(string Code, string Name, bool Weighted, IReadOnlyList<ControlOption> Options)
{
    public ControlOption? Option(string? code) => Options.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.Ordinal));
}

public sealed record ControlRating(IReadOnlyList<ControlAttribute> Attributes)
{
    public ControlAttribute? Attribute(string code) => Attributes.FirstOrDefault(a => string.Equals(a.Code, code, StringComparison.Ordinal));
}

/// <param name="Sequential">Each control acts on the value the previous one left (not on the inherent value).</param>
/// <param name="CorruptionImpactMoves">Whether controls may lower the impact of a corruption risk.</param>
public sealed record ResidualRule(bool Sequential, bool CorruptionImpactMoves, string Description, string? Confidence = null);

public sealed record TreatmentOption(string Code, string Name, bool AllowedForCorruption);

/// <summary>
/// One revision of a risk-assessment method, exactly as its embedded JSON file (<c>RiskMap/Methods/*.json</c>) says:
/// levels, heat map, the corruption-impact questionnaire, control weights, the residual rule, the treatments.
/// </summary>
/// <remarks>Values the reference marks as recollection carry <c>confidence: "R"</c> here, so a correction is a new
/// revision of the file, not a change of code; a risk keeps the revision it was assessed with.</remarks>
public sealed record RiskMethodDefinition(
    string Code,
    int Revision,
    string Name,
    string GuideVersion,
    string GuideDate,
    string RevisionNote,
    string ValueUnit,
    ProbabilityBasis ProbabilityBasis,
    IReadOnlyList<RiskLevel> ProbabilityLevels,
    IReadOnlyList<RiskLevel> ImpactLevels,
    IReadOnlyList<RiskZoneDefinition> Zones,
    IReadOnlyList<HeatMapCell> HeatMap,
    CorruptionImpactQuestionnaire? CorruptionImpact,
    ControlRating? Controls,
    ResidualRule? Residual,
    IReadOnlyList<TreatmentOption> Treatments,
    string? HeatMapConfidence = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = false,
    };

    public static RiskMethodDefinition Parse(string json)
    {
        var method = JsonSerializer.Deserialize<RiskMethodDefinition>(json, Json)
            ?? throw new InvalidOperationException("The risk method file is empty.");
        method.Validate();
        return method;
    }

    public RiskLevel Probability(int level) => ProbabilityLevels.Single(l => l.Level == level);

    public RiskLevel Impact(int level) => ImpactLevels.Single(l => l.Level == level);

    public RiskZoneDefinition Zone(string code) => Zones.Single(z => string.Equals(z.Code, code, StringComparison.Ordinal));

    public RiskZoneDefinition ZoneOf(int probability, int impact) =>
        Zone(HeatMap.Single(c => c.Probability == probability && c.Impact == impact).Zone);

    /// <summary>A file that would give a risk no zone, or two, is refused when it is loaded, not when a risk meets it.</summary>
    private void Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Code) || Revision < 1)
        {
            problems.Add("code and a revision of 1 or more are required");
        }
        if (ProbabilityLevels.Count == 0 || ImpactLevels.Count == 0)
        {
            problems.Add("probability and impact levels are required");
        }
        foreach (var p in ProbabilityLevels)
        {
            foreach (var i in ImpactLevels)
            {
                var cells = HeatMap.Count(c => c.Probability == p.Level && c.Impact == i.Level);
                if (cells != 1)
                {
                    problems.Add($"heat map has {cells} cells for probability {p.Level} × impact {i.Level}");
                }
            }
        }
        if (HeatMap.Count != ProbabilityLevels.Count * ImpactLevels.Count)
        {
            problems.Add("heat map has cells outside the levels");
        }
        problems.AddRange(HeatMap.Where(c => !Zones.Any(z => z.Code == c.Zone)).Select(c => $"unknown zone «{c.Zone}»"));
        if (ProbabilityBasis == ProbabilityBasis.Frequency)
        {
            var bounded = ProbabilityLevels.OrderBy(l => l.Level).ToList();
            if (bounded[^1].MaxFrequency is not null || bounded.SkipLast(1).Any(l => l.MaxFrequency is null)
                || bounded.SkipLast(1).Zip(bounded.Skip(1).SkipLast(1)).Any(x => x.First.MaxFrequency >= x.Second.MaxFrequency))
            {
                problems.Add("frequency bounds must grow and leave only the top level open");
            }
        }
        if (CorruptionImpact is { } q)
        {
            var expected = 1;
            foreach (var band in q.Bands.OrderBy(b => b.MinYes))
            {
                if (band.MinYes != expected || band.MaxYes < band.MinYes || ImpactLevels.All(l => l.Level != band.Impact))
                {
                    problems.Add($"questionnaire band {band.MinYes}–{band.MaxYes} leaves a gap or names an unknown impact");
                }
                expected = band.MaxYes + 1;
            }
            if (expected != q.Questions.Count + 1)
            {
                problems.Add("questionnaire bands must cover 1 to the number of questions");
            }
        }
        if (Controls is not null && Residual is null)
        {
            problems.Add("a method that rates controls needs a residual rule");
        }
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"Risk method {Code} revision {Revision} is not valid: {string.Join("; ", problems)}.");
        }
    }
}
