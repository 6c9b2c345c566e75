using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>The DCAT catalogue of every dataset: /datos/catalogo negotiates (Pages/OpenData/Catalogue: JSON-LD for
/// <c>application/ld+json</c>, Turtle for <c>text/turtle</c>, HTML otherwise); /datos/catalogo.jsonld and
/// /datos/catalogo.ttl give one serialisation whatever the request asks, for harvesters configured with a fixed URL.</summary>
public static class CatalogueEndpoints
{
    public const string CatalogueName = "OpenData.Catalogue";

    public const string JsonLdType = "application/ld+json";
    public const string TurtleType = "text/turtle";

    public static void MapOpenDataCatalogue(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/datos").AllowAnonymous()
            .MapRead("/catalogo.{format:regex(^(jsonld|ttl)$)}", async (string format, HttpContext http, OpenDataCatalog catalog, LinkGenerator links,
                IOptions<OpenDataOptions> licence, CancellationToken ct) =>
            {
                var graph = Build(http, await catalog.LoadAsync(ct), links, licence.Value);
                return Serialise(graph, format == "ttl" ? TurtleType : JsonLdType);
            })
            .WithName(CatalogueName)
            .WithSummary("Catálogo DCAT-AP de todos los conjuntos de datos, en JSON-LD (jsonld) o Turtle (ttl)").WithTags("Datos abiertos");
    }

    /// <summary>The media type the request prefers among JSON-LD, Turtle and HTML, by the quality of its Accept header;
    /// HTML when it names none of them (a browser, or no header).</summary>
    public static string Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var accepted = request.GetTypedHeaders().Accept
            .Where(a => a.Quality is not 0)
            .OrderByDescending(a => a.Quality ?? 1)
            .Select(a => a.MediaType.Value);
        foreach (var type in accepted)
        {
            if (string.Equals(type, JsonLdType, StringComparison.OrdinalIgnoreCase))
            {
                return JsonLdType;
            }
            if (string.Equals(type, TurtleType, StringComparison.OrdinalIgnoreCase))
            {
                return TurtleType;
            }
            if (type is "text/html" or "application/xhtml+xml" or "*/*" or "text/*")
            {
                return "text/html";
            }
        }
        return "text/html";
    }

    public static IResult Serialise(RdfGraph graph, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return mediaType == TurtleType
            ? Results.Text(graph.ToTurtle(), "text/turtle; charset=utf-8")
            : Results.Text(graph.ToJsonLd(), "application/ld+json; charset=utf-8");
    }

    public static RdfGraph Build(HttpContext http, IReadOnlyList<CatalogEntry> entries, LinkGenerator links, OpenDataOptions licence)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(links);
        var addresses = new CatalogAddresses(
            links.GetUriByPage(http, "/OpenData/Catalogue")!,
            links.GetUriByPage(http, "/OpenData/Index")!,
            d => DatasetPageUri(http, links, d),
            (entry, year, format) => DatasetRoutes.Uri(http, links, entry.Dataset, entry.Key, year, format));
        var name = entries.Count > 0 ? entries[0].EntityName : "Vigía";
        return DcatCatalog.Build(entries, licence, addresses, name);
    }

    public static string DatasetPageUri(HttpContext http, LinkGenerator links, OpenDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return links.GetUriByPage(http, "/OpenData/Dataset", values: new { slug = dataset.Slug })!;
    }

    internal static void VaryByAccept(HttpResponse response) => response.Headers.Append(HeaderNames.Vary, HeaderNames.Accept);
}

/// <summary>Which named endpoint serves each dataset's files, and with which route values.</summary>
public static class DatasetRoutes
{
    public static string RouteName(OpenDataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Slug switch
        {
            "acciones" => OpenDataEndpoints.ActionsByEntityName,
            "programacion" => ScheduleOpenDataEndpoints.ScheduleByEntityName,
            "avance-mensual" => ScheduleOpenDataEndpoints.MonthlyProgressByEntityName,
            "seguimientos" => FollowUpOpenDataEndpoints.FollowUpsByEntityName,
            "seguimientos-consolidado" => FollowUpOpenDataEndpoints.ConsolidatedByEntityName,
            "riesgos" => RiskOpenDataEndpoints.RisksByEntityName,
            "riesgos-monitoreo" => RiskOpenDataEndpoints.MonitoringByEntityName,
            "riesgos-materializaciones" => RiskOpenDataEndpoints.MaterializationsByEntityName,
            "puntos-de-control-auditoria" => AuditOpenDataEndpoints.CheckpointsName,
            "cumplimiento-nacional" => ConsolidationOpenDataEndpoints.NationName,
            "cumplimiento-departamental" => ConsolidationOpenDataEndpoints.DepartmentName,
            "consulta" => ConsultationOpenDataEndpoints.ReportByEntityName,
            _ => throw new InvalidOperationException($"The dataset «{dataset.Slug}» has no endpoint."),
        };
    }

    public static RouteValueDictionary Values(OpenDataset dataset, string entity, int? year, string format)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Scope switch
        {
            DatasetScope.Installation => new RouteValueDictionary { ["format"] = format },
            DatasetScope.NationYear => new RouteValueDictionary { ["year"] = year, ["format"] = format },
            // A department's files are named by the department's slug, which the entry carries in the entity's place.
            DatasetScope.DepartmentYear => new RouteValueDictionary { ["slug"] = entity, ["year"] = year, ["format"] = format },
            _ => new RouteValueDictionary { ["entity"] = entity, ["year"] = year, ["format"] = format },
        };
    }

    public static string Uri(HttpContext http, LinkGenerator links, OpenDataset dataset, string entity, int? year, string format)
    {
        ArgumentNullException.ThrowIfNull(links);
        return links.GetUriByName(http, RouteName(dataset), Values(dataset, entity, year, format))
            ?? throw new InvalidOperationException($"No address for «{dataset.Slug}» {entity} {year} {format}.");
    }
}
