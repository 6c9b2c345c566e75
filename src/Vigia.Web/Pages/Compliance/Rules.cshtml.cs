using Vigia.Core.Compliance;

namespace Vigia.Web.Pages.Compliance;

/// <summary>/tablero/reglas: the compliance rules of docs/compliance.md, for citizens, with this installation's bands.</summary>
public class RulesModel(AppDbContext db) : PageModel
{
    public ComplianceBands Bands { get; private set; } = ComplianceBands.Default;

    public async Task OnGetAsync(CancellationToken ct) => Bands = await ComplianceBands.LoadAsync(db, ct);
}
