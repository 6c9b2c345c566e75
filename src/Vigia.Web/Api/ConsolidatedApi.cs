using Vigia.Core.Compliance;
using Vigia.Core.Consolidation;

namespace Vigia.Web.Api;

/// <summary>Official counts and percentage of a plan, a component or a whole scope. <paramref name="Percentage"/> is the
/// official figure (completed ÷ programmed activities, one decimal), null when nothing is programmed; <paramref name="Band"/>
/// «alta», «media» or «baja».</summary>
public sealed record OfficialFiguresDto(CountsDto Total, CountsDto Programmed, CountsDto Completed, decimal? Percentage, string? Band);

public sealed record ComponentStandingDto(int Number, string Name, OfficialFiguresDto Compliance);

/// <summary>Follow-ups whose publication deadline had passed at the date: published on time, late, or not at all.</summary>
public sealed record FollowUpPunctualityDto(int Due, int OnTime, int Late, int Missing);

public sealed record EntityStandingDto(int Rank, string Entity, string EntitySlug, string? Department, string? DepartmentSlug, string Plan,
    bool Simulated, OfficialFiguresDto Compliance, IReadOnlyList<ComponentStandingDto> FurthestBehind, FollowUpPunctualityDto FollowUps);

/// <param name="Band">«alta», «media», «baja», or null for the plans with nothing programmed («sin programación»).</param>
public sealed record BandCountDto(string? Band, string Label, int Plans);

/// <summary>A consolidated view: the scope's totals and distribution and one page of its ranking.</summary>
/// <param name="Plans">Public plans of the year in the scope.</param>
/// <param name="Matching">Of them, those whose entity matched the search.</param>
public sealed record ConsolidatedViewDto(int Year, string At, string? Department, string? DepartmentSlug, bool Simulated, ComplianceBandsDto Bands,
    int Plans, int Matching, string? Search, int Page, int PageSize, int PageCount, OfficialFiguresDto Total, IReadOnlyList<BandCountDto> Distribution,
    IReadOnlyList<EntityStandingDto> Entities, string Rule);

public sealed record DepartmentStandingDto(string Code, string Name, string Slug, int Plans, OfficialFiguresDto Compliance, bool Simulated);

public sealed record DepartmentsDto(int Year, string At, ComplianceBandsDto Bands, IReadOnlyList<DepartmentStandingDto> Departments, string Rule);

/// <summary>GET /api/consolidated/{year}?department=&amp;at=&amp;search=&amp;page=&amp;pageSize= and
/// GET /api/consolidated/{year}/departments?at=.</summary>
public static class ConsolidatedApi
{
    public const string ViewName = "Api.Consolidated";
    public const string DepartmentsName = "Api.ConsolidatedDepartments";

    public static void MapConsolidatedApi(this IEndpointRouteBuilder app)
    {
        foreach (var (group, canonical) in ApiVersions.Groups(app, "/consolidated"))
        {
            group.MapRead("/{year:int}", (int year, string? department, string? at, string? search, string? page, string? pageSize, AppDbContext db,
                    IConsolidatedCompliance consolidated, TimeProvider clock, CancellationToken ct) =>
                    ViewAsync(year, department, at, search, page, pageSize, db, consolidated, clock, ct))
                .Named(canonical, ViewName)
                .WithSummary("Vista consolidada de la nación o de un departamento (?department=slug): totales, distribución por zona y una página "
                    + "del escalafón de entidades por cumplimiento oficial a una fecha (?at=AAAA-MM-DD, ?search=, ?page=, ?pageSize= hasta 500)")
                .WithTags("API");
            group.MapRead("/{year:int}/departments", (int year, string? at, AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock,
                    CancellationToken ct) => DepartmentsAsync(year, at, db, consolidated, clock, ct))
                .Named(canonical, DepartmentsName)
                .WithSummary("Los departamentos con planes públicos de la vigencia y su cumplimiento oficial consolidado a una fecha")
                .WithTags("API");
        }
    }

    private static async Task<IResult> ViewAsync(int year, string? department, string? at, string? search, string? page, string? pageSize,
        AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock, CancellationToken ct)
    {
        if (ReadCommon(year, at, clock, out var date) is { } invalid)
        {
            return invalid;
        }
        if (!TryReadWhole(page, 1, int.MaxValue, 1, out var pageNumber))
        {
            return BadRequest("Página no válida", $"El parámetro «page» debe ser un número entero desde 1; se recibió «{page}».");
        }
        if (!TryReadWhole(pageSize, 1, ConsolidatedQuery.MaxPageSize, ConsolidatedQuery.DefaultPageSize, out var size))
        {
            return BadRequest("Tamaño de página no válido",
                $"El parámetro «pageSize» debe ser un número entero entre 1 y {ConsolidatedQuery.MaxPageSize.ToString(CultureInfo.InvariantCulture)}; se recibió «{pageSize}».");
        }
        var text = search?.Trim();
        if (text is { Length: > Pages.Consolidation.ConsolidationPageModel.MaxSearchLength })
        {
            return BadRequest("Búsqueda demasiado larga",
                $"El parámetro «search» admite a lo sumo {Pages.Consolidation.ConsolidationPageModel.MaxSearchLength.ToString(CultureInfo.InvariantCulture)} caracteres.");
        }
        Vigia.Core.Organisation.Department? scope = null;
        if (!string.IsNullOrWhiteSpace(department))
        {
            scope = await db.Departments.AsNoTracking().FirstOrDefaultAsync(d => d.Slug == department.Trim(), ct);
            if (scope is null)
            {
                return Results.Problem(title: $"No existe el departamento «{department}»",
                    detail: "Los departamentos se nombran por su slug, como en /api/consolidated/{año}/departments (por ejemplo «valle-del-cauca»).",
                    statusCode: StatusCodes.Status404NotFound);
            }
        }
        var view = await consolidated.ViewAsync(new ConsolidatedQuery(year, ConsolidatedPlans.ClampToYear(date, year), scope?.Id,
            string.IsNullOrEmpty(text) ? null : text, pageNumber, size), ct);
        var bands = view.Bands;
        return Results.Ok(new ConsolidatedViewDto(year, Iso(view.Query.At), scope?.Name, scope?.Slug, view.HasSimulatedData,
            new ComplianceBandsDto(bands.MediumFrom, bands.HighFrom), view.Plans, view.Matching, view.Query.Search, view.Query.Page,
            view.Query.PageSize, view.PageCount, Figures(view.Total, bands),
            [.. view.Distribution.Select(d => new BandCountDto(d.Level is { } l ? ComplianceLevels.Code(l) : null,
                d.Level is { } n ? ComplianceLevels.Name(n) : "Sin programación", d.Plans))],
            [.. view.Page.Select(s => Standing(s, bands))], OfficialCompliance.Explanation));
    }

    private static async Task<IResult> DepartmentsAsync(int year, string? at, AppDbContext db, IConsolidatedCompliance consolidated,
        TimeProvider clock, CancellationToken ct)
    {
        if (ReadCommon(year, at, clock, out var date) is { } invalid)
        {
            return invalid;
        }
        var clamped = ConsolidatedPlans.ClampToYear(date, year);
        var bands = await ComplianceBands.LoadAsync(db, ct);
        var departments = await consolidated.DepartmentsAsync(year, clamped, ct);
        return Results.Ok(new DepartmentsDto(year, Iso(clamped), new ComplianceBandsDto(bands.MediumFrom, bands.HighFrom),
            [.. departments.Select(d => new DepartmentStandingDto(d.Code, d.Name, d.Slug, d.Plans, Figures(d.Total, bands), d.HasSimulatedData))],
            OfficialCompliance.Explanation));
    }

    public static OfficialFiguresDto Figures(OfficialCount o, ComplianceBands bands)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(bands);
        return new OfficialFiguresDto(new CountsDto(o.Activities, o.Actions), new CountsDto(o.ProgrammedActivities, o.ProgrammedActions),
            new CountsDto(o.CompletedActivities, o.CompletedActions), o.Percent, bands.Classify(o.Percent) is { } level ? ComplianceLevels.Code(level) : null);
    }

    private static EntityStandingDto Standing(EntityStanding s, ComplianceBands bands) =>
        new(s.Rank, s.EntityName, s.EntitySlug, s.DepartmentName, s.DepartmentSlug, s.PlanTitle, s.Simulated, Figures(s.Official, bands),
            [.. s.FurthestBehind.Select(c => new ComponentStandingDto(c.Number, c.Name, Figures(c.Official, bands)))],
            new FollowUpPunctualityDto(s.FollowUps.Due, s.FollowUps.OnTime, s.FollowUps.Late, s.FollowUps.Missing));

    private static IResult? ReadCommon(int year, string? at, TimeProvider clock, out DateOnly date)
    {
        if (!ComplianceApi.TryReadDate(at, clock, out date))
        {
            return BadRequest("Fecha no válida",
                $"El parámetro «at» debe ser una fecha con el formato AAAA-MM-DD, por ejemplo {year.ToString(CultureInfo.InvariantCulture)}-04-30; se recibió «{at}».");
        }
        return year is < 1984 or > 9998 ? BadRequest("Vigencia no válida", "La vigencia debe ser un año de cuatro cifras.") : null;
    }

    private static bool TryReadWhole(string? text, int min, int max, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static IResult BadRequest(string title, string detail) =>
        Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
