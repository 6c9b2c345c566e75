namespace Vigia.Core.FollowUps;

/// <summary>What Control Interno enters for one action.</summary>
public sealed record AssessmentInput(AssessmentStatus? Status, decimal? VerifiedPercent, decimal? VerifiedQuantity, string? Observations);

/// <summary>What makes an assessment consistent (docs/follow-up.md).</summary>
public static class AssessmentRules
{
    public const int MaxObservations = 4000;

    /// <summary>The consistency rules of an assessment; see docs/follow-up.md.</summary>
    public static Dictionary<string, string> Validate(AssessmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>();
        var observations = input.Observations?.Trim() ?? "";
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors["Status"] = "Elija el estado de la acción en el periodo.";
            return errors;
        }
        if (status != AssessmentStatus.NotScheduled)
        {
            if (input.VerifiedPercent is not { } p)
            {
                errors["VerifiedPercent"] = "Escriba el avance verificado, de 0 a 100 %.";
            }
            else if (p is < 0 or > 100)
            {
                errors["VerifiedPercent"] = "El avance verificado va de 0 a 100 %.";
            }
            else if (status == AssessmentStatus.Completed && p != 100)
            {
                errors["VerifiedPercent"] = "Una acción cumplida tiene un avance verificado de 100 %.";
            }
            else if (status == AssessmentStatus.NoProgress && p != 0)
            {
                errors["VerifiedPercent"] = "Una acción sin avance tiene un avance verificado de 0 %.";
            }
            else if (status == AssessmentStatus.InProgress && p is 0 or 100)
            {
                errors["VerifiedPercent"] = "Una acción en avance tiene un avance verificado mayor que 0 y menor que 100 %.";
            }
            if (input.VerifiedQuantity is < 0)
            {
                errors["VerifiedQuantity"] = "La cantidad verificada no puede ser negativa.";
            }
        }
        if (status != AssessmentStatus.Completed && observations.Length == 0)
        {
            errors["Observations"] = "Escriba las observaciones: son obligatorias salvo para una acción cumplida.";
        }
        else if (observations.Length > MaxObservations)
        {
            errors["Observations"] = $"Las observaciones admiten hasta {MaxObservations} caracteres.";
        }
        return errors;
    }
}
