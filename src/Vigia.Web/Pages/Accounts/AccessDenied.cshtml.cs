using Microsoft.AspNetCore.Authorization;

namespace Vigia.Web.Pages.Accounts;

[AllowAnonymous]
public class AccessDeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
