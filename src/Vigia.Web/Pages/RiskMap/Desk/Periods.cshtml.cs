using Vigia.Core.RiskMap.Tracking;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>The months of a year in which the process leaders monitor the controls of the entity's map
/// (<see cref="MonitoringPeriods"/>): twelve checkboxes, without JavaScript. Everyone on the desk sees them; only
/// Planeación or the administrator may change them, as the service decides.</summary>
public class PeriodsModel(AppDbContext db, MonitoringPeriods periods, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty]
    public List<int> Months { get; set; } = [];

    public int ShownYear { get; private set; }
    public int EntityId { get; private set; }
    public string EntityName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public bool CanSet { get; private set; }
    public IReadOnlyList<int> Current { get; private set; } = [];
    public bool IsDefault => Current.SequenceEqual(MonitoringPeriods.Default);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var chosen = Months.ToList();
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Months = chosen;
        if (chosen.Count == 0)
        {
            if (!CanSet)
            {
                return this.Forbidden();
            }
            ModelState.AddModelError(nameof(Months), "Marque al menos un mes de monitoreo.");
            return this.InvalidPage();
        }
        var text = string.Join(",", chosen.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        var result = await periods.SaveAsync(Actor.From(User), EntityId, ShownYear, text, ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice($"Periodos de monitoreo de {ShownYear} guardados: {MonthNames(saved)}.", "/RiskMap/Desk/Periods",
                new { vigencia = ShownYear, entidad = Slug }),
            async () =>
            {
                await LoadAsync(ct);
                Months = chosen;
            });
    }

    public async Task<IActionResult> OnPostDefaultAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await periods.SaveAsync(Actor.From(User), EntityId, ShownYear, null, ct);
        return await this.RespondAsync(result,
            _ => this.RedirectWithNotice($"Periodos de monitoreo de {ShownYear}: de nuevo mensuales, de febrero a diciembre.", "/RiskMap/Desk/Periods",
                new { vigencia = ShownYear, entidad = Slug }),
            () => LoadAsync(ct));
    }

    public static string MonthName(int month) => SpanishFormat.Culture.DateTimeFormat.GetMonthName(month);

    public static string MonthNames(IEnumerable<int> months) => string.Join(", ", months.Select(MonthName));

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var today = ColombianTime.Today(clock);
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        var entity = await db.Entities.AsNoTracking().Where(e => EntitySlug == null || e.Slug == EntitySlug).OrderBy(e => e.Name)
            .Select(e => new { e.Id, e.Name, e.Slug }).FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return false;
        }
        (EntityId, EntityName, Slug) = (entity.Id, entity.Name, entity.Slug);
        var actor = Actor.From(User);
        CanSet = actor.IsIn(Roles.Planning) || actor.IsIn(Roles.Administrator);
        Current = await periods.MonthsAsync(entity.Id, ShownYear, ct);
        Months = Current.ToList();
        return true;
    }
}
