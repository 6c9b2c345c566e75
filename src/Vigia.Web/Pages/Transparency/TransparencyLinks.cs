using Vigia.Core.Consolidation;
using Vigia.Core.Transparency;
using Vigia.Web.Layout;

namespace Vigia.Web.Pages.Transparency;

/// <summary>A public plan as the transparency pages link it: published (or with a published version), its entity, and
/// whether it had a citizen consultation (the consultation page answers 404 without one).</summary>
public sealed record TransparencyPlan(int PlanId, string EntityName, string EntitySlug, int Year, string Title, bool HasConsultation)
{
    public static Task<List<TransparencyPlan>> LoadAsync(AppDbContext db, CancellationToken ct) =>
        db.Plans.AsNoTracking()
            .Where(ConsolidatedPlans.IsPublic)
            .OrderBy(p => p.Entity!.Name).ThenByDescending(p => p.Year).ThenBy(p => p.Kind)
            .Select(p => new TransparencyPlan(p.Id, p.Entity!.Name, p.Entity.Slug, p.Year, p.Title,
                db.PlanConsultations.Any(c => c.PlanId == p.Id)))
            .ToListAsync(ct);
}

/// <summary>The address of each <see cref="TransparencyPublication"/>, from the routing, relative or absolute on
/// <c>Vigia:PublicBaseUrl</c> (the request's own host when unset), as the entity pastes it into its own menu and the
/// ITA matrix.</summary>
public sealed class TransparencyLinks(IUrlHelper url, string baseUrl)
{
    public static TransparencyLinks For(PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var configured = page.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Vigia:PublicBaseUrl"]?.TrimEnd('/');
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? $"{page.Request.Scheme}://{page.Request.Host}{page.Request.PathBase}" : configured;
        return new TransparencyLinks(page.Url, baseUrl);
    }

    public string Absolute(string path) => baseUrl + path;

    /// <summary>The page of <paramref name="publication"/> for <paramref name="plan"/>; null when there is nothing to link
    /// (no public plan yet, or a plan without a consultation).</summary>
    public string? Path(TransparencyPublication publication, TransparencyPlan? plan)
    {
        var entity = plan?.EntitySlug;
        var year = plan?.Year;
        return publication switch
        {
            TransparencyPublication.FollowUps => url.Page("/FollowUps/Index"),
            TransparencyPublication.OpenData => url.Page("/OpenData/Index"),
            TransparencyPublication.DcatCatalogue => url.Page("/OpenData/Catalogue"),
            _ when plan is null => null,
            TransparencyPublication.Plan => url.Page("/Plans/Plan", new { entity, year }),
            TransparencyPublication.PlanVersions => url.Page("/Plans/Versions", new { entity, year }),
            TransparencyPublication.PlanChangeLog => url.PlanChangeLogPdf(plan.EntitySlug, plan.Year),
            TransparencyPublication.Dashboard => url.Page("/Compliance/Dashboard", new { entity, year }),
            TransparencyPublication.RiskMap => url.Page("/RiskMap/Index", new { year }),
            TransparencyPublication.RiskMapVersions => url.Page("/RiskMap/Versions", new { year }),
            TransparencyPublication.ConsolidatedFollowUps => url.Page("/FollowUps/Consolidated", new { entity, year }),
            TransparencyPublication.Consultation => plan.HasConsultation ? url.Page("/Plans/Consultation", new { entity, year }) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(publication), publication, null),
        };
    }

    /// <summary>The link's words on the transparency page.</summary>
    public static string Label(TransparencyPublication publication) => publication switch
    {
        TransparencyPublication.Plan => "Plan",
        TransparencyPublication.PlanVersions => "Versiones",
        TransparencyPublication.PlanChangeLog => "Control de cambios (PDF)",
        TransparencyPublication.Dashboard => "Tablero de cumplimiento",
        TransparencyPublication.RiskMap => "Mapa de riesgos de corrupción",
        TransparencyPublication.RiskMapVersions => "Versiones del mapa de riesgos",
        TransparencyPublication.FollowUps => "Informes de seguimiento de Control Interno",
        TransparencyPublication.ConsolidatedFollowUps => "Seguimientos de Control Interno (consolidado)",
        TransparencyPublication.Consultation => "Consulta ciudadana",
        TransparencyPublication.OpenData => "Catálogo de datos abiertos",
        TransparencyPublication.DcatCatalogue => "Catálogo DCAT para recolectores",
        _ => throw new ArgumentOutOfRangeException(nameof(publication), publication, null),
    };
}
