namespace Vigia.Web.Pages;

/// <summary>
/// The Spanish page that <c>UseStatusCodePagesWithReExecute("/estado/{0}")</c> shows for a 4xx/5xx without a body.
/// Like <see cref="ErrorModel"/> it has no handler methods, so it renders for a re-executed POST too.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class StatusCodeModel : PageModel
{
    private static readonly Dictionary<int, (string Title, string Explanation)> Messages = new()
    {
        [400] = ("Solicitud no válida", "No pudimos entender la solicitud. Revise la dirección o vuelva a la página anterior e inténtelo de nuevo."),
        [401] = ("Debe iniciar sesión", "Para ver esta página necesita iniciar sesión."),
        [403] = ("No tiene permiso para ver esta página", "Su usuario no tiene acceso a esta información. Si cree que debería tenerlo, comuníquese con el administrador de Vigía en su entidad."),
        [404] = ("Página no encontrada", "La dirección que escribió no existe o la página cambió de lugar. Revise que esté bien escrita o use los enlaces de abajo."),
        [405] = ("Operación no permitida", "Esta página no admite la operación solicitada."),
        [429] = ("Demasiadas solicitudes", "Recibimos muchas solicitudes seguidas. Espere un momento e inténtelo de nuevo."),
    };

    /// <summary>The status being explained; a direct visit to an address outside 400–599 reads as "not found".</summary>
    public int Code => int.TryParse(RouteData.Values["code"]?.ToString(), out var code) && code is >= 400 and <= 599 ? code : 404;

    public string Title => Describe().Title;

    public string Explanation => Describe().Explanation;

    public void OnGet() => Response.StatusCode = Code;

    private (string Title, string Explanation) Describe() =>
        Messages.TryGetValue(Code, out var message)
            ? message
            : Code >= 500
                ? ("Ocurrió un error", "No pudimos completar su solicitud. Intente de nuevo en unos minutos.")
                : ("No pudimos atender la solicitud", "Revise la dirección o vuelva a la página anterior.");
}
