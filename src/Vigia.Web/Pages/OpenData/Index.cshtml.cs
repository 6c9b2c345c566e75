using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.OpenData;

public sealed record DataColumn(string Name, string Description);

/// <summary>The open-data catalogue: every plan's downloads and the dictionary of their columns.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public static readonly IReadOnlyList<DataColumn> Columns =
    [
        new("componente", "Número y nombre del componente del plan."),
        new("subcomponente", "Código y nombre del subcomponente; vacío en los componentes sin subcomponentes."),
        new("actividad_codigo", "Numeración de la actividad en el plan, por ejemplo 3.1.4."),
        new("actividad", "Texto de la actividad."),
        new("accion", "Número de la acción dentro de la actividad (1, 2, …)."),
        new("descripcion", "Descripción de la acción."),
        new("meta", "La meta tal como la escribió la entidad."),
        new("producto", "Productos (bienes o servicios) entregados."),
        new("indicador_formula", "Fórmula del indicador."),
        new("meta_cantidad", "Resultado esperado como número, con punto decimal (5000, 100)."),
        new("meta_unidad", "«cantidad» o «porcentaje»."),
        new("responsables", "Unidades responsables, separadas por « | »; una subunidad se escribe «Unidad / Subunidad»."),
        new("meses_programados", "Meses (1 a 12) con la cantidad programada, «mes:cantidad» separados por « | »; vacío si no tiene programación mensual."),
    ];

    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];

    /// <summary>The version each plan's data comes from, by entity and year: the last published one, or the draft
    /// before the first publication.</summary>
    public IReadOnlyDictionary<(string EntitySlug, int Year), string> ServedVersions { get; private set; } =
        new Dictionary<(string, int), string>();

    /// <summary>The plans with at least one published follow-up of Control Interno, whose follow-up data exist.</summary>
    public IReadOnlySet<(string EntitySlug, int Year)> WithFollowUps { get; private set; } = new HashSet<(string, int)>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await Pages.Plans.IndexModel.LoadAsync(db, ct);
        WithFollowUps = (await db.Set<Vigia.Core.FollowUps.FollowUp>().AsNoTracking()
                .Where(f => f.Status == Vigia.Core.FollowUps.FollowUpStatus.Published)
                .Select(f => new { f.Plan!.Entity!.Slug, f.Plan.Year }).Distinct().ToListAsync(ct))
            .Select(p => (p.Slug, p.Year)).ToHashSet();
        var versions = await db.PlanVersions.AsNoTracking()
            .Select(v => new { v.Plan!.Entity!.Slug, v.Plan.Year, v.Number, v.Status })
            .ToListAsync(ct);
        ServedVersions = versions.GroupBy(v => (v.Slug, v.Year)).ToDictionary(g => g.Key, g =>
        {
            var served = g.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number) ?? g.MinBy(v => v.Number)!;
            return $"Versión {served.Number} ({PlanHeader.VersionStatusName(served.Status)})";
        });
    }
}
