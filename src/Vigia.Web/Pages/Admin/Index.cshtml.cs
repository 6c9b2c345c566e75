namespace Vigia.Web.Pages.Admin;

public class IndexModel(AppDbContext db) : PageModel
{
    public int Users { get; private set; }
    public int Units { get; private set; }
    public int Processes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await db.Users.CountAsync(u => u.IsActive, ct);
        Units = await db.Units.CountAsync(u => u.IsActive, ct);
        Processes = await db.Processes.CountAsync(p => p.IsActive, ct);
    }
}
