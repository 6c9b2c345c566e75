namespace Vigia.Web.Http;

/// <summary>Reads that answer HEAD as well as GET: link checkers and open-data harvesters ask HEAD first, and
/// <c>MapGet</c> answers them 404. The server sends HEAD's headers without the body.</summary>
public static class ReadEndpoints
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static RouteHandlerBuilder MapRead(this IEndpointRouteBuilder routes, string pattern, Delegate handler) =>
        routes.MapMethods(pattern, Methods, handler);
}
