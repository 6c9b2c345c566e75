using System.Text.Json;
using System.Text.Json.Serialization;
using Vigia.Core.OpenData;
using Vigia.Core.Schedule;

namespace Vigia.Web.OpenData;

/// <summary>The plan as open data: one row per action, as CSV and JSON, UTF-8 with Spanish column names.</summary>
public static class OpenDataEndpoints
{
    public const string ActionsName = "OpenData.Actions";
    public const string ActionsByEntityName = "OpenData.ActionsByEntity";

    public const string WorkbookName = "OpenData.PlanWorkbook";
    public const string WorkbookByEntityName = "OpenData.PlanWorkbookByEntity";

    public const string ChangeLogName = "OpenData.PlanChangeLog";
    public const string ChangeLogByEntityName = "OpenData.PlanChangeLogByEntity";

    /// <summary>"1; Published": the plan version an open-data file serves, and its state.</summary>
    public const string PlanVersionHeader = "X-Plan-Version";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/acciones.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ActionsAsync(null, year, format, locator, db, http, ct))
            .WithName(ActionsName)
            .WithSummary("Acciones del plan de la vigencia (CSV, JSON o XLSX), cuando una sola entidad tiene plan ese año").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/acciones.{format:regex(^(csv|json|xlsx)$)}",
            (string entity, int year, string format, PlanLocator locator, AppDbContext db, HttpContext http, CancellationToken ct) =>
                ActionsAsync(entity, year, format, locator, db, http, ct))
            .WithName(ActionsByEntityName)
            .WithSummary("Acciones del plan de una entidad y vigencia (CSV, JSON o XLSX)").WithTags("Datos abiertos");
        group.MapRead("/{year:int}/plan.xlsx",
            (int year, int? version, PlanLocator locator, AppDbContext db, CancellationToken ct) => WorkbookAsync(null, year, version, locator, db, ct))
            .WithName(WorkbookName)
            .WithSummary("El plan de la vigencia en el formato del documento (XLSX), o una versión pública anterior con ?version=n").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/plan.xlsx",
            (string entity, int year, int? version, PlanLocator locator, AppDbContext db, CancellationToken ct) => WorkbookAsync(entity, year, version, locator, db, ct))
            .WithName(WorkbookByEntityName)
            .WithSummary("El plan de una entidad y vigencia en el formato del documento (XLSX)").WithTags("Datos abiertos");
        group.MapRead("/{year:int}/control-de-cambios.pdf",
            (int year, PlanLocator locator, AppDbContext db, CancellationToken ct) => ChangeLogAsync(null, year, locator, db, ct))
            .WithName(ChangeLogName)
            .WithSummary("El control de cambios del plan de la vigencia (PDF etiquetado): cada versión publicada, su justificación y sus cambios").WithTags("Datos abiertos");
        group.MapRead("/{entity}/{year:int}/control-de-cambios.pdf",
            (string entity, int year, PlanLocator locator, AppDbContext db, CancellationToken ct) => ChangeLogAsync(entity, year, locator, db, ct))
            .WithName(ChangeLogByEntityName)
            .WithSummary("El control de cambios del plan de una entidad y vigencia (PDF etiquetado)").WithTags("Datos abiertos");
    }

    /// <summary>The change log as the plan document carries it: every published version with its justification and the
    /// field-by-field difference from the one before, as a tagged PDF.</summary>
    private static async Task<IResult> ChangeLogAsync(string? entity, int year, PlanLocator locator, AppDbContext db, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return PlanNotFound(location, year, "control-de-cambios.pdf");
        }
        var log = await PlanChangeLog.LoadAsync(db, location.PlanId!.Value, ct);
        using var output = new MemoryStream();
        PlanChangeLogPdf.Write(log, output);
        return Results.File(output.ToArray(), "application/pdf", log.FileName);
    }

    /// <summary>The plan in the document's own layout: the version the public sees, or any public version
    /// (<c>?version=n</c>), with the change log on a second sheet.</summary>
    private static async Task<IResult> WorkbookAsync(string? entity, int year, int? version, PlanLocator locator, AppDbContext db, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return PlanNotFound(location, year, "plan.xlsx");
        }
        var planId = location.PlanId!.Value;
        var heading = await PlanDocumentHeading.LoadAsync(db, planId, ct);
        var header = await PlanHeader.LoadAsync(db, planId, ct);
        var versions = await PlanVersions.ListAsync(db, planId, includeDrafts: false, ct);
        var number = version ?? header.Version;
        if (versions.All(v => v.Number != number) || await PlanLifecycleService.ContentAsync(db, planId, number, ct) is not { } content)
        {
            return Results.Problem(title: $"El plan {year} no tiene una versión {number} publicada", statusCode: StatusCodes.Status404NotFound);
        }
        var simulated = await SimulatedSchedule.InContentAsync(db, planId, content, ct);
        using var output = new MemoryStream();
        // The differences of the versions up to the one served (ADR 033: added, removed and moved parts too).
        var changes = (await PlanChangeLog.LoadAsync(db, planId, ct)).Entries.Where(e => e.Version.Number <= number).ToList();
        PlanWorkbook.Write(output, heading, content, number, versions, simulated, changes);
        return Results.File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            string.Create(CultureInfo.InvariantCulture, $"plan-{location.CandidateEntities[0]}-{year}-version-{number}.xlsx"));
    }

    private static async Task<IResult> ActionsAsync(string? entity, int year, string format, PlanLocator locator,
        AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return PlanNotFound(location, year, $"acciones.{format}");
        }
        var rows = await ActionRow.LoadAsync(db, location.PlanId!.Value, ct);
        var fileName = $"paac-{location.CandidateEntities[0]}-{year}-acciones.{format}";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        // The files keep their columns; which version of the plan they hold travels in a header of its own.
        var header = await PlanHeader.LoadAsync(db, location.PlanId!.Value, ct);
        http.Response.Headers[PlanVersionHeader] = string.Create(CultureInfo.InvariantCulture, $"{header.Version}; {header.VersionStatus}");
        OpenDataFiles.AnnounceLicence(http);
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, OpenDatasets.Actions, rows.Select(r => r.ToCells()), fileName);
        }
        if (format == "json")
        {
            var payload = rows.Select(r => new Dictionary<string, object?>
            {
                ["componente"] = r.Component,
                ["subcomponente"] = r.Subcomponent,
                ["actividad_codigo"] = r.ActivityCode,
                ["actividad"] = r.Activity,
                ["accion"] = r.ActionNumber,
                ["descripcion"] = r.Description,
                ["meta"] = r.Goal,
                ["producto"] = r.Deliverable,
                ["indicador_formula"] = r.IndicatorFormula,
                ["meta_cantidad"] = r.TargetQuantity,
                ["meta_unidad"] = ActionRow.UnitName(r.TargetUnit),
                ["responsables"] = string.Join(" | ", r.ResponsibleUnits),
                ["meses_programados"] = r.Schedule.Select(s => new { mes = s.Month, cantidad = s.Quantity }).ToList(),
                ["programacion_simulada"] = r.ScheduleSimulated ? "si" : "no",
            });
            return Results.Json(payload, Json, "application/json; charset=utf-8");
        }
        using var csv = new MemoryStream();
        await CsvFormat.WriteAsync(csv, ActionRow.Columns, rows.Select(r => r.ToCells()), ct);
        return Results.Bytes(csv.ToArray(), "text/csv; charset=utf-8");
    }

    internal static IResult PlanNotFound(PlanLocation location, int year, string resource) => location.Ambiguous
        ? Results.Problem(
            title: $"Varias entidades tienen plan para la vigencia {year}",
            detail: "Indique la entidad en la dirección: " + string.Join(", ", location.CandidateEntities.Select(e => $"/datos/{e}/{year}/{resource}")),
            statusCode: StatusCodes.Status404NotFound)
        : Results.Problem(title: $"No hay un plan publicado para la vigencia {year}", statusCode: StatusCodes.Status404NotFound);
}
