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

    /// <summary>Outside the entity's lines of defence: a department's Control Interno or planning office, which reads
    /// the desks of the department's entities (<see cref="UserDepartment"/>) and writes nothing.</summary>
    public const string DepartmentObserver = "DepartmentObserver";

    /// <summary>The entity's own people, who open its management pages (the policy «Funcionarios»).</summary>
    public static readonly IReadOnlyList<string> Staff = [Administrator, Planning, ComponentLeader, Responsible, InternalControl, ProcessLeader];

    public static readonly IReadOnlyList<string> All = [.. Staff, DepartmentObserver];

    public static string DisplayName(string role) => role switch
    {
        Administrator => "Administrador",
        Planning => "Planeación",
        ComponentLeader => "Líder de componente",
        Responsible => "Responsable",
        InternalControl => "Control Interno",
        ProcessLeader => "Líder de proceso",
        DepartmentObserver => "Consulta departamental",
        _ => role,
    };

    /// <summary>Accepts the identifier or the Spanish name, with or without accents ("planeacion", "Control Interno").</summary>
    public static string? Parse(string text)
    {
        var folded = SpanishText.Fold(text).Replace('-', ' ').Replace('_', ' ');
        return All.FirstOrDefault(r => SpanishText.Fold(r) == folded.Replace(" ", "", StringComparison.Ordinal)
            || SpanishText.Fold(DisplayName(r)) == folded);
    }

    /// <summary>Control Interno is the independent third line: it cannot hold any other role. Consulta departamental
    /// belongs to someone outside the entity and only reads: combined with a role of the entity it would open that
    /// role's pages too.</summary>
    public static string? ValidateCombination(IReadOnlyCollection<string> roles) =>
        roles.Contains(InternalControl) && roles.Count > 1
            ? "El rol Control Interno es independiente y no puede combinarse con otros roles."
            : roles.Contains(DepartmentObserver) && roles.Count > 1
                ? "El rol Consulta departamental es de solo lectura para otra oficina y no puede combinarse con otros roles."
                : null;
}
