namespace Vigia.Core.RiskMap;

/// <summary>One revision of a risk method as stored: the JSON it was loaded from, word for word, and its hash.
/// Rows are only ever added; a risk points at the row it was assessed with, so a later revision changes no past
/// assessment.</summary>
public class RiskMethod
{
    public int Id { get; set; }
    /// <summary>Stable name of the method across revisions: <c>dafp-v5</c>, <c>dafp-v6</c>, <c>dafp-2015</c>.</summary>
    public required string Code { get; set; }
    public int Revision { get; set; }
    public required string Name { get; set; }
    public required string Content { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset LoadedAt { get; set; }

    public RiskMethodDefinition Definition() => RiskMethodDefinition.Parse(Content);
}
