using Vigia.Core.Progress;
using Vigia.Web.Pages.Progress;
using Vigia.Web.Security;

namespace Vigia.Web.Api;

public sealed record EvidenceDto(int Id, string Kind, string? FileName, string? Url, long? SizeBytes, string? Sha256);

/// <summary>A progress report as the API returns it after submitting it, or when asked for it.</summary>
/// <param name="Status">«Submitted» (por revisar), «Accepted», «Returned» or «Superseded».</param>
public sealed record ReportDto(int Id, int ActionId, int? UnitId, int Year, int Month, decimal ExecutedQuantity, string Narrative, string Status,
    bool Late, string SubmittedAt, string? SubmittedBy, int? CorrectsId, IReadOnlyList<EvidenceDto> Evidence);

/// <summary>The multipart form of <c>POST /api/v1/plans/{year}/actions/{actionId}/reports</c>, as the OpenAPI document
/// describes it. The fields are those of the web form: the same service checks them, with the same messages.</summary>
/// <param name="Month">1 to 12, of the plan's year; the month must have begun.</param>
/// <param name="Quantity">What was executed in the month, with a dot as the decimal mark (12, 2.5); 0 when nothing.</param>
/// <param name="Narrative">What was done in the month (up to 4 000 characters).</param>
/// <param name="Links">Addresses of published evidence, one per field (repeat the field).</param>
/// <param name="Files">Evidence files (repeat the field, up to five): PDF, Office, images…, the same checks as the form.</param>
/// <param name="UnitId">The unit reported for, in a collective action where the person reports for several.</param>
/// <param name="CorrectsId">The reviewed report this one corrects.</param>
/// <param name="CorrectionReason">What a correction corrects and why (required with <paramref name="CorrectsId"/>).</param>
public sealed record ReportForm(int Month, string Quantity, string Narrative, IReadOnlyList<string>? Links, IFormFileCollection? Files, int? UnitId,
    int? CorrectsId, string? CorrectionReason);

/// <summary>The write API: a progress report with its evidence submitted from another system with a personal access token,
/// through the same <see cref="ProgressService"/> as the form (/gestion/acciones/{id}/reportar).</summary>
public static class ProgressReportApi
{
    public const string SubmitName = "Api.SubmitReport";
    public const string ReportName = "Api.Report";

    /// <summary>The service's field names → the API's.</summary>
    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        [ReportFields.Month] = "month",
        [ReportFields.Quantity] = "quantity",
        [ReportFields.Narrative] = "narrative",
        [ReportFields.Files] = "files",
        [ReportFields.Links] = "links",
        [ReportFields.CorrectionReason] = "correctionReason",
        [ReportFields.Unit] = "unitId",
    };

    public static void MapProgressReportApi(this IEndpointRouteBuilder app)
    {
        var group = ApiVersions.WriteGroup(app);
        group.MapPost("/plans/{year:int}/actions/{actionId:int}/reports", SubmitAsync)
            .RequireAuthorization(ApiAuthentication.WriteProgressPolicy)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(ReportFormModel.MaxRequestBytes),
                new RequestFormLimitsAttribute { MultipartBodyLengthLimit = ReportFormModel.MaxRequestBytes })
            .Accepts<ReportForm>("multipart/form-data")
            .Produces<ReportDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status400BadRequest)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithName(SubmitName)
            .WithSummary("Enviar el reporte de avance de un mes de una acción, con sus soportes (token con el permiso «avances:escribir»)")
            .WithDescription("Formulario multipart con los campos del formulario web (month, quantity, narrative, links, files, unitId, correctsId, "
                + "correctionReason). Pasa por el mismo servicio que el formulario: las mismas reglas, los mismos mensajes en español, los mismos "
                + "controles de tamaño y tipo de archivo. Responde 201 con Location; 400 si un campo no se puede leer, 422 si el reporte no cumple "
                + "una regla (errores por campo), 401 sin token válido, 403 si el token o la persona no pueden reportar la acción, 404 si la acción "
                + "no existe en ese plan, 409 si el estado del mes no lo permite (un reporte sin revisar, uno ya revisado). Nada se guarda si algo falla.")
            .WithTags("API de escritura");
        group.MapRead("/reports/{id:int}", GetAsync)
            .RequireAuthorization(ApiAuthentication.TokenPolicy)
            .Produces<ReportDto>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName(ReportName)
            .WithSummary("Un reporte de avance con sus soportes, visto por la persona dueña del token (token requerido)")
            .WithTags("API de escritura");
    }

    private static async Task<IResult> SubmitAsync(int year, int actionId, HttpContext http, AppDbContext db, ActionAccess access,
        ProgressService reporting, LinkGenerator links, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
        {
            return Results.Problem(title: "Formato no admitido",
                detail: "Envíe el reporte como formulario multipart/form-data (campos month, quantity, narrative, links y files).",
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return Results.Problem(title: "Solicitud demasiado grande o mal formada",
                detail: $"El formulario no se pudo leer: admite hasta {SpanishFormat.FileSize(ReportFormModel.MaxRequestBytes)} en total.",
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var month = ReadWhole(form, "month", errors, required: true, "Indique el mes del reporte con un número del 1 al 12.");
        var quantity = ReadQuantity(form, errors);
        var unitId = ReadWhole(form, "unitId", errors, required: false, "«unitId» debe ser el número de una unidad.");
        var correctsId = ReadWhole(form, "correctsId", errors, required: false, "«correctsId» debe ser el número del reporte que se corrige.");
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "Campos que no se pueden leer",
                detail: "Corrija los campos indicados en «errors»: no se guardó nada.", statusCode: StatusCodes.Status400BadRequest);
        }
        var action = await db.Actions.AsNoTracking().Where(a => a.Id == actionId && a.Activity!.Component!.Plan!.Year == year)
            .Select(a => new { a.Activity!.Component!.Plan!.Status }).FirstOrDefaultAsync(ct);
        if (action is null)
        {
            return Results.Problem(title: "Acción no encontrada", detail: $"El plan de {year} no tiene una acción con el número {actionId}.",
                statusCode: StatusCodes.Status404NotFound);
        }
        var actor = Actor.From(http.User);
        if (!actor.IsIn(Roles.Responsible))
        {
            return Forbidden("La cuenta dueña del token ya no tiene el rol Responsable: el token no puede enviar reportes de avance.");
        }
        if (!await access.CanReportAsync(actor, actionId, ct))
        {
            return Forbidden("La acción no está a cargo de las unidades de la cuenta dueña del token: solo un Responsable de sus unidades la reporta.");
        }
        var files = form.Files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new EvidenceUpload(f.OpenReadStream(), f.FileName)).ToList();
        var draft = new ReportDraft(month!.Value, quantity!.Value, form["narrative"].ToString(), [.. form["links"].Select(l => l ?? "")], files,
            correctsId, form["correctionReason"].ToString() is { Length: > 0 } reason ? reason : null, null, unitId);
        var result = await reporting.SubmitAsync(actor, actionId, draft, ct);
        switch (result.Status)
        {
            case ResultStatus.Saved:
                var location = links.GetPathByName(http, ReportName, new { id = result.Value })!;
                return Results.Created(location, await LoadAsync(db, result.Value, ct));
            case ResultStatus.Invalid:
                var fieldErrors = result.Errors.Where(e => e.Key.Length > 0)
                    .ToDictionary(e => FieldNames.GetValueOrDefault(e.Key, e.Key), e => new[] { e.Value }, StringComparer.Ordinal);
                var whole = result.Errors.GetValueOrDefault("");
                return Results.ValidationProblem(fieldErrors, title: "El reporte no cumple las reglas",
                    detail: (whole is null ? "" : whole + " ") + "Nada se guardó; corrija lo indicado y vuelva a enviarlo.",
                    statusCode: StatusCodes.Status422UnprocessableEntity);
            case ResultStatus.Conflict:
                return Results.Problem(title: "El estado del mes no permite este reporte", detail: result.Errors.GetValueOrDefault("") ?? "",
                    statusCode: StatusCodes.Status409Conflict);
            default:
                // Not found from the service: the part (unitId) asked for is not one of the person's.
                return Forbidden(result.Errors.GetValueOrDefault("") is { } m && m != Result.DefaultNotFoundMessage
                    ? m
                    : "La unidad indicada no es una de las suyas en esta acción colectiva.");
        }
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, AppDbContext db, ActionAccess access, CancellationToken ct)
    {
        var actionId = await db.ProgressReports.AsNoTracking().Where(r => r.Id == id).Select(r => (int?)r.ActionId).FirstOrDefaultAsync(ct);
        if (actionId is null || !await access.CanSeeAsync(Actor.From(http.User), actionId.Value, ct))
        {
            return Results.Problem(title: "Reporte no encontrado", detail: Result.DefaultNotFoundMessage, statusCode: StatusCodes.Status404NotFound);
        }
        return Results.Ok(await LoadAsync(db, id, ct));
    }

    private static async Task<ReportDto> LoadAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var r = await db.ProgressReports.AsNoTracking().Where(x => x.Id == id)
            .Select(x => new { Report = x, x.Action!.Activity!.Component!.Plan!.Year, Evidence = x.Evidence.OrderBy(e => e.Id).ToList() })
            .SingleAsync(ct);
        var report = r.Report;
        return new ReportDto(report.Id, report.ActionId, report.UnitId, r.Year, report.Month, report.ExecutedQuantity, report.Narrative,
            report.Status.ToString(), report.IsLate, report.SubmittedAt.ToString("O", CultureInfo.InvariantCulture), report.SubmittedByName,
            report.CorrectsId, [.. r.Evidence.Select(e => new EvidenceDto(e.Id, e.Kind.ToString(), e.FileName, e.Url, e.SizeBytes, e.Sha256))]);
    }

    private static int? ReadWhole(IFormCollection form, string field, Dictionary<string, string[]> errors, bool required, string message)
    {
        var text = form[field].ToString().Trim();
        if (text.Length == 0 && !required)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors[field] = [message];
        return null;
    }

    private static decimal? ReadQuantity(IFormCollection form, Dictionary<string, string[]> errors)
    {
        var text = form["quantity"].ToString().Trim();
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        errors["quantity"] = [text.Length == 0
            ? "Escriba la cantidad ejecutada en el mes (0 si no hubo avance)."
            : "Escriba la cantidad con números y punto decimal, sin separador de miles, por ejemplo 12, 2.5 o 5000."];
        return null;
    }

    private static IResult Forbidden(string detail) =>
        Results.Problem(title: "No puede reportar esta acción", detail: detail, statusCode: StatusCodes.Status403Forbidden);
}
