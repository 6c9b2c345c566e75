using System.ComponentModel.DataAnnotations;
using Vigia.Core.Organisation;

namespace Vigia.Web.Pages.Organisation.Texts;

/// <summary>The entity's contact details, office hours and judicial-notice e-mail, which the footer of every page shows.
/// The service validates and audits; a bad value comes back with its error and nothing is saved.</summary>
public class ContactModel(AppDbContext db, EntityContactService contacts) : PageModel
{
    [FromRoute]
    public int? Id { get; set; }

    [BindProperty]
    [Display(Name = "Dirección")]
    public string? Address { get; set; }

    [BindProperty]
    [Display(Name = "Teléfono")]
    public string? Phone { get; set; }

    [BindProperty]
    [Display(Name = "Correo electrónico de contacto")]
    public string? Email { get; set; }

    [BindProperty]
    [Display(Name = "Correo para notificaciones judiciales")]
    public string? JudicialNoticeEmail { get; set; }

    [BindProperty]
    [Display(Name = "Horario de atención")]
    public string? OfficeHours { get; set; }

    [BindProperty]
    [Display(Name = "Sitio web de la entidad")]
    public string? WebsiteUrl { get; set; }

    [BindProperty]
    [Display(Name = "Sección «Transparencia y acceso a la información pública» del sitio de la entidad")]
    public string? TransparencyUrl { get; set; }

    public Entity Entity { get; private set; } = null!;
    public IReadOnlyList<(int Id, string Name)> Entities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        (Address, Phone, Email, JudicialNoticeEmail, OfficeHours, WebsiteUrl, TransparencyUrl) =
            (Entity.Address, Entity.Phone, Entity.Email, Entity.JudicialNoticeEmail, Entity.OfficeHours, Entity.WebsiteUrl, Entity.TransparencyUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var result = await contacts.SaveAsync(Actor.From(User), Entity.Id,
            new EntityContact(Address, Phone, Email, JudicialNoticeEmail, OfficeHours, WebsiteUrl, TransparencyUrl), ct);
        return await this.RespondAsync(result,
            saved => this.RedirectWithNotice("Datos de contacto guardados: ya se ven en el pie de página.", "/Organisation/Texts/Contact", new { id = saved.Id }),
            reload: () => LoadAsync(ct));
    }

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
