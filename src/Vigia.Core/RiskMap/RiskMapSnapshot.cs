using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigia.Core.Organisation;

namespace Vigia.Core.RiskMap;

/// <summary>The content of one published version of a year's risk map, as stored on <see cref="RiskMapVersion.Snapshot"/>:
/// every risk with its texts, its controls and the positions its method gave it, and the process it belonged to.</summary>
public sealed record RiskMapSnapshot(string Entity, int Year, IReadOnlyList<RiskSnapshot> Risks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RiskMapSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<RiskMapSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty risk map snapshot.");

    public static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>The entity's live map of the year, in process and reference order.</summary>
    public static async Task<RiskMapSnapshot> LoadAsync(AppDbContext db, int entityId, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == entityId).Select(e => e.Name).SingleAsync(ct);
        var risks = await db.Risks.AsNoTracking().Include(r => r.Controls).Include(r => r.Process)
            .Where(r => r.Year == year && r.Process!.EntityId == entityId).ToListAsync(ct);
        return new RiskMapSnapshot(entity, year, risks.OrderBy(r => r.Process!.Name, SpanishText.NameOrder).ThenBy(r => r.Code, StringComparer.Ordinal)
            .Select(RiskSnapshot.Of).ToList());
    }

    /// <summary>The snapshot's risks as detached entities, so the exporters that read live risks read a version the same way.</summary>
    public IReadOnlyList<Risk> ToRisks() => Risks.Select(r => r.ToRisk(Year)).ToList();
}

public sealed record RiskSnapshot(int ProcessId, string Process, string? ProcessObjective, string Code, string Description, string Classification,
    bool ActionOrOmission, bool UseOfPower, bool DeviationFromPublicInterest, bool PrivateBenefit, string ImmediateCause, string RootCause,
    string Consequences, int ActivityFrequency, string ImpactAnswers, int MethodId, int InherentProbability, int InherentImpact, string InherentZone,
    int ResidualProbability, int ResidualImpact, string ResidualZone, decimal ResidualProbabilityValue, decimal ResidualImpactValue,
    string Treatment, IReadOnlyList<ControlSnapshot> Controls)
{
    public static RiskSnapshot Of(Risk r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.ProcessId, r.Process!.Name, r.Process.Objective, r.Code, r.Description, r.Classification, r.ActionOrOmission, r.UseOfPower,
            r.DeviationFromPublicInterest, r.PrivateBenefit, r.ImmediateCause, r.RootCause, r.Consequences, r.ActivityFrequency, r.ImpactAnswers,
            r.MethodId, r.InherentProbability, r.InherentImpact, r.InherentZone, r.ResidualProbability, r.ResidualImpact, r.ResidualZone,
            r.ResidualProbabilityValue, r.ResidualImpactValue, r.Treatment,
            r.Controls.OrderBy(c => c.Number).Select(c => new ControlSnapshot(c.Number, c.Description, c.ResponsiblePost, c.Type, c.Implementation,
                c.Documentation, c.Frequency, c.Evidence, c.Score)).ToList());
    }

    public Risk ToRisk(int year) => new()
    {
        ProcessId = ProcessId,
        Process = new Process { Id = ProcessId, Name = Process, Objective = ProcessObjective },
        Year = year,
        Code = Code,
        Description = Description,
        Classification = Classification,
        ActionOrOmission = ActionOrOmission,
        UseOfPower = UseOfPower,
        DeviationFromPublicInterest = DeviationFromPublicInterest,
        PrivateBenefit = PrivateBenefit,
        ImmediateCause = ImmediateCause,
        RootCause = RootCause,
        Consequences = Consequences,
        ActivityFrequency = ActivityFrequency,
        ImpactAnswers = ImpactAnswers,
        MethodId = MethodId,
        InherentProbability = InherentProbability,
        InherentImpact = InherentImpact,
        InherentZone = InherentZone,
        ResidualProbability = ResidualProbability,
        ResidualImpact = ResidualImpact,
        ResidualZone = ResidualZone,
        ResidualProbabilityValue = ResidualProbabilityValue,
        ResidualImpactValue = ResidualImpactValue,
        Treatment = Treatment,
        Controls = Controls.Select(c => new RiskControl
        {
            Number = c.Number,
            Description = c.Description,
            ResponsiblePost = c.ResponsiblePost,
            Type = c.Type,
            Implementation = c.Implementation,
            Documentation = c.Documentation,
            Frequency = c.Frequency,
            Evidence = c.Evidence,
            Score = c.Score,
        }).ToList(),
    };
}

public sealed record ControlSnapshot(int Number, string Description, string ResponsiblePost, string Type, string Implementation,
    string Documentation, string Frequency, string Evidence, decimal Score);
