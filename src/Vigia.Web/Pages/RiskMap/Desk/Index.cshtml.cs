using Vigia.Core.Organisation;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap.Desk;

public sealed record DeskRisk(int Id, string Code, string Description, RiskPositionText Inherent, RiskPositionText Residual, int Controls);

public sealed record DeskProcess(int Id, string Name, ProcessKind Kind, string? Objective, string? OwnerUnit, IReadOnlyList<DeskRisk> Risks);

/// <summary>The processes whose risk map the person maintains (every process for Planeación) with their risks of
/// the year.</summary>
public class IndexModel(AppDbContext db, RiskMapAccess access, RiskMethodCatalog methods, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<DeskProcess> Processes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : ColombianTime.Today(clock).Year;
        var ids = await access.MaintainedProcessesAsync(Actor.From(User), ct);
        var definitions = await methods.DefinitionsAsync(ct);
        var processes = await db.Processes.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Kind).ThenBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Kind, p.Objective, Owner = p.OwnerUnit == null ? null : p.OwnerUnit.Name }).ToListAsync(ct);
        var risks = await db.Risks.AsNoTracking().Where(r => ids.Contains(r.ProcessId) && r.Year == ShownYear).OrderBy(r => r.Code)
            .Select(r => new { Risk = r, Controls = r.Controls.Count }).ToListAsync(ct);
        Processes = processes.Select(p => new DeskProcess(p.Id, p.Name, p.Kind, p.Objective, p.Owner,
            risks.Where(r => r.Risk.ProcessId == p.Id).Select(r => Row(r.Risk, r.Controls, definitions[r.Risk.MethodId])).ToList())).ToList();
    }

    private static DeskRisk Row(Risk r, int controls, RiskMethodDefinition method) => new(r.Id, r.Code, r.Description,
        RiskPositionText.Of(method, r.InherentProbability, r.InherentImpact, r.InherentZone),
        RiskPositionText.Of(method, r.ResidualProbability, r.ResidualImpact, r.ResidualZone), controls);
}
