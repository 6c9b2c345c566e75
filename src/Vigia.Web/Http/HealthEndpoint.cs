namespace Vigia.Web.Http;

/// <summary><c>GET /salud</c>: whether this instance can serve, for a load balancer, a process supervisor and the
/// resilience tests. 200 when the database answers, 503 with <c>Retry-After</c> when it does not; never cached, no
/// session, nothing personal.</summary>
public static class HealthEndpoint
{
    public const string Path = "/salud";

    public static WebApplication MapHealth(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            if (await db.Database.CanConnectAsync(ct))
            {
                return Results.Text("Vigía en servicio.", "text/plain; charset=utf-8");
            }
            http.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Text("Vigía no puede comunicarse con su base de datos.", "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
