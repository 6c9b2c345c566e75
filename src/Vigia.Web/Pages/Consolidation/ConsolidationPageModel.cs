using Vigia.Core.Compliance;
using Vigia.Core.Consolidation;
using Vigia.Web.Api;

namespace Vigia.Web.Pages.Consolidation;

/// <summary>What the nation's and a department's consolidated pages share: the year (<c>?anio=</c>), the date
/// (<c>?fecha=AAAA-MM-DD</c>, clamped to the year), the search on the entity's name (<c>?buscar=</c>) and the page
/// (<c>?pagina=</c>), all read from the query string so every link and the search form work without JavaScript.
/// Bad input shows the page with the error and answers 400.</summary>
public abstract class ConsolidationPageModel(AppDbContext db, IConsolidatedCompliance consolidated, TimeProvider clock) : PageModel
{
    /// <summary>Whether a query field failed validation (a bound field that is valid is in the model state too).</summary>
    public bool HasError(string key) =>
        ModelState.GetFieldValidationState(key) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;

    public const string YearField = "anio";
    public const string DateField = "fecha";
    public const string SearchField = "buscar";
    public const string PageField = "pagina";

    /// <summary>The longest search the pages accept.</summary>
    public const int MaxSearchLength = 100;

    [FromQuery(Name = YearField)]
    public string? YearText { get; set; }

    [FromQuery(Name = DateField)]
    public string? DateText { get; set; }

    [FromQuery(Name = SearchField)]
    public string? Search { get; set; }

    [FromQuery(Name = PageField)]
    public string? PageText { get; set; }

    protected AppDbContext Db { get; } = db;

    protected IConsolidatedCompliance Consolidated { get; } = consolidated;

    public int Year { get; private set; }
    public DateOnly At { get; private set; }
    public DateOnly Today { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public ConsolidatedView View { get; private set; } = null!;

    /// <summary>The department of the page; null on the nation's.</summary>
    public Vigia.Core.Organisation.Department? Department { get; protected set; }

    public string AtValue => At.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string ScopeName => Department is null ? "Colombia" : Department.Name;

    /// <summary>The page's own route values with another page number, for the pager's links.</summary>
    public abstract Dictionary<string, string> RouteFor(int page);

    /// <summary>The page's own address (the search form's target and the year links).</summary>
    public abstract string PageName { get; }

    protected async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Today = ColombianTime.Today(clock);
        Years = await ConsolidatedPlans.YearsAsync(Db, ct);
        var valid = true;
        if (string.IsNullOrWhiteSpace(YearText))
        {
            Year = await ConsolidatedPlans.DefaultYearAsync(Db, clock, ct);
        }
        else if (int.TryParse(YearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1984 and <= 9998)
        {
            Year = year;
        }
        else
        {
            ModelState.AddModelError(YearField, "Escriba la vigencia como un año de cuatro cifras, por ejemplo " + Today.Year.ToString(CultureInfo.InvariantCulture) + ".");
            Year = await ConsolidatedPlans.DefaultYearAsync(Db, clock, ct);
            valid = false;
        }
        if (!ComplianceApi.TryReadDate(DateText, clock, out var at))
        {
            ModelState.AddModelError(DateField, "Escriba la fecha de corte como AAAA-MM-DD, por ejemplo " + $"{Year.ToString(CultureInfo.InvariantCulture)}-04-30.");
            at = Today;
            valid = false;
        }
        At = ConsolidatedPlans.ClampToYear(at, Year);
        var page = 1;
        if (!string.IsNullOrWhiteSpace(PageText) && !(int.TryParse(PageText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out page) && page >= 1))
        {
            ModelState.AddModelError(PageField, "El número de página debe ser un número entero desde 1.");
            page = 1;
            valid = false;
        }
        var search = Search?.Trim();
        if (search is { Length: > MaxSearchLength })
        {
            ModelState.AddModelError(SearchField, $"Escriba a lo sumo {MaxSearchLength} caracteres en la búsqueda.");
            search = null;
            valid = false;
        }
        View = await Consolidated.ViewAsync(new ConsolidatedQuery(Year, At, Department?.Id, string.IsNullOrEmpty(search) ? null : search, page), ct);
        if (!valid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    /// <summary>"Página 2 de 7".</summary>
    public string PageLabel => $"Página {View.Query.Page.ToString(CultureInfo.InvariantCulture)} de {View.PageCount.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The first page of the whole ranking, without the search.</summary>
    public Dictionary<string, string> ClearSearchRoute()
    {
        var route = RouteFor(1);
        route.Remove(SearchField);
        return route;
    }

    protected Dictionary<string, string> BaseRoute(int page)
    {
        var route = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [YearField] = Year.ToString(CultureInfo.InvariantCulture),
            [DateField] = AtValue,
        };
        if (View.Query.Search is { } search)
        {
            route[SearchField] = search;
        }
        if (page > 1)
        {
            route[PageField] = page.ToString(CultureInfo.InvariantCulture);
        }
        return route;
    }

    /// <summary>The band of an official percentage, null when nothing is programmed.</summary>
    public ComplianceLevel? Level(OfficialCount official)
    {
        ArgumentNullException.ThrowIfNull(official);
        return View.Bands.Classify(official.Percent);
    }
}
