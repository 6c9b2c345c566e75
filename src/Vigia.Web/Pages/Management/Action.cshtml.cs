using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigia.Core.Accounts;
using Vigia.Core.Data;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Management;

/// <summary>One action as the people who work on it see it. Someone who may not see it gets 404, the same as an
/// action that does not exist, so addresses reveal nothing.</summary>
public class ActionModel(AppDbContext db, ActionAccess access) : PageModel
{
    [FromRoute]
    public int Id { get; set; }

    public ActionView Action { get; private set; } = null!;
    public int Year { get; private set; }
    public bool CanReport { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        if (!await access.CanSeeAsync(actor, Id, ct))
        {
            return NotFound();
        }
        Action = (await ActionView.LoadAsync(db.Actions.Where(a => a.Id == Id), ct)).Single();
        Year = await db.Actions.Where(a => a.Id == Id).Select(a => a.Activity!.Component!.Plan!.Year).SingleAsync(ct);
        CanReport = await access.CanReportAsync(actor, Id, ct);
        return Page();
    }
}
