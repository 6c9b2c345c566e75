namespace Vigia.Core.Accounts;

/// <summary>The roles by line of defence. Names are stable identifiers; <see cref="DisplayName"/> is what people read.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Planning = "Planning";
    public const string ComponentLeader = "ComponentLeader";
    public const string Responsible = "Responsible";
    public const string InternalControl = "InternalControl";
    /// <summary>First line for the risk map: maintains the risks of the processes assigned to them.</summary>
    public const string ProcessLeader = "ProcessLeader";

    public static readonly IReadOnlyList<string> All = [Administrator, Planning, ComponentLeader, Responsible, InternalControl, ProcessLeader];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrador",
        Planning => "Planeación",
        ComponentLeader => "Líder de componente",
        Responsible => "Responsable",
        InternalControl => "Control Interno",
        ProcessLeader => "Líder de proceso",
        _ => role,
    };

    /// <summary>Accepts the identifier or the Spanish name, with or without accents ("planeacion", "Control Interno").</summary>
    public static string? Parse(string text)
    {
        var folded = SpanishText.Fold(text).Replace('-', ' ').Replace('_', ' ');
        return All.FirstOrDefault(r => SpanishText.Fold(r) == folded.Replace(" ", "", StringComparison.Ordinal)
            || SpanishText.Fold(DisplayName(r)) == folded);
    }

    /// <summary>Control Interno is the independent third line: it cannot hold any other role.</summary>
    public static string? ValidateCombination(IReadOnlyCollection<string> roles) =>
        roles.Contains(InternalControl) && roles.Count > 1
            ? "El rol Control Interno es independiente y no puede combinarse con otros roles."
            : null;
}
