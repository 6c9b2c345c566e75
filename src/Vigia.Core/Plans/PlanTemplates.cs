using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vigia.Core.Plans;

/// <summary>The structure a new plan starts from: its components and their subcomponents, with no activities. A
/// template is data (embedded <c>Plans/Templates/*.json</c>), so a methodology's change is a new file, not code.</summary>
public sealed record PlanTemplate(string Code, PlanKind Kind, string Name, string Title, string Source,
    IReadOnlyList<ComponentTemplate> Components);

public sealed record ComponentTemplate(string Name, IReadOnlyList<string> Subcomponents);

/// <summary>The templates shipped in Core.</summary>
public static class PlanTemplates
{
    private const string ResourcePrefix = "Vigia.Core.Plans.Templates.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Lazy<IReadOnlyList<PlanTemplate>> Loaded = new(Load);

    /// <summary>Every shipped template, PAAC first.</summary>
    public static IReadOnlyList<PlanTemplate> All => Loaded.Value;

    public static PlanTemplate? Find(string? code) => All.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.Ordinal));

    private static List<PlanTemplate> Load()
    {
        var assembly = typeof(PlanTemplates).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                return JsonSerializer.Deserialize<PlanTemplate>(stream, Json)
                    ?? throw new InvalidOperationException($"Empty plan template {n}.");
            })
            .OrderBy(t => t.Kind).ThenBy(t => t.Code, StringComparer.Ordinal).ToList();
    }
}
