using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;
using Vigia.Core.Mail;
using Vigia.Core.Organisation;
using Vigia.Core.Progress;
using Vigia.Core.Reminders;

using Vigia.Core.Tests.Progress;

namespace Vigia.Core.Tests.Reminders;

/// <summary>Reminders delivered to a real SMTP listener (netDumbster on 127.0.0.1). The world's clock starts on
/// Monday 4 April 2022, the third business day before March's deadline (Thursday 7 April).</summary>
public abstract class ReminderServiceTests(DatabaseProvider provider) : IAsyncLifetime
{
    private ProgressWorld world = null!;
    private SimpleSmtpServer? server;

    public async Task InitializeAsync() => world = await ProgressWorld.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        server?.Stop();
        await world.DisposeAsync();
    }

    private static SimpleSmtpServer Listen(int port = 0) =>
        Configuration.Configure().WithAddress(IPAddress.Loopback).WithPort(port).Build();

    private static SmtpEmailSender Sender(int port) =>
        new(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, FromAddress = "vigia@cali.gov.co", MaxAttempts = 1, Timeout = TimeSpan.FromSeconds(5) }),
            NullLogger<SmtpEmailSender>.Instance, (_, _) => Task.CompletedTask);

    private async Task<ReminderRunSummary> RunAsync()
    {
        server ??= Listen();
        return await world.Reminders(Sender(server.Configuration.Port)).RunAsync();
    }

    /// <summary>The messages received so far, decoded, by recipient.</summary>
    private List<(string To, string Subject, string Body)> Received() =>
        server!.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(m.Data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal)))))
            .Select(m => (m.To.Mailboxes.Single().Address, m.Subject ?? "", (m.TextBody ?? "").ReplaceLineEndings("\n")))
            .OrderBy(m => m.Address, StringComparer.Ordinal)
            .ToList();

    private async Task<List<ReminderLog>> LogsAsync()
    {
        await using var db = world.Raw();
        return await db.ReminderLogs.OrderBy(l => l.Email).ToListAsync();
    }

    [Fact]
    public async Task Run_CollectiveAction_RemindsEachMemberOfItsOwnShare()
    {
        await using (var db = world.Raw())
        {
            var entity = await db.Entities.Select(e => e.Id).SingleAsync();
            var subdirection = await db.Units.Where(u => u.Name == "Subdirección de Gestión Organizacional").Select(u => u.Id).SingleAsync();
            var units = new[] { subdirection, await db.Units.Where(u => u.Name == "Otra oficina").Select(u => u.Id).SingleAsync() };
            var group = new UnitGroup { EntityId = entity, RuleKey = "todos-los-organismos", Name = "Todos los organismos de la Administración" };
            group.Members.AddRange(units.Select(u => new UnitGroupMember { UnitId = u }));
            db.UnitGroups.Add(group);
            await db.SaveChangesAsync();
            db.ActionUnitGroups.Add(new ActionUnitGroup { ActionId = world.ActionA, GroupId = group.Id, Spelling = "Todos los organismos" });
            db.ActionPartTargets.Add(new ActionPartTarget { ActionId = world.ActionA, UnitId = subdirection, Target = 4000 });
            await db.SaveChangesAsync();
        }

        await RunAsync();

        var mail = Received().ToDictionary(m => m.To, m => m.Body);
        // March plans 100 of the action's 5000: the Subdirección's part is 4000 of them, Otra oficina takes the other 1000.
        Assert.Contains("- 3.1.4 · acción 1 — Realizar jornadas de socialización (parte de su unidad: 80 de 100 programado para la acción)", mail["sgo@cali.gov.co"], StringComparison.Ordinal);
        Assert.Contains("- 3.1.4 · acción 1 — Realizar jornadas de socialización (parte de su unidad: 20 de 100 programado para la acción)", mail["otra@cali.gov.co"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ThreeBusinessDaysBeforeTheDeadline_RemindsEachUnitOnceOfWhatItOwes()
    {
        var first = await RunAsync();
        var second = await RunAsync();

        Assert.Equal(new ReminderRunSummary(2, 0), first);
        Assert.Equal(new ReminderRunSummary(0, 0), second);
        var mail = Received();
        Assert.Equal(["otra@cali.gov.co", "sgo@cali.gov.co"], mail.Select(m => m.To));
        var sgo = mail[1];
        Assert.Equal("Vigía: el reporte de avance de marzo de 2022 vence el 7 de abril de 2022", sgo.Subject);
        Assert.Contains("Hola, María Peña:", sgo.Body, StringComparison.Ordinal);
        Assert.Contains("- 3.1.4 · acción 1 — Realizar jornadas de socialización (programado: 100)", sgo.Body, StringComparison.Ordinal);
        Assert.Contains("https://vigia.cali.gov.co/gestion", sgo.Body, StringComparison.Ordinal);
        Assert.Contains("3.1.4 · acción 2 — Publicar el informe (programado: 50)", mail[0].Body, StringComparison.Ordinal);
        Assert.Contains("1.1.1 · acción 1 — Actualizar el mapa de riesgos (programado: 1)", mail[0].Body, StringComparison.Ordinal);
        var logs = await LogsAsync();
        Assert.All(logs, l => Assert.Equal((ReminderKind.DeadlineApproaching, "2022-03", 1, (string?)null), (l.Kind, l.Period, l.Attempts, l.LastError)));
        Assert.All(logs, l => Assert.NotNull(l.SentAt));
    }

    [Fact]
    public async Task Run_ByTwoInstancesAtOnce_SendsEachReminderOnce()
    {
        server = Listen();

        // Two instances on one database run the daily job at the same moment, each with its own context.
        var runs = await Task.WhenAll(RunAsync(), RunAsync());

        Assert.Equal(2, runs.Sum(r => r.Sent));
        Assert.Equal(0, runs.Sum(r => r.Failed));
        Assert.Equal(["otra@cali.gov.co", "sgo@cali.gov.co"], Received().Select(m => m.To));
        Assert.All(await LogsAsync(), l => Assert.Equal(1, l.Attempts));
    }

    [Fact]
    public async Task Run_BeforeTheReminderWindow_SendsNothing()
    {
        world.SetClock(2022, 4, 1);

        var summary = await RunAsync();

        Assert.Equal(new ReminderRunSummary(0, 0), summary);
        Assert.Empty(server!.ReceivedEmail);
    }

    [Fact]
    public async Task Run_WithOneDayLeadSetting_WaitsUntilTheDayBeforeTheDeadline()
    {
        await world.SetSettingAsync(ProgressSettings.ReminderLeadKey, "1");

        var monday = await RunAsync();
        world.SetClock(2022, 4, 6);
        var wednesday = await RunAsync();

        Assert.Equal((0, 2), (monday.Sent, wednesday.Sent));
    }

    [Fact]
    public async Task Run_WhenAUnitAlreadyReported_SparesItAndTellsTheLeaderThereIsAReportToReview()
    {
        await world.SubmitAsync();

        await RunAsync();

        var mail = Received();
        Assert.Equal(["lider3@cali.gov.co", "otra@cali.gov.co"], mail.Select(m => m.To));
        Assert.Equal("Vigía: resumen semanal — 1 por revisar, 0 vencidos", mail[0].Subject);
        Assert.Contains("- 3.1.4 · acción 1 — Realizar jornadas de socialización: marzo de 2022, enviado el 4 de abril de 2022", mail[0].Body, StringComparison.Ordinal);
        Assert.Contains("https://vigia.cali.gov.co/gestion/revision", mail[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AfterTheDeadline_SendsOverdueOncePerCycle_AndDigestsOncePerWeek()
    {
        world.SetClock(2022, 4, 8);
        var friday = await RunAsync();
        world.SetClock(2022, 4, 12);
        var nextTuesday = await RunAsync();

        Assert.Equal((4, 2), (friday.Sent, nextTuesday.Sent));
        var mail = Received();
        Assert.Equal(["lider1@cali.gov.co", "lider1@cali.gov.co", "lider3@cali.gov.co", "lider3@cali.gov.co", "otra@cali.gov.co", "sgo@cali.gov.co"],
            mail.Select(m => m.To));
        var otra = mail.Single(m => m.To == "otra@cali.gov.co");
        Assert.Equal("Vigía: tiene 2 reportes de avance vencidos", otra.Subject);
        Assert.Contains("- 1.1.1 · acción 1 — Actualizar el mapa de riesgos: marzo de 2022 (venció el 7 de abril de 2022)", otra.Body, StringComparison.Ordinal);
        Assert.Equal("Vigía: resumen semanal — 0 por revisar, 2 vencidos", mail.First(m => m.To == "lider3@cali.gov.co").Subject);
        var logs = await LogsAsync();
        Assert.Equal(["2022-03", "2022-03", "2022-W14", "2022-W14", "2022-W15", "2022-W15"], logs.Select(l => l.Period).Order());
    }

    [Fact]
    public async Task Run_WhenTheRelayIsDown_KeepsTheErrorAndTheNextRunDelivers()
    {
        var port = ClosedPort();
        var sender = Sender(port);

        var down = await world.Reminders(sender).RunAsync();
        var failed = await LogsAsync();
        server = Listen(port);
        var up = await world.Reminders(sender).RunAsync();

        Assert.Equal(new ReminderRunSummary(0, 2), down);
        Assert.All(failed, l => Assert.True(l.SentAt is null && l.Attempts == 1 && !string.IsNullOrEmpty(l.LastError)));
        Assert.Equal(new ReminderRunSummary(2, 0), up);
        Assert.All(await LogsAsync(), l => Assert.True(l.SentAt is not null && l.Attempts == 2 && l.LastError is null));
        Assert.Equal(2, server.ReceivedEmail.Length);
    }

    [Fact]
    public async Task Run_GivesUpAfterTheMaximumAttempts()
    {
        var sender = Sender(ClosedPort());
        for (var i = 0; i < 6; i++)
        {
            await world.Reminders(sender).RunAsync();
        }

        Assert.All(await LogsAsync(), l => Assert.Equal(5, l.Attempts));
    }

    [Fact]
    public async Task Run_SkipsInactivePeople()
    {
        await using (var db = world.Raw())
        {
            var user = await db.Users.SingleAsync(u => u.Email == "sgo@cali.gov.co");
            user.IsActive = false;
            await db.SaveChangesAsync();
        }

        await RunAsync();

        Assert.Equal(["otra@cali.gov.co"], Received().Select(m => m.To));
    }

    [Fact]
    public async Task Run_WithoutSmtpConfigured_DoesNothing()
    {
        var unconfigured = new SmtpEmailSender(Options.Create(new SmtpOptions()), NullLogger<SmtpEmailSender>.Instance);

        var summary = await world.Reminders(unconfigured).RunAsync();

        Assert.Equal(new ReminderRunSummary(0, 0), summary);
        Assert.Empty(await LogsAsync());
    }

    private static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}

public class SqliteReminderServiceTests() : ReminderServiceTests(DatabaseProvider.Sqlite);

public class PostgresReminderServiceTests() : ReminderServiceTests(DatabaseProvider.Postgres);
