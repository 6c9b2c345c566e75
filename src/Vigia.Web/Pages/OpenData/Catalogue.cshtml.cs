using Microsoft.Extensions.Options;
using Vigia.Core.OpenData;
using Vigia.Web.OpenData;

namespace Vigia.Web.Pages.OpenData;

/// <summary>/datos/catalogo: the DCAT catalogue, as JSON-LD or Turtle when the request asks for them (a harvester), as
/// this page otherwise. The answer depends on Accept, and says so (Vary).</summary>
public class CatalogueModel(OpenDataCatalog catalog, LinkGenerator links, IOptions<OpenDataOptions> licence) : PageModel
{
    public IReadOnlyList<CatalogEntry> Entries { get; private set; } = [];

    public OpenDataOptions Licence => licence.Value;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        CatalogueEndpoints.VaryByAccept(Response);
        Entries = await catalog.LoadAsync(ct);
        var type = CatalogueEndpoints.Negotiate(Request);
        if (type == "text/html")
        {
            return Page();
        }
        var graph = CatalogueEndpoints.Build(HttpContext, Entries, links, licence.Value);
        return Content(type == CatalogueEndpoints.TurtleType ? graph.ToTurtle() : graph.ToJsonLd(), type + "; charset=utf-8");
    }
}
