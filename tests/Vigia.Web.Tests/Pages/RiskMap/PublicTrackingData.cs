using Vigia.Core.Monitoring;
using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Tests.Pages.RiskMap;

/// <summary>The year's tracking of a published map written through the real services: an accepted monitoring, a
/// pending and a returned one, and a materialization with an improvement action. The people have names the public
/// must never see.</summary>
internal static class PublicTrackingData
{
    public const string Leader = "Ana Monitora Pérez";
    public const string Reviewer = "Beto Revisor Gómez";
    public const string AcceptedNote = "Se verificaron los requisitos de los 14 procesos de octubre con la lista de chequeo.";
    public const string ReviewComment = "Soportes completos.";
    public const string PendingNote = "Nota pendiente de revisión de noviembre.";
    public const string ReturnedNote = "Nota devuelta de septiembre.";
    public const string Materialization = "Se adjudicó un contrato sin los requisitos habilitantes.";
    public const string ImprovementText = "Capacitar al equipo de contratación en la verificación de requisitos.";
    public const string EvidenceUrl = "https://denuncias.example.org/radicado-privado-123";

    public static readonly Actor LeaderActor = new("tracking-leader", Leader, new HashSet<string> { Roles.Planning });
    public static readonly Actor ReviewerActor = new("tracking-reviewer", Reviewer, new HashSet<string> { Roles.Planning });

    /// <summary>Monitors control 1 of <paramref name="riskId"/> (October accepted, September returned, November
    /// pending) and records a materialization on 3 March with one improvement action of the entity's first unit.</summary>
    public static async Task TrackAsync(IServiceProvider services, int riskId)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var monitoring = services.GetRequiredService<ControlMonitoringService>();
        var control = await db.RiskControls.Where(c => c.RiskId == riskId).OrderBy(c => c.Number).Select(c => c.Id).FirstAsync();
        async Task<int> SubmitAsync(int month, string note)
        {
            var submitted = await monitoring.SubmitAsync(LeaderActor, control, new ControlMonitoringDraft(month, true, note, [EvidenceUrl], []));
            Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors.Values));
            return submitted.Value;
        }
        Assert.True((await monitoring.ReviewAsync(ReviewerActor, await SubmitAsync(10, AcceptedNote), ReviewDecision.Accept, ReviewComment)).Succeeded);
        Assert.True((await monitoring.ReviewAsync(ReviewerActor, await SubmitAsync(9, ReturnedNote), ReviewDecision.Return, "Falta el soporte.")).Succeeded);
        await SubmitAsync(11, PendingNote);

        var materializations = services.GetRequiredService<MaterializationService>();
        var recorded = await materializations.RecordAsync(LeaderActor, riskId, new MaterializationDraft(new DateOnly(2026, 3, 3), Materialization,
            Authorities.Procuraduria | Authorities.Fiscalia, new DateOnly(2026, 3, 5), [EvidenceUrl], []));
        Assert.True(recorded.Succeeded, string.Join(" ", recorded.Errors.Values));
        var entityId = await db.Risks.Where(r => r.Id == riskId).Select(r => r.Process!.EntityId).SingleAsync();
        var unit = await db.Units.Where(u => u.EntityId == entityId && u.IsActive).OrderBy(u => u.Id).Select(u => u.Id).FirstAsync();
        var action = await materializations.AddActionAsync(LeaderActor, recorded.Value, new ImprovementActionDraft(ImprovementText, unit,
            new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30), "Listas de asistencia y evaluación"));
        Assert.True(action.Succeeded, string.Join(" ", action.Errors.Values));
    }

    public static async Task<string> FirstUnitNameAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<AppDbContext>();
        return await db.Units.Where(u => u.IsActive).OrderBy(u => u.Id).Select(u => u.Name).FirstAsync();
    }
}
