using Vigia.Core.Organisation;

namespace Vigia.Web.Pages.Transparency;

/// <summary>A legal text of the entity the site belongs to (the one its header and footer name).</summary>
public abstract class LegalTextPageModel(AppDbContext db) : PageModel
{
    public EntityText Text { get; private set; } = null!;

    protected abstract EntityText Select(Entity entity);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var entity = await db.Entities.AsNoTracking().OrderBy(e => e.Id).FirstOrDefaultAsync(ct)
            ?? new Entity { Name = "La entidad", Slug = "" };
        Text = Select(entity);
    }
}

public class PrivacyModel(AppDbContext db) : LegalTextPageModel(db)
{
    protected override EntityText Select(Entity entity) => EntityTexts.Privacy(entity);
}

public class TermsModel(AppDbContext db) : LegalTextPageModel(db)
{
    protected override EntityText Select(Entity entity) => EntityTexts.Terms(entity);
}
