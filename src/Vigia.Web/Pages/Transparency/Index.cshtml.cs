using Vigia.Core.Audit;
using Vigia.Web.Pages.Plans;

namespace Vigia.Web.Pages.Transparency;

/// <summary>What Vigía publishes for the entity's "Transparencia y acceso a la información pública" section.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<PlanListItem> Plans { get; private set; } = [];

    /// <summary>The audit trail's checkpoint of the last finished day; null before the first one is published.</summary>
    public PublishedCheckpoint? Checkpoint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Plans = await Pages.Plans.IndexModel.LoadAsync(db, ct);
        Checkpoint = await AuditCheckpointPublisher.Newest(db).FirstOrDefaultAsync(ct);
    }
}
