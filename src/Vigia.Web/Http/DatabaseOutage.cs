using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Vigia.Web.Http;

/// <summary>The database is down or unreachable (PostgreSQL stopped or restarting, the network to it cut, the disk of
/// SQLite full or locked): the request is answered at once with 503 and <c>Retry-After</c>, a Spanish page for people
/// and problem+json for <c>/api</c>, instead of the generic 500. Nothing is retried inside the request, so a request
/// never hangs on a dead server; the next request after the server is back simply works (Npgsql's pool drops its
/// broken connections and opens new ones).</summary>
public static class DatabaseOutage
{
    /// <summary>Seconds a client is told to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    public const string Title = "Servicio no disponible por un momento";

    public const string Detail = "Vigía no pudo comunicarse con su base de datos. No se guardó ningún cambio de esta solicitud: " +
        "intente de nuevo en unos minutos.";

    /// <summary>Whether <paramref name="exception"/> (or any exception inside it) says the database could not be
    /// reached or used, as opposed to a fault of the request or of the code.</summary>
    public static bool Is(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException pg:
                    // Class 08: connection exceptions; 57P01–57P03: the server is shutting down or starting; 53: out of
                    // resources (too many connections, disk full). A constraint or syntax error is not an outage.
                    if (pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P0", StringComparison.Ordinal)
                        || pg.SqlState.StartsWith("53", StringComparison.Ordinal))
                    {
                        return true;
                    }
                    return false;
                case NpgsqlException:
                    // Not a server's answer: the connection could not be opened or broke (socket, timeout, end of stream).
                    return true;
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 13:
                    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_IOERR, SQLITE_FULL.
                    return true;
                case SocketException:
                    return true;
                case TimeoutException:
                    return true;
            }
        }
        return false;
    }

    /// <summary>Whether the failed request was for the API. Inside the exception handler the request's path is already
    /// the error page's, so the original path comes from <see cref="IExceptionHandlerPathFeature"/>.</summary>
    public static bool IsApi(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } original ? new PathString(original) : context.Request.Path;
        return path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Answers an outage itself, before the error page is tried: problem+json on <c>/api</c>, otherwise a small
/// self-contained Spanish page. The error page is not used because rendering it runs the pipeline again (session
/// check, layout), which needs the very database that is down.</summary>
public sealed partial class DatabaseOutageHandler(ILogger<DatabaseOutageHandler> logger) : IExceptionHandler
{
    private static readonly string Page = $"""
        <!DOCTYPE html>
        <html lang="es-CO">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{DatabaseOutage.Title} - Vigía</title>
        </head>
        <body>
        <main>
        <h1>{DatabaseOutage.Title}</h1>
        <p>{DatabaseOutage.Detail}</p>
        <p>Si estaba enviando un formulario, vuelva a la página anterior y envíelo de nuevo cuando el servicio se restablezca.</p>
        <p><a href="/">Volver al inicio</a></p>
        </main>
        </body>
        </html>
        """;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!DatabaseOutage.Is(exception))
        {
            return false;
        }
        LogOutage(logger, httpContext.Request.Method, httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? "", exception.GetType().Name, exception.Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = DatabaseOutage.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        httpContext.Response.Headers.CacheControl = "no-store";
        if (DatabaseOutage.IsApi(httpContext))
        {
            await Results.Problem(title: DatabaseOutage.Title, detail: DatabaseOutage.Detail, statusCode: StatusCodes.Status503ServiceUnavailable)
                .ExecuteAsync(httpContext);
            return true;
        }
        httpContext.Response.ContentType = "text/html; charset=utf-8";
        if (!HttpMethods.IsHead(httpContext.Request.Method))
        {
            await httpContext.Response.WriteAsync(Page, cancellationToken);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database unavailable during {Method} {Path}: {Type}: {Message}")]
    private static partial void LogOutage(ILogger logger, string method, string path, string type, string message);
}
