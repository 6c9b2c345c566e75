using Vigia.Core.Accounts;
using Vigia.Core.Organisation;

namespace Vigia.Core.RiskMap;

/// <param name="EntityName">The entity that owns the map; without it, the one the file's title names, or the only
/// entity in the database.</param>
public sealed record RiskMapImportOptions(int Year, string? EntityName = null);

/// <summary>The import report: what was (or would have been) stored and every note by row and column.</summary>
public sealed record RiskMapImport(int Year, string? EntityName, int Risks, int Controls, IReadOnlyList<string> CreatedProcesses,
    IReadOnlyList<RiskImportNote> Notes)
{
    /// <summary>One error refuses the whole file.</summary>
    public bool Refused => Notes.Any(n => n.Kind == RiskImportNoteKind.Error);
}

/// <summary>
/// Stores a risk map read by <see cref="RiskMapImporter"/> into one entity's year, all or nothing: one error anywhere
/// (an unreadable row, a corruption risk failing the four-element check or treated «Aceptar», a reference already in
/// the year's map) refuses the whole file and nothing is written. Risks are assessed with the current method; the
/// processes the file names are matched by folded name, or created.
/// </summary>
/// <remarks>Like the plan importer, a refusal carries the whole report as its value (<see cref="Result.Refused"/>),
/// warnings included, so the caller can show every note whether or not the map was stored.</remarks>
public sealed class RiskMapImportService(AppDbContext db, RiskMethodCatalog methods, TimeProvider clock)
{
    /// <summary>Who may import from the web: Planeación, which consolidates the entity's map. The CLI runs as the
    /// operator of the server and calls the overload without an actor.</summary>
    public static bool CanImport(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return actor.IsIn(Roles.Planning);
    }

    public Task<Result<RiskMapImport>> ImportAsync(Stream xlsx, RiskMapImportOptions options, CancellationToken ct = default) =>
        RunAsync(xlsx, options, write: true, ct);

    public async Task<Result<RiskMapImport>> ImportAsync(Stream xlsx, RiskMapImportOptions options, Actor actor, CancellationToken ct = default)
    {
        if (!CanImport(actor))
        {
            return Result.Forbidden("Solo Planeación importa la matriz de riesgos.");
        }
        return await RunAsync(xlsx, options, write: true, ct);
    }

    /// <summary>Every check of <see cref="ImportAsync(Stream, RiskMapImportOptions, CancellationToken)"/> and its whole
    /// report, writing nothing: what the person reads before confirming.</summary>
    public async Task<RiskMapImport> PreviewAsync(Stream xlsx, RiskMapImportOptions options, CancellationToken ct = default) =>
        (await RunAsync(xlsx, options, write: false, ct)).Value;

    private async Task<Result<RiskMapImport>> RunAsync(Stream xlsx, RiskMapImportOptions options, bool write, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Year is < 2000 or > 2100)
        {
            return Refuse(options, "Escriba un año de vigencia válido.");
        }
        var method = await methods.LatestAsync(ct: ct);
        if (method is null)
        {
            return Refuse(options, "No hay método de valoración cargado; reinicie la aplicación para cargarlo.");
        }
        var reading = RiskMapImporter.Read(xlsx, method.Definition(), clock.GetUtcNow());
        var notes = reading.Notes.ToList();
        var entityName = options.EntityName ?? reading.EntityName;
        var entities = await db.Entities.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var entity = entityName is null
            ? entities.Count == 1 ? entities[0] : null
            : entities.FirstOrDefault(e => SpanishText.Fold(e.Name) == SpanishText.Fold(entityName));
        if (entity is null)
        {
            notes.Insert(0, new RiskImportNote(0, null, RiskImportNoteKind.Error, entityName is null
                ? "Indique la entidad dueña del mapa (--entity): el archivo no la nombra y hay varias entidades."
                : $"La entidad «{entityName}» no existe en Vigía; créela primero o indique otra."));
        }
        else if (await RiskMapVersions.ChangeRefusalAsync(db, entity.Id, options.Year, ct) is { } locked)
        {
            notes.Insert(0, new RiskImportNote(0, null, RiskImportNoteKind.Error, locked));
        }
        var processes = entity is null ? [] : await db.Processes.Where(p => p.EntityId == entity.Id).ToListAsync(ct);
        if (entity is not null)
        {
            var codes = reading.Risks.Select(r => r.Risk.Code).ToList();
            var taken = (await db.Risks.Where(r => r.Year == options.Year && r.Process!.EntityId == entity.Id && codes.Contains(r.Code))
                .Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            foreach (var risk in reading.Risks.Where(r => taken.Contains(r.Risk.Code)))
            {
                notes.Add(new RiskImportNote(risk.Row, RiskMapXlsx.Columns[0].Header, RiskImportNoteKind.Error,
                    $"Ya hay un riesgo con la referencia «{risk.Risk.Code}» en el mapa de {options.Year.ToString(CultureInfo.InvariantCulture)}."));
            }
        }
        var created = new List<Process>();
        foreach (var risk in reading.Risks)
        {
            var process = processes.FirstOrDefault(p => SpanishText.Fold(p.Name) == SpanishText.Fold(risk.ProcessName));
            if (process is null)
            {
                process = new Process { EntityId = entity?.Id ?? 0, Name = risk.ProcessName, Kind = ProcessKind.Support, Objective = risk.ProcessObjective };
                processes.Add(process);
                created.Add(process);
                notes.Add(new RiskImportNote(risk.Row, "Proceso", RiskImportNoteKind.Warning,
                    $"El proceso «{risk.ProcessName}» no existía: se crea como proceso de apoyo; corrija su tipo y su líder en /admin/procesos."));
            }
            risk.Risk.Process = process;
            risk.Risk.Year = options.Year;
            risk.Risk.MethodId = method.Id;
        }
        notes = notes.OrderBy(n => n.Row).ThenBy(n => n.Kind).ToList();
        var report = new RiskMapImport(options.Year, entity?.Name ?? entityName, reading.Risks.Count, reading.Risks.Sum(r => r.Risk.Controls.Count),
            created.Select(p => p.Name).ToList(), notes);
        var errors = notes.Where(n => n.Kind == RiskImportNoteKind.Error).ToList();
        if (errors.Count > 0)
        {
            return Result.Refused(Result.Invalid(errors.Select((n, i) => (n, i))
                .ToDictionary(x => RiskImportFields.Note(x.i), x => x.n.Text, StringComparer.Ordinal)), report);
        }
        if (!write)
        {
            return Result.Saved(report);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Processes.AddRange(created);
        db.Risks.AddRange(reading.Risks.Select(r => r.Risk));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Saved(report);
    }

    private static Result<RiskMapImport> Refuse(RiskMapImportOptions options, string message) =>
        Result.Refused(Result.Invalid(RiskImportFields.Note(0), message),
            new RiskMapImport(options.Year, options.EntityName, 0, 0, [], [new RiskImportNote(0, null, RiskImportNoteKind.Error, message)]));
}

/// <summary>Keys of a refused import's errors: one per error, in the report's order.</summary>
public static class RiskImportFields
{
    public static string Note(int index) => string.Create(CultureInfo.InvariantCulture, $"nota-{index}");
}
