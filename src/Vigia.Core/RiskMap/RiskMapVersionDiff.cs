namespace Vigia.Core.RiskMap;

public enum RiskChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

/// <summary>One field of a risk that differs between two versions, with its value in each as shown on screen.</summary>
public sealed record RiskFieldChange(string Field, string? Before, string? After);

/// <summary>A risk added, removed or changed between two versions of a map.</summary>
public sealed record RiskChange(RiskChangeKind Kind, string Code, string Description, IReadOnlyList<RiskFieldChange> Fields)
{
    public string KindName => Kind switch
    {
        RiskChangeKind.Added => "agregado",
        RiskChangeKind.Removed => "eliminado",
        _ => "modificado",
    };
}

/// <summary>What changed from one version of a map to another, risk by risk (matched by reference, unique in the
/// entity's year) and field by field, zones included in words with the method each version assessed them with.</summary>
public static class RiskMapVersionDiff
{
    public static IReadOnlyList<RiskChange> Compare(RiskMapSnapshot from, RiskMapSnapshot to, IReadOnlyDictionary<int, RiskMethodDefinition> methods)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(methods);
        var before = from.Risks.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var after = to.Risks.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var changes = new List<RiskChange>();
        foreach (var risk in to.Risks.Where(r => !before.ContainsKey(r.Code)))
        {
            changes.Add(new RiskChange(RiskChangeKind.Added, risk.Code, risk.Description, Fields(null, risk, methods)));
        }
        foreach (var risk in from.Risks.Where(r => !after.ContainsKey(r.Code)))
        {
            changes.Add(new RiskChange(RiskChangeKind.Removed, risk.Code, risk.Description, Fields(risk, null, methods)));
        }
        foreach (var risk in to.Risks.Where(r => before.ContainsKey(r.Code)))
        {
            var fields = Fields(before[risk.Code], risk, methods);
            if (fields.Count > 0)
            {
                changes.Add(new RiskChange(RiskChangeKind.Changed, risk.Code, risk.Description, fields));
            }
        }
        return changes.OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>The fields that differ; for an added or removed risk, every field on its side.</summary>
    private static List<RiskFieldChange> Fields(RiskSnapshot? a, RiskSnapshot? b, IReadOnlyDictionary<int, RiskMethodDefinition> methods)
    {
        var left = a is null ? null : Texts(a, methods[a.MethodId]);
        var right = b is null ? null : Texts(b, methods[b.MethodId]);
        var names = (right ?? left)!.Select(f => f.Field).Union((left ?? right)!.Select(f => f.Field)).ToList();
        return names.Select(n => new RiskFieldChange(n, left?.FirstOrDefault(f => f.Field == n).Value, right?.FirstOrDefault(f => f.Field == n).Value))
            .Where(f => !string.Equals(f.Before, f.After, StringComparison.Ordinal)).ToList();
    }

    private static List<(string Field, string Value)> Texts(RiskSnapshot r, RiskMethodDefinition m)
    {
        var texts = new List<(string, string)>
        {
            ("Proceso", r.Process),
            ("Descripción del riesgo", r.Description),
            ("Clasificación", r.Classification),
            ("Elementos de corrupción", Elements(r)),
            ("Causa inmediata", r.ImmediateCause),
            ("Causa raíz", r.RootCause),
            ("Consecuencias", r.Consequences),
            ("Frecuencia de la actividad (veces al año)", r.ActivityFrequency.ToString(SpanishFormat.Culture)),
            ("Preguntas de impacto con «sí»", r.ImpactAnswers.Replace(",", ", ", StringComparison.Ordinal)),
            ("Zona inherente", RiskText.Describe(RiskPositionText.Of(m, r.InherentProbability, r.InherentImpact, r.InherentZone))),
            ("Zona residual", RiskText.Describe(RiskPositionText.Of(m, r.ResidualProbability, r.ResidualImpact, r.ResidualZone))),
            ("Tratamiento", RiskText.Treatment(m, r.Treatment)),
            ("Método de valoración", $"{m.Name} (revisión {m.Revision})"),
        };
        texts.AddRange(r.Controls.Select(c => ($"Control {c.Number}",
            $"{c.Description} — {c.ResponsiblePost}; {RiskText.Option(m, "tipo", c.Type)}, {RiskText.Option(m, "implementacion", c.Implementation)}, "
            + $"{RiskText.Option(m, "documentacion", c.Documentation)}, {RiskText.Option(m, "frecuencia", c.Frequency)}, {RiskText.Option(m, "evidencia", c.Evidence)}")));
        return texts;
    }

    private static string Elements(RiskSnapshot r)
    {
        var present = new List<string>();
        if (r.ActionOrOmission)
        {
            present.Add("acción u omisión");
        }
        if (r.UseOfPower)
        {
            present.Add("uso del poder");
        }
        if (r.DeviationFromPublicInterest)
        {
            present.Add("desviación de la gestión de lo público");
        }
        if (r.PrivateBenefit)
        {
            present.Add("beneficio privado");
        }
        return string.Join(", ", present);
    }
}
