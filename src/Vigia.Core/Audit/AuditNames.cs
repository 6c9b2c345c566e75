namespace Vigia.Core.Audit;

/// <summary>How entries name records and actions on screen and in exports.</summary>
public static class AuditNames
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Entity"] = "Entidad",
        ["Unit"] = "Dependencia",
        ["Process"] = "Proceso",
        ["Plan"] = "Plan",
        ["PlanVersion"] = "Versión del plan",
        ["ImportNoteRecord"] = "Nota de importación",
        ["Component"] = "Componente",
        ["Subcomponent"] = "Subcomponente",
        ["Activity"] = "Actividad",
        ["PlanAction"] = "Acción",
        ["ActionUnit"] = "Responsable de la acción",
        ["ScheduleEntry"] = "Programación mensual",
        ["AppUser"] = "Usuario",
        ["IdentityRole"] = "Rol",
        ["IdentityUserRole"] = "Rol de usuario",
        ["IdentityUserClaim"] = "Permiso de usuario",
        ["IdentityUserLogin"] = "Inicio de sesión externo",
        ["IdentityUserToken"] = "Token de usuario",
        ["IdentityRoleClaim"] = "Permiso de rol",
        ["UserUnit"] = "Unidad de usuario",
        ["UserComponent"] = "Componente de líder",
        ["UserDepartment"] = "Departamento de consulta",
        ["Department"] = "Departamento",
        ["AccountToken"] = "Enlace de un solo uso",
        ["PersonalAccessToken"] = "Token de acceso personal",
        ["ProgressReport"] = "Reporte de avance",
        ["Evidence"] = "Evidencia",
        ["MonitoringRecord"] = "Monitoreo",
        ["AppSetting"] = "Parámetro",
        ["ConsultationSubscriber"] = "Suscripción a las consultas ciudadanas",
    };

    /// <summary>The name entries use for an entity type: its class name without generic arity.</summary>
    public static string TypeName<T>() => TypeName(typeof(T));

    public static string TypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return tick < 0 ? type.Name : type.Name[..tick];
    }

    /// <summary>The record's name in Spanish, or the type name when it has none yet.</summary>
    public static string Label(string entityType) => Labels.GetValueOrDefault(entityType, entityType);

    public static string Label(AuditAction action) => action switch
    {
        AuditAction.Created => "creación",
        AuditAction.Updated => "modificación",
        AuditAction.Deleted => "eliminación",
        _ => action.ToString(),
    };
}
