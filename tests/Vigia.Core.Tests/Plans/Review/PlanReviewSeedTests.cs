using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Plans;
using Vigia.Core.Plans.Review;

namespace Vigia.Core.Tests.Plans.Review;

/// <summary>The review on the Cali 2022 seed, imported as the other plan tests import it: the findings the issue names
/// (1.3.4, 6.2, 6.3) and one of every other rule the seed triggers; then a revision, to review a draft and a frozen
/// version side by side.</summary>
public abstract class PlanReviewSeedTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Actor Planner = new("planeacion-1", "Ana Planeación", new HashSet<string> { Roles.Planning });

    private readonly FakeTimeProvider clock = new(TestTime.Monday4April2022.ToUniversalTime());
    private TestDatabase database = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.CreateMigratedContextAsync();
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "data", "paac-cali-2022.txt"));
        var outcome = await new PlanImportService(db, clock).ImportAsync(Vigia.Core.Plans.Importing.PlanDocumentReader.ReadText(reader),
            new PlanImportOptions(Published: new PublicationApproval(null, null, "Original firmado")), "prueba");
        Assert.True(outcome.Succeeded);
        await TestPlanners.AddAsync(db, Planner);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    private async Task<PlanReviewReport> ReviewAsync(int? version = null)
    {
        await using var db = database.CreateContext();
        var planId = await db.Plans.Select(p => p.Id).SingleAsync();
        return (await PlanReviews.RunAsync(db, planId, version, default))!;
    }

    private static ReviewFinding Single(PlanReviewReport report, string rule, string code, string? field = null) =>
        Assert.Single(report.Findings, f => f.RuleId == rule && f.Code == code && (field is null || f.Field == field));

    [Fact]
    public async Task Seed_ErrorsBesidesTheSchedule_AreExactlyTheContradictionsOfTargetAndGoal()
    {
        var report = await ReviewAsync();

        var errors = report.Findings.Where(f => f.Severity == FindingSeverity.Error && f.RuleId != "missing-schedule")
            .Select(f => (f.RuleId, f.Code, f.Message)).ToList();
        Assert.Equal(
        [
            ("target-unit-contradicts-goal", "1.3.4-1", "La meta cuenta «una (01)», pero el resultado esperado es un porcentaje (100 %): use una cantidad o reescriba la meta."),
            ("target-unit-contradicts-goal", "2.2-1", "La meta cuenta «Un (1)», pero el resultado esperado es un porcentaje (100 %): use una cantidad o reescriba la meta."),
            ("target-unit-contradicts-goal", "5.4.3-1", "La meta es un porcentaje, pero el resultado esperado es una cantidad (1): use un porcentaje o reescriba la meta."),
            ("goal-number-differs", "6.2-1", "La meta dice «Quinientos (500)» y el resultado esperado es 3."),
            ("goal-number-differs", "6.3-1", "La meta dice «Mil (1000)» y el resultado esperado es 6."),
        ], errors);
        Assert.Equal((1, VersionStatus.Published, true), (report.VersionNumber, report.Status, report.IsLatest));
    }

    [Fact]
    public async Task Seed_HasNoMonthlySchedule_SoEveryActionLacksIt()
    {
        var report = await ReviewAsync();
        await using var db = database.CreateContext();

        var actions = await db.Actions.CountAsync();
        Assert.Equal(actions, report.Findings.Count(f => f.RuleId == "missing-schedule"));
        Assert.Equal(actions + 5, report.ErrorCount);
        Assert.DoesNotContain(report.Findings, f => f.RuleId is "missing-target" or "missing-formula" or "missing-responsible" or "missing-target-unit");
    }

    [Fact]
    public async Task Seed_Warnings_OneOfEachRule()
    {
        var report = await ReviewAsync();

        Assert.Equal("El producto menciona 2020, y el plan es de 2022: revise si el año es el correcto.",
            Single(report, "other-year", "6.3-1").Message);
        Assert.Contains("2021 y 2023", Single(report, "other-year", "1.3.7-1").Message, StringComparison.Ordinal);
        // «Resolución 1519 de 2020» (5.1.2) is a legal reference, not a year of the plan.
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "other-year" && f.Code == "5.1.2-1");
        Assert.Equal("La actividad 3.2.4 repite la actividad 2.5 («Implementar estrategia de Lenguaje Claro»).",
            Single(report, "duplicate-activity", "3.2.4").Message);
        Assert.Contains("es casi igual a la actividad 4.2.1", Single(report, "duplicate-activity", "4.2.3").Message, StringComparison.Ordinal);
        Assert.Contains("es casi igual a la acción 3.2.1-2", Single(report, "duplicate-action", "3.2.1-3").Message, StringComparison.Ordinal);
        Assert.Contains("«Todos los procesos de la entidad» no tiene unidades", Single(report, "group-without-members", "1.2.1-1").Message, StringComparison.Ordinal);
        Assert.Equal("La fórmula «Número» no nombra nada de lo que la meta se propone («Un (1) plan de trabajo»).",
            Single(report, "formula-does-not-measure-goal", "5.1.1-1").Message);
        Assert.Contains("la fórmula cuenta en lugar de dividir", Single(report, "formula-does-not-measure-goal", "1.3.4-1").Message, StringComparison.Ordinal);
        // The importer put every unit the seed names in the catalogue.
        Assert.DoesNotContain(report.Findings, f => f.RuleId == "unit-not-in-catalogue");
        Assert.Equal(["duplicate-action", "duplicate-activity", "formula-does-not-measure-goal", "group-without-members", "other-year"],
            report.Findings.Where(f => f.Severity == FindingSeverity.Warning).Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seed_PlainLanguage_LongSentencesReadabilityAndJargon()
    {
        var report = await ReviewAsync();

        Assert.StartsWith("Una frase de 66 palabras", Single(report, "long-sentence", "1.4.2-1", ReviewFields.Description).Message, StringComparison.Ordinal);
        Assert.Matches(@"^Legibilidad baja: índice de Fernández-Huerta 13,16, «muy difícil» en la escala INFLESZ \(66 palabras, 1 frases",
            Single(report, "low-readability", "1.4.2-1", ReviewFields.Description).Message);
        Assert.Contains(report.Findings, f => f.RuleId == "jargon" && f.Code == "1.3.3-1" && f.Field == ReviewFields.Goal && f.Message.StartsWith("«PAAC»", StringComparison.Ordinal));
        Assert.Contains(report.Findings, f => f.RuleId == "jargon" && f.Code == "1.2.2" && f.Field == ReviewFields.ActivityName);
        Assert.All(report.Findings.Where(f => f.RuleId is "long-sentence" or "low-readability" or "jargon"), f => Assert.Equal(FindingSeverity.PlainLanguage, f.Severity));
    }

    [Fact]
    public async Task ARevisionDraft_IsReviewedApart_FromTheFrozenVersion()
    {
        int planId;
        ActionSnapshot sixThree;
        await using (var db = database.CreateContext())
        {
            planId = await db.Plans.Select(p => p.Id).SingleAsync();
            var scope = new AuditScope();
            var options = new DbContextOptionsBuilder<AppDbContext>();
            DatabaseSetup.Configure(options, database.Provider, database.ConnectionString, new AuditInterceptor(scope, clock));
            await using var writer = new AppDbContext(options.Options);
            var service = new PlanLifecycleService(writer, scope, clock);
            Assert.Equal(ResultStatus.Saved, (await service.StartRevisionAsync(planId, "Corregir las metas de 6.3 según la revisión de calidad.", Planner)).Status);
            sixThree = (await PlanSnapshot.LoadAsync(db, planId, default)).Components.Single(c => c.Number == 6)
                .Activities.Single(a => a.Code == "6.3").Actions.Single();
            var edit = new ActionEdit(sixThree.Id, sixThree.Description, sixThree.Goal, "Actividades pedagógicas ejecutadas en el segundo semestre de 2022.",
                "Número de colaboradores alcanzados en el año", 1000, sixThree.ResponsibleText);
            Assert.Equal(ResultStatus.Saved, (await service.EditDraftActionAsync(planId, edit, Planner)).Status);
        }

        var draft = await ReviewAsync();
        var published = await ReviewAsync(1);

        Assert.Equal((2, VersionStatus.Draft, true), (draft.VersionNumber, draft.Status, draft.IsLatest));
        Assert.DoesNotContain(draft.Findings, f => f.Code == "6.3-1" && f.RuleId is "goal-number-differs" or "other-year" or "formula-does-not-measure-goal");
        Assert.Equal((1, false), (published.VersionNumber, published.IsLatest));
        Assert.Contains(published.Findings, f => f.Code == "6.3-1" && f.RuleId == "goal-number-differs");
        Assert.Equal(published.ErrorCount - 1, draft.ErrorCount);
        await using var check = database.CreateContext();
        Assert.Null(await PlanReviews.RunAsync(check, planId, 3, default));
    }
}

public sealed class SqlitePlanReviewSeedTests() : PlanReviewSeedTests(DatabaseProvider.Sqlite);

public sealed class PostgresPlanReviewSeedTests() : PlanReviewSeedTests(DatabaseProvider.Postgres);
