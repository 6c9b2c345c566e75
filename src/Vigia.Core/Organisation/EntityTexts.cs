using Vigia.Core.Accounts;

namespace Vigia.Core.Organisation;

/// <summary>The fields entity-text errors are keyed by.</summary>
public static class EntityTextFields
{
    public const string PrivacyPolicy = "PrivacyPolicy";
    public const string TermsOfUse = "TermsOfUse";
}

/// <summary>One of the entity's legal texts as a page shows it: the entity's own, or the reference text while the
/// entity has not written one (the page must say so).</summary>
public sealed record EntityText(string EntityName, string Text, bool IsReference)
{
    /// <summary>Paragraphs separated by a blank line, as the administrator typed them.</summary>
    public IReadOnlyList<string> Paragraphs => Text.Replace("\r\n", "\n", StringComparison.Ordinal)
        .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>The privacy policy and terms of use each entity publishes in its footer. Vigía cannot write them for the
/// entity: until the administrator does, the pages show a reference text that says it is one.</summary>
public static class EntityTexts
{
    public const int MaxLength = 20_000;

    /// <summary>A starting point that names the law and what Vigía actually stores; the entity completes it with its
    /// own policy (Ley 1581 de 2012 asks every responsible party to adopt and publish one).</summary>
    public static string DefaultPrivacyPolicy(string entityName) =>
        $"""
        {entityName} es responsable del tratamiento de los datos personales que se registran en esta plataforma, de acuerdo con la Ley Estatutaria 1581 de 2012 (protección de datos personales) y sus decretos reglamentarios.

        Qué datos se tratan: el nombre, el correo institucional, la unidad y el rol de los servidores públicos y contratistas que reportan o revisan el avance del plan, y el registro de lo que cada persona hace en la plataforma (quién, qué y cuándo), que se conserva como historial de auditoría. Los ciudadanos pueden consultar la información pública sin registrarse; la plataforma solo guarda cookies técnicas: la sesión del personal que ingresa y, si el visitante la elige, su preferencia de visualización (contraste, tamaño del texto).

        Para qué: gestionar, hacer seguimiento y rendir cuentas del Plan Anticorrupción y de Atención al Ciudadano y del Programa de Transparencia y Ética Pública.

        Derechos de los titulares: conocer, actualizar y rectificar sus datos, solicitar prueba de la autorización, ser informados del uso que se les da, presentar quejas ante la Superintendencia de Industria y Comercio, revocar la autorización o pedir la supresión cuando proceda, y acceder gratuitamente a sus datos.

        Falta completar por la entidad: el canal y el procedimiento para consultas y reclamos, el área responsable de atenderlos, los plazos y la fecha de entrada en vigencia de esta política.
        """;

    public static string DefaultTermsOfUse(string entityName) =>
        $"""
        Esta plataforma publica el plan anticorrupción de {entityName}, su programación, su avance y los seguimientos de Control Interno, como información pública (Ley 1712 de 2014, de transparencia y del derecho de acceso a la información pública).

        Cualquier persona puede consultar, descargar y reutilizar los datos publicados, citando la fuente. Las cifras reflejan lo que las unidades reportaron y lo que Control Interno verificó a la fecha indicada en cada página.

        El personal que ingresa con su cuenta responde por lo que reporta y por las evidencias que adjunta; cada cambio queda en el historial de auditoría.

        Falta completar por la entidad: las condiciones propias de uso de su sitio, la licencia de los datos abiertos, el canal para reportar errores y la fecha de entrada en vigencia de estos términos.
        """;

    /// <summary>The privacy policy the public page shows for <paramref name="entity"/>.</summary>
    public static EntityText Privacy(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return string.IsNullOrWhiteSpace(entity.PrivacyPolicy)
            ? new(entity.Name, DefaultPrivacyPolicy(entity.Name), IsReference: true)
            : new(entity.Name, entity.PrivacyPolicy, IsReference: false);
    }

    /// <summary>The terms of use the public page shows for <paramref name="entity"/>.</summary>
    public static EntityText Terms(Entity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return string.IsNullOrWhiteSpace(entity.TermsOfUse)
            ? new(entity.Name, DefaultTermsOfUse(entity.Name), IsReference: true)
            : new(entity.Name, entity.TermsOfUse, IsReference: false);
    }
}

/// <summary>Owns changes to an entity's legal texts. Only the administrator writes them; an empty text goes back to
/// the reference one.</summary>
public sealed class EntityTextService(AppDbContext db)
{
    public async Task<Result<Entity>> SaveAsync(Actor actor, int entityId, string? privacyPolicy, string? termsOfUse, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Administrator))
        {
            return Result.Forbidden("Solo el administrador puede cambiar los textos legales de la entidad.");
        }
        var entity = await db.Entities.FindAsync([entityId], ct);
        if (entity is null)
        {
            return Result.NotFound("La entidad no existe.");
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (privacyPolicy?.Trim().Length > EntityTexts.MaxLength)
        {
            errors[EntityTextFields.PrivacyPolicy] = $"La política de privacidad admite como máximo {EntityTexts.MaxLength.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
        if (termsOfUse?.Trim().Length > EntityTexts.MaxLength)
        {
            errors[EntityTextFields.TermsOfUse] = $"Los términos de uso admiten como máximo {EntityTexts.MaxLength.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        entity.PrivacyPolicy = string.IsNullOrWhiteSpace(privacyPolicy) ? null : privacyPolicy.Trim();
        entity.TermsOfUse = string.IsNullOrWhiteSpace(termsOfUse) ? null : termsOfUse.Trim();
        await db.SaveChangesAsync(ct);
        return Result.Saved(entity);
    }
}
