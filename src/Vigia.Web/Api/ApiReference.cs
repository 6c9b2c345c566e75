using Scalar.AspNetCore;
using Vigia.Web.Security;

namespace Vigia.Web.Api;

/// <summary>The OpenAPI 3 document of the public API and open data (/openapi/v1.json) and its reference page
/// (/api/referencia), with Scalar's script served by the application itself, never from a CDN.</summary>
/// <remarks>The version is in the paths (/api/v1, <see cref="ApiVersions"/>) and in the document; the first /api addresses
/// stay as aliases of v1, out of the document, because other systems already link them (ADR 034).</remarks>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentPattern = "/openapi/{documentName}.json";
    public const string ReferencePrefix = "/api/referencia";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddVigiaApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes[ApiAuthentication.Scheme] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "vigia_pat_…",
                Description = "Token de acceso personal, creado por la persona en «Mi cuenta › Tokens de acceso» (/cuenta/tokens): "
                    + "vence, se revoca, y vale lo que sus permisos y los roles actuales de la persona permitan.",
            };
            return Task.CompletedTask;
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Operations behind a token policy declare the bearer scheme; the public reads declare none.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>()
                .Any(a => a.Policy is ApiAuthentication.TokenPolicy or ApiAuthentication.WriteProgressPolicy))
            {
                operation.Security ??= [];
                operation.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new Microsoft.OpenApi.OpenApiSecuritySchemeReference(ApiAuthentication.Scheme, context.Document)] = [],
                });
            }
            return Task.CompletedTask;
        }).AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "API pública de Vigía";
            document.Info.Version = DocumentName;
            document.Info.Description =
                "Datos públicos del Plan Anticorrupción y de Atención al Ciudadano, sus seguimientos de Control Interno, el mapa de riesgos "
                + "de corrupción y la bitácora de auditoría, en español, sin registro; y una API de escritura para enviar reportes de avance "
                + "con sus soportes desde otro sistema, con un token de acceso personal (Authorization: Bearer vigia_pat_…). "
                + "Versión 1 bajo /api/v1/…; cada lectura responde también en su dirección anterior sin versión (/api/plans/2022 es un alias "
                + "de /api/v1/plans/2022, con la misma respuesta), que se mantiene porque otros sistemas ya la enlazan. "
                + "Límites de uso: por dirección sin token y por token con él (429 con Retry-After). Los errores se responden como "
                + "«problem details» (application/problem+json, RFC 9457) con el título y el detalle en español.";
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
