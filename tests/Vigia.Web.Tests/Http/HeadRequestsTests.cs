using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Vigia.Web.Tests.Http;

/// <summary>Every endpoint that answers GET answers HEAD the same way (link checkers and open-data harvesters ask
/// HEAD first). The endpoints come from the routing itself, so a new one cannot be forgotten.</summary>
public abstract partial class HeadRequestsTests(VigiaFactory app)
{
    private const string Slug = "alcaldia-de-santiago-de-cali";

    [GeneratedRegex(@"\.(css|js|mjs|map|ico|png|svg|jpg|webp|woff2?|ttf|txt|gz|br|json)$", RegexOptions.CultureInvariant)]
    private static partial Regex StaticFile();

    /// <summary>A concrete address for each GET endpoint, its parameters filled with values of the bundled plan.</summary>
    private List<string> GetAddresses()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains(HttpMethods.Get))
            // Static files: the fallback for any path and one endpoint per file, served by MapStaticAssets with HEAD.
            .Where(e => !e.RoutePattern.Parameters.Any(p => p.IsCatchAll))
            .Where(e => e.RoutePattern.Parameters.Count > 0 || !StaticFile().IsMatch(e.RoutePattern.RawText ?? ""));
        return endpoints.Select(e => Address(e.RoutePattern)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string Address(RoutePattern pattern)
    {
        var raw = pattern.RawText ?? "";
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Value(parameter.Name, raw),
            _ => throw new InvalidOperationException($"Unexpected part in {raw}"),
        })));
        return "/" + string.Join('/', segments);
    }

    private static string Value(string name, string pattern) => name switch
    {
        "year" => "2022",
        "entity" => Slug,
        "format" => pattern.Contains("informe", StringComparison.Ordinal) || pattern.Contains("/consolidado.", StringComparison.Ordinal) ? "pdf"
            : pattern.Contains("catalogo.", StringComparison.Ordinal) ? "ttl" : "csv",
        "slug" => "acciones",
        "documentName" => "v1",
        "number" => "1",
        "code" => pattern.StartsWith("estado", StringComparison.Ordinal) ? "404" : "1.1.1",
        "cutoff" => "2022-04-30",
        "kind" => "accion",
        "part" => "actividad",
        "id" or "planId" or "actionId" or "activityId" => "1",
        _ => throw new InvalidOperationException($"No test value for the route parameter {name} of {pattern}"),
    };

    [Fact]
    public async Task EveryGetEndpoint_AnswersHeadAsItAnswersGet()
    {
        var client = app.Anonymous();
        var addresses = GetAddresses();
        var failures = new List<string>();
        foreach (var url in addresses)
        {
            var get = await client.GetAsync(url);
            using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));
            if (head.StatusCode != get.StatusCode)
            {
                failures.Add($"{url}: GET {(int)get.StatusCode}, HEAD {(int)head.StatusCode}");
            }
        }

        Assert.Empty(failures);
        // The walk covered the reads HEAD was missing on.
        Assert.Contains("/datos/2022/acciones.csv", addresses);
        Assert.Contains("/datos/2022/programacion.csv", addresses);
        Assert.Contains($"/datos/{Slug}/2022/avance-mensual.csv", addresses);
        Assert.Contains("/api/plans/2022", addresses);
        Assert.Contains("/api/v1/plans/2022", addresses);
        Assert.Contains("/api/v1/reports/1", addresses);
        Assert.Contains("/planes/2022", addresses);
        Assert.Contains("/transparencia/matriz-ita", addresses);
        Assert.Contains("/transparencia/matriz-ita.xlsx", addresses);
    }

    [Theory]
    [InlineData("/datos/2022/acciones.csv")]
    [InlineData("/datos/2022/acciones.json")]
    [InlineData("/datos/2022/programacion.csv")]
    [InlineData("/datos/2022/programacion.xlsx")]
    [InlineData("/datos/2022/avance-mensual.csv")]
    [InlineData("/datos/alcaldia-de-santiago-de-cali/2022/avance-mensual.json")]
    [InlineData("/api/plans/2022")]
    [InlineData("/api/v1/plans/2022")]
    [InlineData("/api/v1/risk-methods")]
    [InlineData("/api/plans/2022/compliance?at=2022-04-30")]
    public async Task Head_OpenDataAndApi_AnswerOkWithTheTypeOfTheGet(string url)
    {
        var client = app.Anonymous();
        var get = await client.GetAsync(url);
        using var head = await client.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }
}

[Collection(SharedHosts.SqliteBundledPlan)]
public sealed class SqliteHeadRequestsTests(SqliteBundledPlanApp app) : HeadRequestsTests(app);

[Collection(SharedHosts.PostgresBundledPlan)]
public sealed class PostgresHeadRequestsTests(PostgresBundledPlanApp app) : HeadRequestsTests(app);
