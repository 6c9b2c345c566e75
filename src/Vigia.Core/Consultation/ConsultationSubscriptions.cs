using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Vigia.Core.Audit;
using Vigia.Core.Mail;

namespace Vigia.Core.Consultation;

/// <summary>The addresses of the pages a subscription mail links to, built by the host from its routing (Core knows no
/// routes). Each function receives what the address needs and returns an absolute URL.</summary>
/// <param name="Confirm">The confirmation page, given the raw single-use token.</param>
/// <param name="Unsubscribe">The unsubscribe page, given the signed unsubscribe token.</param>
/// <param name="Consultation">The public consultation page (and report) of an entity's plan, given the entity's slug and the year.</param>
public sealed record SubscriptionLinks(Func<string, string> Confirm, Func<string, string> Unsubscribe, Func<string, int, string> Consultation);

/// <summary>What a subscriber hears about.</summary>
public enum SubscriberNotice
{
    /// <summary>A consultation was opened on a draft (with its dates).</summary>
    Opened = 1,
    /// <summary>A consultation was closed and its report published.</summary>
    ReportPublished = 2,
}

/// <summary>How a notice went: how many confirmed subscribers were written to, and how many messages failed.</summary>
public sealed record NoticeSummary(int Sent, int Failed);

/// <summary>Subscriptions to an entity's citizen consultations (issue 11), with a double opt-in: the address is kept
/// pending until its owner opens the single-use confirmation link (32 random bytes in the link, only their SHA-256 stored,
/// 48 hours, as account links do, ADR 003); only confirmed subscribers hear when a consultation opens and when its report
/// is published. Every message carries an unsubscribe link that needs no account: the subscriber's id and a fingerprint of
/// the address, signed with the host's data-protection keys, so it cannot be forged or pointed at someone else, and it
/// deletes the row. The form answers the same whether or not the address was already subscribed, so it does not tell who
/// is.</summary>
public sealed class ConsultationSubscriptions(AppDbContext db, AuditScope audit, TimeProvider clock, IEmailSender mail,
    IDataProtectionProvider protection, ILogger<ConsultationSubscriptions> logger)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromHours(48);

    /// <summary>Who a citizen's subscription is recorded as in the audit trail: nobody signs in to subscribe.</summary>
    public static readonly AuditActor Citizen = ConsultationService.Citizen;

    public const string EmailField = "Email";
    public const string ConsentField = "Consent";

    public const string InvalidConfirmationMessage =
        "El enlace de confirmación no es válido, ya se usó o venció (dura 48 horas). Suscríbase de nuevo para recibir otro enlace.";

    public const string InvalidUnsubscribeMessage =
        "El enlace para cancelar la suscripción no es válido: cópielo completo desde el último correo que recibió de Vigía.";

    private const string Purpose = "Vigia.Consultation.Subscribers.Unsubscribe.v1";

    public bool CanSend => mail.IsConfigured;

    /// <summary>Asks for a subscription of <paramref name="email"/> to the entity's consultations, with consent to use the
    /// address for that alone, and mails the confirmation link. An address already confirmed gets a message saying so
    /// (with its unsubscribe link) instead; the answer to the form is the same in both cases.</summary>
    public async Task<Result<bool>> SubscribeAsync(int entityId, string? email, bool consent, SubscriptionLinks links, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var entity = await db.Entities.AsNoTracking().Where(e => e.Id == entityId).Select(e => new { e.Id, e.Name }).SingleOrDefaultAsync(ct);
        if (entity is null)
        {
            return Result.NotFound();
        }
        var errors = new Dictionary<string, string>();
        var address = Normalise(email);
        if (address is null || !ConsultationRules.IsEmail(address))
        {
            errors[EmailField] = "Escriba su correo electrónico, como nombre@dominio.co.";
        }
        if (!consent)
        {
            errors[ConsentField] = "Marque la autorización: sin ella no podemos guardar su correo para avisarle.";
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        if (!mail.IsConfigured)
        {
            return Result.Conflict("Esta instalación de Vigía no tiene configurado el envío de correos: por ahora no es posible suscribirse. Consulte la página de la consulta ciudadana.");
        }
        var now = clock.GetUtcNow();
        var subscriber = await db.ConsultationSubscribers.SingleOrDefaultAsync(s => s.EntityId == entityId && s.Email == address, ct);
        EmailMessage message;
        if (subscriber is { ConfirmedAt: not null })
        {
            message = ConsultationMessages.AlreadySubscribed(subscriber.Email, entity.Name, links.Unsubscribe(UnsubscribeToken(subscriber)));
        }
        else
        {
            var raw = Base64Url(RandomNumberGenerator.GetBytes(32));
            if (subscriber is null)
            {
                subscriber = new ConsultationSubscriber { EntityId = entityId, Email = address! };
                db.ConsultationSubscribers.Add(subscriber);
            }
            // A new link replaces the earlier one.
            subscriber.TokenHash = Hash(raw);
            subscriber.RequestedAt = now;
            using (audit.Begin(Citizen, "Suscripción a las consultas ciudadanas solicitada (pendiente de confirmar)"))
            {
                await db.SaveChangesAsync(ct);
            }
            message = ConsultationMessages.Confirmation(subscriber.Email, entity.Name, links.Confirm(raw),
                links.Unsubscribe(UnsubscribeToken(subscriber)), now + ConfirmationLifetime);
        }
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The subscription message to consultation subscriber {Id} could not be sent.", subscriber.Id);
            return Result.Conflict("No pudimos enviar el correo en este momento. Intente de nuevo más tarde.");
        }
        return Result.Saved(true);
    }

    /// <summary>The entity's name when <paramref name="token"/> is a pending, unexpired confirmation link; null otherwise.
    /// Reads only: the page asks for a click before confirming, so a mail scanner that opens links confirms nothing.</summary>
    public async Task<string?> PeekConfirmationAsync(string? token, CancellationToken ct = default) =>
        (await FindPendingAsync(token, ct)) is { } s
            ? await db.Entities.AsNoTracking().Where(e => e.Id == s.EntityId).Select(e => e.Name).SingleAsync(ct)
            : null;

    /// <summary>Confirms the subscription of a pending, unexpired link and uses the link up; a tampered, used or expired
    /// link is refused with a Spanish message and changes nothing.</summary>
    public async Task<Result<string>> ConfirmAsync(string? token, CancellationToken ct = default)
    {
        var subscriber = await FindPendingAsync(token, ct);
        if (subscriber is null)
        {
            return Result.Invalid("", InvalidConfirmationMessage);
        }
        subscriber.ConfirmedAt = clock.GetUtcNow();
        subscriber.TokenHash = null;
        using (audit.Begin(Citizen, "Suscripción a las consultas ciudadanas confirmada"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(await db.Entities.AsNoTracking().Where(e => e.Id == subscriber.EntityId).Select(e => e.Name).SingleAsync(ct));
    }

    /// <summary>Whether <paramref name="token"/> is a genuine unsubscribe link (of a subscription that may already be
    /// gone); lets the page refuse a tampered link before asking for the click.</summary>
    public bool IsUnsubscribeToken(string? token) => Read(token) is not null;

    /// <summary>Deletes the subscription the signed link names. A genuine link of a subscription already cancelled
    /// succeeds again (nothing left to delete); a tampered one is refused.</summary>
    public async Task<Result<bool>> UnsubscribeAsync(string? token, CancellationToken ct = default)
    {
        if (Read(token) is not { } read)
        {
            return Result.Invalid("", InvalidUnsubscribeMessage);
        }
        var subscriber = await db.ConsultationSubscribers.SingleOrDefaultAsync(s => s.Id == read.Id, ct);
        if (subscriber is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Fingerprint(subscriber.Email)), Encoding.ASCII.GetBytes(read.Fingerprint)))
        {
            // Cancelled already (or the id now belongs to someone else, whom this link must not touch).
            return Result.Saved(false);
        }
        db.ConsultationSubscribers.Remove(subscriber);
        using (audit.Begin(Citizen, "Suscripción a las consultas ciudadanas cancelada"))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(true);
    }

    /// <summary>Writes to every confirmed subscriber of the consultation's entity that it opened or that its report was
    /// published. Each message is sent on its own: one failure is logged and counted, and the others still go.</summary>
    public async Task<NoticeSummary> NotifyAsync(int consultationId, SubscriberNotice notice, SubscriptionLinks links, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        var consultation = await db.PlanConsultations.AsNoTracking().Where(c => c.Id == consultationId)
            .Select(c => new
            {
                c.Plan!.EntityId,
                EntityName = c.Plan.Entity!.Name,
                EntitySlug = c.Plan.Entity.Slug,
                c.Plan.Title,
                c.Plan.Year,
                c.VersionNumber,
                c.OpensOn,
                c.ClosesOn,
                c.Status,
                Comments = c.Comments.Count,
            })
            .SingleOrDefaultAsync(ct);
        if (consultation is null || !mail.IsConfigured
            || (notice == SubscriberNotice.ReportPublished && consultation.Status != ConsultationStatus.Closed))
        {
            return new NoticeSummary(0, 0);
        }
        var subscribers = await db.ConsultationSubscribers.AsNoTracking()
            .Where(s => s.EntityId == consultation.EntityId && s.ConfirmedAt != null)
            .OrderBy(s => s.Id).ToListAsync(ct);
        var page = links.Consultation(consultation.EntitySlug, consultation.Year);
        var (sent, failed) = (0, 0);
        foreach (var subscriber in subscribers)
        {
            var unsubscribe = links.Unsubscribe(UnsubscribeToken(subscriber));
            var message = notice == SubscriberNotice.Opened
                ? ConsultationMessages.Opened(subscriber.Email, consultation.EntityName, consultation.Title, consultation.Year, consultation.OpensOn, consultation.ClosesOn, page, unsubscribe)
                : ConsultationMessages.ReportPublished(subscriber.Email, consultation.EntityName, consultation.Title, consultation.Year, consultation.Comments, page, unsubscribe);
            try
            {
                await mail.SendAsync(message, ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failed++;
                logger.LogError(ex, "The consultation notice {Notice} to subscriber {Id} could not be sent.", notice, subscriber.Id);
            }
        }
        return new NoticeSummary(sent, failed);
    }

    /// <summary>The signed unsubscribe token of a subscriber: its id and a fingerprint of its address.</summary>
    public string UnsubscribeToken(ConsultationSubscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{subscriber.Id}:{Fingerprint(subscriber.Email)}"));
    }

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    private (int Id, string Fingerprint)? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000)
        {
            return null;
        }
        string payload;
        try
        {
            payload = Protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split(':');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? (id, parts[1]) : null;
    }

    private async Task<ConsultationSubscriber?> FindPendingAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Hash(token);
        var subscriber = await db.ConsultationSubscribers.SingleOrDefaultAsync(s => s.TokenHash == hash, ct);
        // Expiry compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
        return subscriber is { ConfirmedAt: null } && subscriber.RequestedAt + ConfirmationLifetime > clock.GetUtcNow() ? subscriber : null;
    }

    private static string? Normalise(string? email) =>
        ConsultationRules.Clean(email)?.ToLowerInvariant();

    private static string Fingerprint(string email) => Hash(email)[..16];

    private static string Hash(string raw) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
