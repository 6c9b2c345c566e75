using System.Text;
using System.Text.Json;
using Vigia.Core.Compliance;
using Vigia.Core.Consolidation;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>The consolidated views as open data: /datos/{year}/nacional.csv|json|xlsx and
/// /datos/{year}/departamentos/{slug}.csv|json|xlsx (?fecha=AAAA-MM-DD, today in Colombia when omitted, clamped to the
/// year), every public plan of the scope in rank order. CSV and JSON are written to the response as the rows arrive
/// from <see cref="IConsolidatedCompliance.StreamAsync"/>; the XLSX is built whole (a workbook cannot be streamed).</summary>
public static class ConsolidationOpenDataEndpoints
{
    public const string NationName = "OpenData.ConsolidatedNation";
    public const string DepartmentName = "OpenData.ConsolidatedDepartment";

    /// <summary>Rows written between two flushes of the JSON writer.</summary>
    private const int JsonFlushEvery = 50;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void MapConsolidationOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/datos").AllowAnonymous();
        group.MapRead("/{year:int}/nacional.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string format, string? fecha, AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock, HttpContext http,
                CancellationToken ct) => FileAsync(year, null, format, fecha, db, consolidated, clock, http, ct))
            .WithName(NationName)
            .WithSummary("Cumplimiento consolidado de la nación: una fila por plan público de la vigencia en orden de puesto (?fecha=AAAA-MM-DD)")
            .WithTags("Datos abiertos");
        group.MapRead("/{year:int}/departamentos/{slug}.{format:regex(^(csv|json|xlsx)$)}",
            (int year, string slug, string format, string? fecha, AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock,
                HttpContext http, CancellationToken ct) => FileAsync(year, slug, format, fecha, db, consolidated, clock, http, ct))
            .WithName(DepartmentName)
            .WithSummary("Cumplimiento consolidado de un departamento: una fila por plan público de sus entidades en orden de puesto")
            .WithTags("Datos abiertos");
    }

    private static async Task<IResult> FileAsync(int year, string? slug, string format, string? fecha, AppDbContext db,
        IConsolidatedCompliance consolidated, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!Api.ComplianceApi.TryReadDate(fecha, clock, out var date))
        {
            return Results.Problem(title: "Fecha no válida",
                detail: $"El parámetro «fecha» debe ser una fecha con el formato AAAA-MM-DD, por ejemplo {year.ToString(CultureInfo.InvariantCulture)}-04-30; se recibió «{fecha}».",
                statusCode: StatusCodes.Status400BadRequest);
        }
        if (year is < 1984 or > 9998)
        {
            return Results.Problem(title: "Vigencia no válida", detail: "La vigencia debe ser un año de cuatro cifras.",
                statusCode: StatusCodes.Status400BadRequest);
        }
        int? departmentId = null;
        if (slug is not null)
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Slug == slug).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (department is null)
            {
                return Results.Problem(title: $"No existe el departamento «{slug}»",
                    detail: "Los departamentos se nombran como en /tablero/nacional, por ejemplo «valle-del-cauca».",
                    statusCode: StatusCodes.Status404NotFound);
            }
            departmentId = department;
        }
        var at = ConsolidatedPlans.ClampToYear(date, year);
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var query = new ConsolidatedQuery(year, at, departmentId);
        var dataset = slug is null ? OpenDatasets.NationalCompliance : OpenDatasets.DepartmentCompliance;
        var fileName = string.Create(CultureInfo.InvariantCulture, $"cumplimiento-{slug ?? "nacional"}-{year}-{at:yyyy-MM-dd}.{format}");
        OpenDataFiles.AnnounceLicence(http);
        var rows = consolidated.StreamAsync(query, ct).Select(s => ConsolidatedOpenData.ToCells(s, year, at, bands));
        if (format == "xlsx")
        {
            return OpenDataFiles.Xlsx(http, dataset, await rows.ToListAsync(ct), fileName);
        }
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{fileName}\"";
        if (format == "json")
        {
            return Results.Stream(async body =>
            {
                await using var json = new Utf8JsonWriter(body, new JsonWriterOptions
                {
                    Indented = true,
                    Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
                });
                json.WriteStartArray();
                var written = 0;
                await foreach (var cells in rows.WithCancellation(ct))
                {
                    ConsolidatedOpenData.WriteJson(json, cells);
                    if (++written % JsonFlushEvery == 0)
                    {
                        await json.FlushAsync(ct);
                    }
                }
                json.WriteEndArray();
                await json.FlushAsync(ct);
            }, "application/json; charset=utf-8");
        }
        return Results.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, Utf8, bufferSize: 16 * 1024, leaveOpen: true);
            await CsvFormat.WriteAsync(writer, ConsolidatedOpenData.Columns, rows, ct);
            await writer.FlushAsync(ct);
        }, "text/csv; charset=utf-8");
    }
}
