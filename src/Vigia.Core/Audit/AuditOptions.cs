using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Vigia.Core.Audit;

/// <summary>What the audit interceptor leaves out: whole entity types, and the values (never the fact of a
/// change) of secret fields.</summary>
public sealed class AuditOptions
{
    /// <summary>Entity types whose changes write no entry. <see cref="AuditEntry"/> and <see cref="PublishedCheckpoint"/>
    /// (derived from the trail), <see cref="Caching.PublicDataVersion"/> (derived from the changes) and the stored compliance
    /// verdicts (<c>Compliance.Stored</c>, derived from the plan by the calculator) are always left out.</summary>
    public HashSet<Type> ExcludedTypes { get; } = [];

    /// <summary>Fields whose values are replaced by <see cref="RedactedValue"/>: passwords, security stamps
    /// and tokens (an authenticator key or recovery codes) must never reach the trail.</summary>
    public List<(Type DeclaringType, string Property)> RedactedProperties { get; } =
    [
        (typeof(IdentityUser<string>), nameof(IdentityUser.PasswordHash)),
        (typeof(IdentityUser<string>), nameof(IdentityUser.SecurityStamp)),
        (typeof(IdentityUser<string>), nameof(IdentityUser.ConcurrencyStamp)),
        (typeof(IdentityUserToken<string>), nameof(IdentityUserToken<string>.Value)),
        (typeof(IdentityRole<string>), nameof(IdentityRole.ConcurrencyStamp)),
        (typeof(Accounts.AccountToken), nameof(Accounts.AccountToken.TokenHash)),
        (typeof(Accounts.PersonalAccessToken), nameof(Accounts.PersonalAccessToken.SecretHash)),
        // A consultation subscriber's address is personal data, and its link's hash a secret: the trail records that they
        // changed, never their values.
        (typeof(Consultation.ConsultationSubscriber), nameof(Consultation.ConsultationSubscriber.Email)),
        (typeof(Consultation.ConsultationSubscriber), nameof(Consultation.ConsultationSubscriber.TokenHash)),
    ];

    /// <summary>What is written instead of a secret value that is set.</summary>
    public const string RedactedValue = "(valor oculto)";

    public AuditOptions Exclude<T>()
    {
        ExcludedTypes.Add(typeof(T));
        return this;
    }

    public bool IsAudited(IEntityType type) =>
        type.ClrType != typeof(AuditEntry) && type.ClrType != typeof(PublishedCheckpoint)
        && type.ClrType != typeof(Caching.PublicDataVersion)
        // The data-protection key ring: its XML is key material, never to be copied into the trail.
        && type.ClrType != typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey)
        && !ExcludedTypes.Contains(type.ClrType)
        && type.ClrType.Namespace != typeof(Compliance.Stored.PlanComplianceState).Namespace;

    public bool IsRedacted(IProperty property)
    {
        var clr = property.DeclaringType.ClrType;
        foreach (var (declaring, name) in RedactedProperties)
        {
            if (name == property.Name && declaring.IsAssignableFrom(clr))
            {
                return true;
            }
        }
        return false;
    }
}
