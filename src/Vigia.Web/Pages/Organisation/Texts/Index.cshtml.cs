using System.ComponentModel.DataAnnotations;
using Vigia.Core.Organisation;

namespace Vigia.Web.Pages.Organisation.Texts;

/// <summary>The entity's privacy policy and terms of use, which its footer links to. An empty box publishes the
/// reference text again, marked as pending.</summary>
public class IndexModel(AppDbContext db, EntityTextService texts) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    [Display(Name = "Política de privacidad y tratamiento de datos personales")]
    public string? PrivacyPolicy { get; set; }

    [BindProperty]
    [Display(Name = "Términos de uso")]
    public string? TermsOfUse { get; set; }

    public Entity Entity { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Entities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        (PrivacyPolicy, TermsOfUse) = (
            Entity.PrivacyPolicy ?? EntityTexts.DefaultPrivacyPolicy(Entity.Name),
            Entity.TermsOfUse ?? EntityTexts.DefaultTermsOfUse(Entity.Name));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        // The reference text sent back unchanged is not the entity's own: keep it marked as pending.
        var privacy = Same(PrivacyPolicy, EntityTexts.DefaultPrivacyPolicy(Entity.Name)) ? null : PrivacyPolicy;
        var terms = Same(TermsOfUse, EntityTexts.DefaultTermsOfUse(Entity.Name)) ? null : TermsOfUse;
        var result = await texts.SaveAsync(Actor.From(User), Entity.Id, privacy, terms, ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice("Textos legales guardados: ya se ven en el pie de página.", "/Organisation/Texts/Index", new { id = saved.Id }),
            reload: () => LoadAsync(ct));
    }

    /// <summary>Browsers send a text box's lines with CRLF; the reference text has LF.</summary>
    private static bool Same(string? sent, string reference) =>
        string.Equals(sent?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), reference.Trim(), StringComparison.Ordinal);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Entities = (await db.Entities.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.Name }).ToListAsync(ct))
            .Select(e => (e.Id, e.Name)).ToList();
        var id = Id ?? (Entities.Count > 0 ? Entities[0].Id : 0);
        var entity = await db.Entities.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return false;
        }
        Entity = entity;
        return true;
    }
}
