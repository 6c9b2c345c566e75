using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Vigia.Core.Accounts;
using Vigia.Core.Audit;
using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Core.Tests.RiskMap;

/// <summary>The import of a risk map from the XLSX matrix on a real database: the export read back without a
/// difference, another entity's matrix (columns in its own order, merged risk cells, its own zones) read with
/// warnings by row, and a file with one bad risk refused whole.</summary>
public abstract class RiskMapImportTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string EntityName = "Alcaldía de Prueba";
    private readonly FakeTimeProvider clock = new(TestTime.Written);
    private TestDatabase database = null!;
    private int contracting;

    private static readonly Actor Planning = new("planeacion", "Pedro Planeación", new HashSet<string> { Roles.Planning });

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(provider);
        contracting = await SeedAsync(database, clock);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    /// <summary>The entity, one process and the shipped methods; returns the process's id.</summary>
    private static async Task<int> SeedAsync(TestDatabase target, TimeProvider clock)
    {
        await using var db = await target.CreateMigratedContextAsync();
        var entity = new Entity { Name = EntityName, Slug = "prueba" };
        var process = new Process { Entity = entity, Name = "Gestión de la Contratación", Kind = ProcessKind.Support };
        db.AddRange(entity, process);
        await db.SaveChangesAsync();
        await new RiskMethodCatalog(db, clock).EnsureLoadedAsync();
        return process.Id;
    }

    private async Task<Result<RiskMapImport>> ImportAsync(TestDatabase target, byte[] file, string? entity = EntityName)
    {
        await using var db = target.CreateContext();
        return await new RiskMapImportService(db, new RiskMethodCatalog(db, clock), clock)
            .ImportAsync(new MemoryStream(file), new RiskMapImportOptions(2026, entity));
    }

    [Fact]
    public async Task ExportThenImport_IntoAFreshDatabase_GivesBackEveryRiskControlAndZone()
    {
        byte[] exported;
        await using (var db = database.CreateContext())
        {
            var service = new RiskMapService(db, new RiskMapAccess(db), new RiskMethodCatalog(db, clock), new AuditScope(), clock);
            var finance = new Process { EntityId = await db.Entities.Select(e => e.Id).SingleAsync(), Name = "Gestión Financiera", Kind = ProcessKind.Support, Objective = "Administrar los recursos" };
            db.Processes.Add(finance);
            await db.SaveChangesAsync();
            var first = (await service.SaveRiskAsync(Planning, null, RiskMethodTests.Draft() with { ProcessId = contracting, ActivityFrequency = 1000, YesAnswers = [1, 2, 3] })).Value;
            await service.SaveControlAsync(Planning, first.Id, null, new ControlDraft("Verifica los requisitos habilitantes", "Profesional de contratación", "preventivo", "manual", "documentado", "continua", "con-registro"));
            await service.SaveControlAsync(Planning, first.Id, null, new ControlDraft("El comité revisa por muestreo", "Comité de contratación", "detectivo", "automatico", "sin-documentar", "aleatoria", "sin-registro"));
            await service.SaveControlAsync(Planning, first.Id, null, new ControlDraft("Se anula el contrato", "Jefe jurídico", "correctivo", "manual", "documentado", "aleatoria", "con-registro"));
            await service.SaveRiskAsync(Planning, null, RiskMethodTests.Draft() with { ProcessId = finance.Id, Code = "RC-02", Treatment = "evitar", YesAnswers = [16] });
            var third = (await service.SaveRiskAsync(Planning, null, RiskMethodTests.Draft() with { ProcessId = finance.Id, Code = "RC-03", ActivityFrequency = 6000, Treatment = "compartir" })).Value;
            await service.SaveControlAsync(Planning, third.Id, null, new ControlDraft("Conciliación automática diaria", "Tesorero", "preventivo", "automatico", "documentado", "continua", "con-registro"));
            using var stream = new MemoryStream();
            await RiskMapXlsx.WriteAsync(db, new RiskMethodCatalog(db, clock), await db.Entities.Select(e => e.Id).SingleAsync(), 2026, stream);
            exported = stream.ToArray();
        }
        await using var fresh = await TestDatabase.CreateAsync(provider);
        await using (var db = await fresh.CreateMigratedContextAsync())
        {
            db.Entities.Add(new Entity { Name = EntityName, Slug = "prueba" });
            await db.SaveChangesAsync();
            await new RiskMethodCatalog(db, clock).EnsureLoadedAsync();
        }

        var result = await ImportAsync(fresh, exported, entity: null);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Values));
        Assert.Equal((3, 4), (result.Value.Risks, result.Value.Controls));
        // The fresh database has no process yet: creating them is the only note; no computed value differs.
        Assert.Equal(["Gestión Financiera", "Gestión de la Contratación"], result.Value.CreatedProcesses.Order(StringComparer.Ordinal));
        Assert.All(result.Value.Notes, n => Assert.Equal("Proceso", n.Column));
        Assert.Equal(await SnapshotAsync(database), await SnapshotAsync(fresh));
    }

    [Fact]
    public async Task AnotherEntitysMatrix_WithMergedCellsColumnsInItsOrderAndItsOwnZones_IsImportedWithWarningsByRow()
    {
        var file = RiskMatrix.Build(RiskMatrix.ShuffledHeaders,
            new MatrixRisk(new(RiskMatrix.Risk("RC-01", "GESTION DE LA CONTRATACION", 1000, "1, 2, 3"), StringComparer.Ordinal)
            {
                ["Observaciones"] = "Revisado en comité",
                ["Zona de riesgo inherente"] = "Moderado",
                ["Zona de riesgo final"] = "Bajo",
            },
            [
                With(RiskMatrix.Control("Preventivo", "Manual"), "Probabilidad residual", "48 %"),
                With(RiskMatrix.Control("Detectivo", "Manual", "El comité revisa por muestreo"), "Probabilidad residual", 0.3),
                With(RiskMatrix.Control("Correctivo", "Automático", "Se anula el contrato"), "Probabilidad residual", 0.336),
            ]),
            new MatrixRisk(new(RiskMatrix.Risk("RC-02", "Gestión Financiera", 20, 5), StringComparer.Ordinal)
            {
                ["Zona de riesgo inherente"] = "moderado",
                ["Tratamiento"] = "Evitar",
            },
            [RiskMatrix.Control("Preventivo", "Automático", "Conciliación diaria"), RiskMatrix.Control("Detectivo", "Manual", "Arqueo mensual")],
                Merge: false));

        var result = await ImportAsync(database, file);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Values));
        Assert.Equal(
        [
            "Fila 3, columna «Zona de riesgo inherente»: El archivo dice «Moderado» y Vigía calcula «Alto»; se guarda el cálculo de Vigía.",
            "Fila 3, columna «Zona de riesgo final»: El archivo dice «Bajo» y Vigía calcula «Moderado»; se guarda el cálculo de Vigía.",
            "Fila 4, columna «Probabilidad residual»: El archivo dice 30 % y Vigía calcula 33,6 %; se guarda el cálculo de Vigía.",
            "Fila 6, columna «Proceso»: El proceso «Gestión Financiera» no existía: se crea como proceso de apoyo; corrija su tipo y su líder en /admin/procesos.",
        ], result.Value.Notes.Select(n => n.Text));
        Assert.All(result.Value.Notes, n => Assert.Equal(RiskImportNoteKind.Warning, n.Kind));
        await using var db = database.CreateContext();
        var risks = await db.Risks.AsNoTracking().Include(r => r.Controls).Include(r => r.Process).OrderBy(r => r.Code).ToListAsync();
        Assert.Equal(2, risks.Count);
        var (first, second) = (risks[0], risks[1]);
        Assert.Equal((contracting, "alto", 2, 3, "moderado", 33.6m), (first.ProcessId, first.InherentZone, first.ResidualProbability, first.ResidualImpact, first.ResidualZone, first.ResidualProbabilityValue));
        Assert.Equal([(1, "preventivo", 40m), (2, "detectivo", 30m), (3, "correctivo", 35m)], first.Controls.OrderBy(c => c.Number).Select(c => (c.Number, c.Type, c.Score)));
        Assert.Equal(("Gestión Financiera", "evitar", "5", "moderado"), (second.Process!.Name, second.Treatment, second.ImpactAnswers, second.InherentZone));
        Assert.Equal([(1, "Conciliación diaria"), (2, "Arqueo mensual")], second.Controls.OrderBy(c => c.Number).Select(c => (c.Number, c.Description)));
        Assert.Equal((14m, "moderado"), (second.ResidualProbabilityValue, second.ResidualZone));
        Assert.Equal(2026, second.Year);
    }

    [Fact]
    public async Task AFileWithARiskMissingAnElementAndOneAccepted_IsRefusedByRowAndColumn_AndNothingIsWritten()
    {
        await using (var db = database.CreateContext())
        {
            var service = new RiskMapService(db, new RiskMapAccess(db), new RiskMethodCatalog(db, clock), new AuditScope(), clock);
            await service.SaveRiskAsync(Planning, null, RiskMethodTests.Draft() with { ProcessId = contracting, Code = "RC-09" });
        }
        var before = await SnapshotAsync(database);
        var file = RiskMatrix.Build(RiskMatrix.ShuffledHeaders,
            new MatrixRisk(RiskMatrix.Risk("RC-01", "Proceso Nuevo", 20, "1"), [RiskMatrix.Control("Preventivo", "Manual")]),
            new MatrixRisk(new(RiskMatrix.Risk("RC-02", "Gestión de la Contratación", 20, "1"), StringComparer.Ordinal) { ["Beneficio privado"] = "No" },
                [RiskMatrix.Control("Preventivo", "Manual"), RiskMatrix.Control("Milagroso", "Manual")]),
            new MatrixRisk(new(RiskMatrix.Risk("RC-03", "Gestión de la Contratación", 20, "1"), StringComparer.Ordinal) { ["Tratamiento"] = "Aceptar" }, []),
            new MatrixRisk(RiskMatrix.Risk("RC-09", "Gestión de la Contratación", 20, "1"), []),
            new MatrixRisk(new(RiskMatrix.Risk("RC-10", "Gestión de la Contratación", 20, "1"), StringComparer.Ordinal) { ["Frecuencia con la que se realiza la actividad"] = "muchas" }, []));

        var result = await ImportAsync(database, file);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal(
        [
            "Fila 4, columna «Beneficio privado»: No es un riesgo de corrupción: le falta beneficio privado. Un riesgo de corrupción reúne los cuatro elementos.",
            "Fila 5, columna «Tipo»: «Milagroso» no es una opción de tipo: Preventivo, Detectivo, Correctivo.",
            "Fila 6, columna «Tratamiento»: Un riesgo de corrupción no se puede aceptar: elija reducir, compartir o evitar.",
            "Fila 7, columna «Referencia»: Ya hay un riesgo con la referencia «RC-09» en el mapa de 2026.",
            "Fila 8, columna «Frecuencia con la que se realiza la actividad»: «muchas» no es un número de veces al año (un entero, 0 o más).",
        ], result.Value.Notes.Where(n => n.Kind == RiskImportNoteKind.Error).Select(n => n.Text));
        Assert.Equal(result.Value.Notes.Where(n => n.Kind == RiskImportNoteKind.Error).Select(n => n.Text), result.Errors.Values);
        Assert.Equal(before, await SnapshotAsync(database));
        await using var check = database.CreateContext();
        Assert.False(await check.Processes.AnyAsync(p => p.Name == "Proceso Nuevo"));
    }

    [Fact]
    public async Task AFileWithoutTheMatrixHeaders_IsRefusedNamingWhatIsMissing()
    {
        var file = RiskMatrix.Build(["Referencia", "Descripción del riesgo", "Proceso"]);

        var result = await ImportAsync(database, file);

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.StartsWith("Fila 2: Faltan columnas de la matriz: «Impacto», «Causa inmediata»", Assert.Single(result.Value.Notes).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no es una hoja de cálculo")]
    [InlineData("PK\u0003\u0004 roto")]
    public async Task AFileThatIsNotAWorkbook_IsRefusedWithoutAnException(string content)
    {
        var result = await ImportAsync(database, System.Text.Encoding.UTF8.GetBytes(content));

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.Equal("El archivo no es una hoja de cálculo .xlsx legible.", Assert.Single(result.Value.Notes).Text);
    }

    private static Dictionary<string, object> With(Dictionary<string, object> cells, string header, object value)
    {
        cells[header] = value;
        return cells;
    }

    /// <summary>Every stored risk with its controls and computed positions, without ids: equal snapshots are equal maps.</summary>
    private static async Task<string> SnapshotAsync(TestDatabase target)
    {
        await using var db = target.CreateContext();
        var risks = await db.Risks.AsNoTracking().Include(r => r.Controls).Include(r => r.Process).Include(r => r.Method).ToListAsync();
        var processes = await db.Processes.AsNoTracking().Select(p => p.Name).ToListAsync();
        return JsonSerializer.Serialize(new
        {
            Processes = processes.Order(StringComparer.Ordinal),
            Risks = risks.OrderBy(r => r.Code, StringComparer.Ordinal).Select(r => new
            {
                Process = r.Process!.Name,
                r.Year,
                r.Code,
                r.Description,
                r.Classification,
                r.ActionOrOmission,
                r.UseOfPower,
                r.DeviationFromPublicInterest,
                r.PrivateBenefit,
                r.ImmediateCause,
                r.RootCause,
                r.Consequences,
                r.ActivityFrequency,
                r.ImpactAnswers,
                Method = $"{r.Method!.Code} {r.Method.Revision}",
                r.InherentProbability,
                r.InherentImpact,
                r.InherentZone,
                r.ResidualProbability,
                r.ResidualImpact,
                r.ResidualZone,
                r.ResidualProbabilityValue,
                r.ResidualImpactValue,
                r.Treatment,
                r.UpdatedAt,
                Controls = r.Controls.OrderBy(c => c.Number).Select(c => new
                {
                    c.Number,
                    c.Description,
                    c.ResponsiblePost,
                    c.Type,
                    c.Implementation,
                    c.Documentation,
                    c.Frequency,
                    c.Evidence,
                    c.Score,
                }),
            }),
        });
    }
}

public sealed class SqliteRiskMapImportTests() : RiskMapImportTests(DatabaseProvider.Sqlite);

public sealed class PostgresRiskMapImportTests() : RiskMapImportTests(DatabaseProvider.Postgres);
