using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vigia.Web.Pages;

public class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
