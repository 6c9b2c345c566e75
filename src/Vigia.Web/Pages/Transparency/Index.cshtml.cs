using Vigia.Core.Audit;
using Vigia.Core.Transparency;

namespace Vigia.Web.Pages.Transparency;

/// <summary>What Vigía publishes for the entity's "Transparencia y acceso a la información pública" section, laid out by
/// the numerals of Resolución 1519 de 2020, Anexo 2 (<see cref="Anexo2"/>), each with its permanent address.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<TransparencyPlan> Plans { get; private set; } = [];

    public TransparencyLinks Links { get; private set; } = null!;

    /// <summary>The audit trail's checkpoint of the last finished day; null before the first one is published.</summary>
    public PublishedCheckpoint? Checkpoint { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Links = TransparencyLinks.For(this);
        Plans = await TransparencyPlan.LoadAsync(db, ct);
        Checkpoint = await AuditCheckpointPublisher.Newest(db).FirstOrDefaultAsync(ct);
    }

    /// <summary>The permanent address of a numeral's section on this page.</summary>
    public string NumeralUrl(Anexo2Numeral numeral) => Links.Absolute(Url.Page("/Transparency/Index") + "#" + numeral.Anchor);

    /// <summary>Publications that belong to a plan of a year (listed plan by plan) and those that do not (listed once).</summary>
    public static bool IsPerPlan(TransparencyPublication publication) =>
        publication is not (TransparencyPublication.FollowUps or TransparencyPublication.OpenData or TransparencyPublication.DcatCatalogue);
}
