namespace Vigia.Core.RiskMap;

/// <summary>A risk's position in words, with the method that placed it: «Baja», «Mayor», «Extremo».</summary>
public sealed record RiskPositionText(string Probability, string Impact, string Zone, string ZoneCode)
{
    public static RiskPositionText Of(RiskMethodDefinition method, int probability, int impact, string zone)
    {
        ArgumentNullException.ThrowIfNull(method);
        return new(method.Probability(probability).Name, method.Impact(impact).Name, method.Zone(zone).Name, zone);
    }
}

/// <summary>Texts of the risk map shared by pages and files.</summary>
public static class RiskText
{
    /// <summary>A percentage as the matrix writes it: «25,2 %».</summary>
    public static string Percent(decimal value) =>
        $"{Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.##", SpanishFormat.Culture)} %";

    public static string Inherent(Risk risk, RiskMethodDefinition method)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return Describe(RiskPositionText.Of(method, risk.InherentProbability, risk.InherentImpact, risk.InherentZone));
    }

    public static string Residual(Risk risk, RiskMethodDefinition method)
    {
        ArgumentNullException.ThrowIfNull(risk);
        return Describe(RiskPositionText.Of(method, risk.ResidualProbability, risk.ResidualImpact, risk.ResidualZone));
    }

    public static string Describe(RiskPositionText position)
    {
        ArgumentNullException.ThrowIfNull(position);
        return $"probabilidad {position.Probability.ToLower(SpanishFormat.Culture)}, impacto {position.Impact.ToLower(SpanishFormat.Culture)}: zona {position.Zone.ToLower(SpanishFormat.Culture)}";
    }

    public static string Treatment(RiskMethodDefinition method, string code)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Treatments.FirstOrDefault(t => t.Code == code)?.Name ?? code;
    }

    public static string Option(RiskMethodDefinition method, string attribute, string code)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.Controls?.Attribute(attribute)?.Option(code)?.Name ?? code;
    }
}
