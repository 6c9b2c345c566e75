using Vigia.Web.Pages.Subscriptions;
using Vigia.Core.Consultation;

namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Planeación's desk for the citizen consultation (/gestion/planes/{year}/consulta): open it on the draft with
/// its dates, follow the comments, and close it (early, if need be), which publishes the report.</summary>
public class ConsultationModel(AppDbContext db, PlanLocator locator, ConsultationService consultations, ConsultationSubscriptions subscriptions,
    TimeProvider clock)
    : ManagePageModel(db, locator)
{
    public ConsultationView? Current { get; private set; }

    public VersionSummary Latest { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? OpensOn { get; set; }

    [BindProperty]
    public string? ClosesOn { get; set; }

    public bool CanOpen => Latest.Status == VersionStatus.Draft && Current is not { Status: ConsultationStatus.Open };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        OpensOn ??= Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Page();
    }

    public async Task<IActionResult> OnPostOpenAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var opens = ParseDate(OpensOn, nameof(OpensOn));
        var closes = ParseDate(ClosesOn, nameof(ClosesOn));
        if (!ModelState.IsValid)
        {
            return this.InvalidPage();
        }
        var result = await consultations.OpenAsync(Plan.Id, opens, closes, Actor.From(User), ct);
        return await this.RespondAsync(result,
            async id => (IActionResult)this.RedirectWithNotice("Consulta ciudadana abierta: el borrador queda «En consulta» y no se modifica hasta cerrarla."
                    + Told(await subscriptions.NotifyAsync(id, SubscriberNotice.Opened, this.SubscriptionLinks(), ct)),
                "/Plans/Manage/Consultation", new { entity = EntitySlug, year = Year }),
            () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Current is null)
        {
            return NotFound();
        }
        var result = await consultations.CloseAsync(Current.Id, Actor.From(User), ct);
        return await this.RespondAsync(result,
            async id => (IActionResult)this.RedirectWithNotice("Consulta cerrada: su informe quedó publicado en la página del plan. El borrador vuelve a editarse."
                    + Told(await subscriptions.NotifyAsync(id, SubscriberNotice.ReportPublished, this.SubscriptionLinks(), ct)),
                "/Plans/Manage/Consultation", new { entity = EntitySlug, year = Year }),
            () => LoadAsync(ct));
    }

    /// <summary>What the notice adds about the subscribers written to (the write is done even if a message failed).</summary>
    private static string Told(NoticeSummary summary) => (summary.Sent, summary.Failed) switch
    {
        (0, 0) => "",
        (var sent, 0) => string.Create(SpanishFormat.Culture, $" Se avisó por correo a {sent} {(sent == 1 ? "persona suscrita" : "personas suscritas")}."),
        var (sent, failed) => string.Create(SpanishFormat.Culture, $" Se avisó por correo a {sent} de {sent + failed} personas suscritas; {failed} correos no pudieron enviarse (quedó en el registro del servidor)."),
    };

    private DateOnly? ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }
        ModelState.AddModelError(field, "Escriba la fecha como año-mes-día, por ejemplo 2027-01-10.");
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadPlanAsync(ct))
        {
            return false;
        }
        Today = ColombianTime.Today(clock);
        Latest = (await PlanVersions.ListAsync(Db, Plan.Id, includeDrafts: true, ct))[^1];
        Current = await ConsultationReport.LoadAsync(Db, Plan.Id, null, ct);
        return true;
    }
}
