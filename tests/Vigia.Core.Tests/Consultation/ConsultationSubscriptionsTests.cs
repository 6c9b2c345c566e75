using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using netDumbster.smtp;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Consultation;
using Vigia.Core.Mail;
using Vigia.Core.Plans;
using Vigia.Core.Tests.Plans;

namespace Vigia.Core.Tests.Consultation;

/// <summary>Subscribers to an entity's citizen consultations, with every message delivered to a real SMTP listener
/// (netDumbster on 127.0.0.1): only a confirmed address hears when a consultation opens and when its report is
/// published; an unconfirmed or unsubscribed one hears nothing; a tampered or expired link is refused in Spanish and
/// changes nothing; the address never reaches the audit trail.</summary>
public abstract partial class ConsultationSubscriptionsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });

    // Monday 10 January 2022, 9:00 in Colombia.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2022, 1, 10, 9, 0, 0, TestTime.ColombiaOffset).ToUniversalTime());
    // One key ring for the whole test, as one host has.
    private readonly IDataProtectionProvider protection = new EphemeralDataProtectionProvider();
    private TestDatabase database = null!;
    private SimpleSmtpServer server = null!;
    private readonly List<AppDbContext> contexts = [];

    private static readonly SubscriptionLinks Links = new(
        token => "https://vigia.example.co/suscripciones/confirmar?token=" + Uri.EscapeDataString(token),
        token => "https://vigia.example.co/suscripciones/cancelar?token=" + Uri.EscapeDataString(token),
        (entity, year) => string.Create(CultureInfo.InvariantCulture, $"https://vigia.example.co/planes/{entity}/{year}/consulta"));

    public async Task InitializeAsync()
    {
        server = Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(0).Build();
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await new PlanImportService(db, clock).ImportAsync(Vigia.Core.Plans.Importing.PlanDocumentReader.ReadText(reader),
            new PlanImportOptions(), "prueba");
        Assert.True(outcome.Succeeded);
        await TestPlanners.AddAsync(db, Planner);
    }

    public async Task DisposeAsync()
    {
        server.Stop();
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }
        await database.DisposeAsync();
    }

    private (ConsultationSubscriptions Subscriptions, ConsultationService Consultations) Services()
    {
        var scope = new AuditScope();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
        var db = new AppDbContext(options.Options);
        contexts.Add(db);
        var sender = new SmtpEmailSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = server.Configuration.Port,
            FromAddress = "vigia@cali.gov.co",
            MaxAttempts = 1,
            Timeout = TimeSpan.FromSeconds(5),
        }), NullLogger<SmtpEmailSender>.Instance, (_, _) => Task.CompletedTask);
        return (new ConsultationSubscriptions(db, scope, clock, sender, protection, NullLogger<ConsultationSubscriptions>.Instance),
            new ConsultationService(db, scope, clock));
    }

    /// <summary>Every message received so far, decoded, in order of arrival.</summary>
    private List<(string To, string Subject, string Body)> Received() =>
        server.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(m.Data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal)))))
            .Select(m => (m.To.Mailboxes.Single().Address, m.Subject ?? "", (m.TextBody ?? "").ReplaceLineEndings("\n")))
            .ToList();

    private readonly HashSet<string> seen = [];

    /// <summary>The one message to <paramref name="to"/> not looked at yet (the listener does not keep the order of arrival).</summary>
    private (string To, string Subject, string Body) Next(string to)
    {
        var fresh = Received().Where(m => m.To == to && !seen.Contains(m.Body)).ToList();
        Assert.Single(fresh);
        seen.Add(fresh[0].Body);
        return fresh[0];
    }

    /// <summary>The messages not looked at yet, to anyone.</summary>
    private List<string> Unseen() => Received().Where(m => !seen.Contains(m.Body)).Select(m => m.To).ToList();

    [GeneratedRegex(@"confirmar\?token=(?<t>[^\s]+)")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"cancelar\?token=(?<t>[^\s]+)")]
    private static partial Regex UnsubscribeLink();

    private static string ConfirmToken(string body) => Uri.UnescapeDataString(ConfirmLink().Match(body).Groups["t"].Value);

    private static string UnsubscribeToken(string body) => Uri.UnescapeDataString(UnsubscribeLink().Match(body).Groups["t"].Value);

    private async Task<(int EntityId, int PlanId)> PlanAsync()
    {
        await using var db = database.CreateContext();
        var plan = await db.Plans.Select(p => new { p.Id, p.EntityId }).SingleAsync();
        return (plan.EntityId, plan.Id);
    }

    [Fact]
    public async Task OnlyAConfirmedSubscriber_HearsThatTheConsultationOpened_AndThatItsReportWasPublished()
    {
        var (entityId, planId) = await PlanAsync();
        var (subscriptions, consultations) = Services();
        const string confirmed = "confirmada@example.co", pending = "pendiente@example.co", gone = "retirada@example.co";

        foreach (var address in new[] { " Confirmada@Example.co ", pending, gone })
        {
            var asked = await subscriptions.SubscribeAsync(entityId, address, consent: true, Links);
            Assert.True(asked.Succeeded, string.Join(" ", asked.Errors.Values));
        }
        // Each address got a confirmation link with an unsubscribe link; nothing else yet.
        Assert.Equal([confirmed, pending, gone], Received().Select(m => m.To).Order(StringComparer.Ordinal));
        var invitation = Next(confirmed);
        var toGone = Next(gone);
        Next(pending);
        Assert.StartsWith("Confirme su suscripción a las consultas ciudadanas de ", invitation.Subject, StringComparison.Ordinal);
        Assert.Contains("El enlace sirve una sola vez y vence el 12 de enero de 2022", invitation.Body, StringComparison.Ordinal);
        Assert.NotEmpty(UnsubscribeToken(invitation.Body));

        Assert.True((await subscriptions.ConfirmAsync(ConfirmToken(invitation.Body))).Succeeded);
        Assert.True((await subscriptions.ConfirmAsync(ConfirmToken(toGone.Body))).Succeeded);
        var left = await subscriptions.UnsubscribeAsync(UnsubscribeToken(toGone.Body));
        Assert.True(left is { Succeeded: true, Value: true });
        Assert.True((await Services().Subscriptions.UnsubscribeAsync(UnsubscribeToken(toGone.Body))) is { Succeeded: true, Value: false });

        var opened = await consultations.OpenAsync(planId, new DateOnly(2022, 1, 10), new DateOnly(2022, 1, 20), Planner);
        Assert.True(opened.Succeeded);
        Assert.Equal(new NoticeSummary(1, 0), await subscriptions.NotifyAsync(opened.Value, SubscriberNotice.Opened, Links));
        var openedNotice = Next(confirmed);
        // A report is not announced before the consultation is closed.
        Assert.Equal(new NoticeSummary(0, 0), await subscriptions.NotifyAsync(opened.Value, SubscriberNotice.ReportPublished, Links));
        Assert.True((await consultations.CommentAsync(planId, new CommentDraft(CommentTarget.Plan, null, null, "Publiquen el avance cada mes.", null, null, null, false))).Succeeded);
        var commentId = await CommentIdAsync();
        Assert.True((await consultations.AnswerAsync(commentId, new CommentAnswer("Se acoge: el avance se publica cada mes.", false, null), Planner)).Succeeded);
        Assert.True((await consultations.CloseAsync(opened.Value, Planner)).Succeeded);
        Assert.Equal(new NoticeSummary(1, 0), await subscriptions.NotifyAsync(opened.Value, SubscriberNotice.ReportPublished, Links));
        var reportNotice = Next(confirmed);

        // Nobody else heard anything: not the unconfirmed address, not the one that left.
        Assert.Empty(Unseen());
        var notices = new[] { openedNotice, reportNotice };
        Assert.StartsWith("Consulta ciudadana abierta: ", notices[0].Subject, StringComparison.Ordinal);
        Assert.Contains("del 10 de enero de 2022 al 20 de enero de 2022", notices[0].Body, StringComparison.Ordinal);
        Assert.StartsWith("Informe de la consulta ciudadana publicado: ", notices[1].Subject, StringComparison.Ordinal);
        Assert.Contains("recibió 1 comentario,", notices[1].Body, StringComparison.Ordinal);
        Assert.All(notices, m => Assert.Contains("https://vigia.example.co/planes/", m.Body, StringComparison.Ordinal));
        // Every notice can be unsubscribed from, without an account: the link works and the next notice skips the address.
        Assert.All(notices, m => Assert.NotEmpty(UnsubscribeToken(m.Body)));
        Assert.True((await subscriptions.UnsubscribeAsync(UnsubscribeToken(notices[1].Body))) is { Succeeded: true, Value: true });
        Assert.Equal(new NoticeSummary(0, 0), await subscriptions.NotifyAsync(opened.Value, SubscriberNotice.ReportPublished, Links));

        await using var db = database.CreateContext();
        Assert.Equal([pending], await db.ConsultationSubscribers.Select(s => s.Email).ToListAsync());
        // The trail records the subscriptions, never the addresses nor the links' hashes.
        var trail = await db.AuditEntries.Where(e => e.EntityType.Contains("ConsultationSubscriber")).Select(e => e.Changes).ToListAsync();
        Assert.NotEmpty(trail);
        Assert.All(trail, changes => Assert.DoesNotContain("@example.co", changes, StringComparison.Ordinal));
        Assert.Contains(trail, changes => changes.Contains(AuditOptions.RedactedValue, StringComparison.Ordinal));
    }

    private async Task<int> CommentIdAsync()
    {
        await using var db = database.CreateContext();
        return await db.ConsultationComments.Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task ATamperedUsedOrExpiredLink_IsRefusedInSpanish_AndChangesNothing()
    {
        var (entityId, _) = await PlanAsync();
        var (subscriptions, _) = Services();
        Assert.True((await subscriptions.SubscribeAsync(entityId, "persona@example.co", true, Links)).Succeeded);
        var body = Next("persona@example.co").Body;
        var token = ConfirmToken(body);

        var tampered = await subscriptions.ConfirmAsync(token[..^2] + (token[^1] == 'A' ? "BB" : "AA"));
        Assert.Equal(ResultStatus.Invalid, tampered.Status);
        Assert.Equal(ConsultationSubscriptions.InvalidConfirmationMessage, tampered.Errors[""]);
        Assert.Null(await subscriptions.PeekConfirmationAsync("no-es-un-enlace"));
        var forged = await subscriptions.UnsubscribeAsync(UnsubscribeToken(body) + "x");
        Assert.Equal((ResultStatus.Invalid, ConsultationSubscriptions.InvalidUnsubscribeMessage), (forged.Status, forged.Errors[""]));
        Assert.False(subscriptions.IsUnsubscribeToken("CfDJ8-inventado"));

        // 48 hours later the link has expired.
        clock.Advance(TimeSpan.FromHours(48));
        Assert.Null(await subscriptions.PeekConfirmationAsync(token));
        var expired = await Services().Subscriptions.ConfirmAsync(token);
        Assert.Equal((ResultStatus.Invalid, ConsultationSubscriptions.InvalidConfirmationMessage), (expired.Status, expired.Errors[""]));
        await using (var db = database.CreateContext())
        {
            Assert.Null(await db.ConsultationSubscribers.Select(s => s.ConfirmedAt).SingleAsync());
        }

        // Asking again sends a new link, which works once.
        Assert.True((await Services().Subscriptions.SubscribeAsync(entityId, "persona@example.co", true, Links)).Succeeded);
        var fresh = ConfirmToken(Next("persona@example.co").Body);
        Assert.NotEqual(token, fresh);
        Assert.NotNull(await Services().Subscriptions.PeekConfirmationAsync(fresh));
        Assert.True((await Services().Subscriptions.ConfirmAsync(fresh)).Succeeded);
        var again = await Services().Subscriptions.ConfirmAsync(fresh);
        Assert.Equal(ResultStatus.Invalid, again.Status);

        // A confirmed address asking again is told so (the form's answer is the same), and stays one subscription.
        Assert.True((await Services().Subscriptions.SubscribeAsync(entityId, "PERSONA@example.co", true, Links)).Succeeded);
        Assert.StartsWith("Ya está suscrito", Next("persona@example.co").Subject, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.ConsultationSubscribers.CountAsync());
    }

    [Fact]
    public async Task Subscribe_WithoutConsentOrWithABadAddress_IsRefused_AndSavesAndSendsNothing()
    {
        var (entityId, _) = await PlanAsync();
        var (subscriptions, _) = Services();

        var refused = await subscriptions.SubscribeAsync(entityId, "no es un correo", consent: false, Links);

        Assert.Equal(ResultStatus.Invalid, refused.Status);
        Assert.Equal([ConsultationSubscriptions.ConsentField, ConsultationSubscriptions.EmailField], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResultStatus.NotFound, (await subscriptions.SubscribeAsync(entityId + 1000, "a@example.co", true, Links)).Status);
        Assert.Empty(server.ReceivedEmail);
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.ConsultationSubscribers.CountAsync());
    }
}

public sealed class SqliteConsultationSubscriptionsTests() : ConsultationSubscriptionsTests(DatabaseProvider.Sqlite);

public sealed class PostgresConsultationSubscriptionsTests() : ConsultationSubscriptionsTests(DatabaseProvider.Postgres);
