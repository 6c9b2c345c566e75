using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Consultation;

namespace Vigia.Core.Organisation;

/// <summary>The fields contact-detail errors are keyed by (the form's field names).</summary>
public static class EntityContactFields
{
    public const string Address = "Address";
    public const string Phone = "Phone";
    public const string Email = "Email";
    public const string JudicialNoticeEmail = "JudicialNoticeEmail";
    public const string OfficeHours = "OfficeHours";
    public const string WebsiteUrl = "WebsiteUrl";
    public const string TransparencyUrl = "TransparencyUrl";
}

/// <summary>What the footer shows of the entity: contact details, office hours, the judicial-notice e-mail and the
/// addresses of its own site and transparency section. Every field may be empty (the footer then leaves it out).</summary>
public sealed record EntityContact(
    string? Address,
    string? Phone,
    string? Email,
    string? JudicialNoticeEmail,
    string? OfficeHours,
    string? WebsiteUrl,
    string? TransparencyUrl)
{
    public static EntityContact Of(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return new(entity.Address, entity.Phone, entity.Email, entity.JudicialNoticeEmail, entity.OfficeHours, entity.WebsiteUrl, entity.TransparencyUrl);
    }
}

/// <summary>The limits of <see cref="EntityContact"/>.</summary>
public static class EntityContacts
{
    public const int EmailMaxLength = ConsultationRules.MaxEmailLength;
    public const int ShortMaxLength = 300;
    public const int OfficeHoursMaxLength = 500;
    public const int UrlMaxLength = 500;
}

/// <summary>Owns an entity's contact details. Only the administrator changes them; a bad value comes back with its error
/// and nothing is saved; a saved change is in the audit trail with who made it.</summary>
public sealed class EntityContactService(AppDbContext db, AuditScope audit)
{
    public async Task<Result<Entity>> SaveAsync(Actor actor, int entityId, EntityContact contact, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(contact);
        if (!actor.IsIn(Roles.Administrator))
        {
            return Result.Forbidden("Solo el administrador puede cambiar los datos de contacto de la entidad.");
        }
        var entity = await db.Entities.FindAsync([entityId], ct);
        if (entity is null)
        {
            return Result.NotFound("La entidad no existe.");
        }
        var c = new EntityContact(Clean(contact.Address), Clean(contact.Phone), Clean(contact.Email), Clean(contact.JudicialNoticeEmail),
            Clean(contact.OfficeHours), Clean(contact.WebsiteUrl), Clean(contact.TransparencyUrl));
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Length(errors, EntityContactFields.Address, "La dirección", c.Address, EntityContacts.ShortMaxLength);
        Length(errors, EntityContactFields.Phone, "El teléfono", c.Phone, EntityContacts.ShortMaxLength);
        Length(errors, EntityContactFields.OfficeHours, "El horario de atención", c.OfficeHours, EntityContacts.OfficeHoursMaxLength);
        Email(errors, EntityContactFields.Email, "El correo electrónico de contacto", c.Email);
        Email(errors, EntityContactFields.JudicialNoticeEmail, "El correo para notificaciones judiciales", c.JudicialNoticeEmail);
        Url(errors, EntityContactFields.WebsiteUrl, "La dirección del sitio web", c.WebsiteUrl);
        Url(errors, EntityContactFields.TransparencyUrl, "La dirección de la sección de transparencia", c.TransparencyUrl);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        (entity.Address, entity.Phone, entity.Email, entity.JudicialNoticeEmail, entity.OfficeHours, entity.WebsiteUrl, entity.TransparencyUrl) =
            (c.Address, c.Phone, c.Email, c.JudicialNoticeEmail, c.OfficeHours, c.WebsiteUrl, c.TransparencyUrl);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), "Datos de contacto del pie de página."))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(entity);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Length(Dictionary<string, string> errors, string field, string what, string? value, int max)
    {
        if (value?.Length > max)
        {
            errors[field] = $"{what} admite como máximo {max.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
    }

    private static void Email(Dictionary<string, string> errors, string field, string what, string? value)
    {
        if (value is not null && !ConsultationRules.IsEmail(value))
        {
            errors[field] = $"{what} no es un correo válido: escríbalo como nombre@entidad.gov.co.";
        }
    }

    private static void Url(Dictionary<string, string> errors, string field, string what, string? value)
    {
        if (value is null)
        {
            return;
        }
        if (value.Length > EntityContacts.UrlMaxLength)
        {
            errors[field] = $"{what} admite como máximo {EntityContacts.UrlMaxLength.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
        else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
        {
            errors[field] = $"{what} debe ser una dirección web completa que empiece por https:// (por ejemplo, https://www.entidad.gov.co).";
        }
    }
}
