
namespace Vigia.Web.Pages;

/// <summary>
/// Shown by the exception handler outside Development. It has no handler methods on purpose: the failed request
/// is re-executed with its own verb (often POST), and a page with no handler for that verb still renders.
/// </summary>
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public string RequestId => System.Diagnostics.Activity.Current?.Id ?? HttpContext.TraceIdentifier;
}
