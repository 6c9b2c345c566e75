using Scalar.AspNetCore;
using Vigia.Web.Security;

namespace Vigia.Web.Api;

/// <summary>The OpenAPI 3 document of the public API and open data (/openapi/v1.json) and its reference page
/// (/api/referencia), with Scalar's script served by the application itself, never from a CDN.</summary>
/// <remarks>The version lives in the document (v1), not in the paths: the /api and /datos addresses are already
/// published and linked by other systems, so they stay as they are; a breaking change will get /api/v2 beside them
/// (ADR 022).</remarks>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentPattern = "/openapi/{documentName}.json";
    public const string ReferencePrefix = "/api/referencia";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddVigiaApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "API pública de Vigía";
            document.Info.Version = DocumentName;
            document.Info.Description =
                "Datos públicos del Plan Anticorrupción y de Atención al Ciudadano, sus seguimientos de Control Interno, el mapa de riesgos "
                + "de corrupción y la bitácora de auditoría: solo lectura, sin registro, en español. Los errores se responden como "
                + "«problem details» (application/problem+json) con el título y el detalle en español.";
            return Task.CompletedTask;
        }));

    public static void MapVigiaApiReference(this WebApplication app)
    {
        // HEAD as well as GET, like every public read (MapRead): the last method metadata is the one routing applies.
        app.MapOpenApi(DocumentPattern).AllowAnonymous().WithMetadata(new HttpMethodMetadata(ReadMethods));
        // The page starts Scalar with one inline module script: it carries a nonce of this response, which the security
        // headers add to the policy (Security/SecurityHeaders) instead of allowing inline scripts everywhere.
        app.MapScalarApiReference(ReferencePrefix, (o, http) => o
                .WithTitle("Referencia de la API de Vigía")
                .WithOpenApiRoutePattern(DocumentPattern)
                .DisableDefaultFonts()
                .DisableTelemetry()
                .WithNonce(SecurityHeaders.ScriptNonce(http)))
            .AllowAnonymous()
            .WithMetadata(new HttpMethodMetadata(ReadMethods));
    }
}
