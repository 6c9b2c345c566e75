using Vigia.Core.Transparency;

namespace Vigia.Web.Pages.Transparency;

/// <summary>The ITA checklist of one entity: every Anexo 2 item of <see cref="Anexo2.Checklist"/>, with the absolute
/// address of what Vigía publishes for it (from the entity's newest public plan) or «No lo publica Vigía».</summary>
public sealed record ItaChecklistView(string EntityName, string EntitySlug, TransparencyPlan? Plan, IReadOnlyList<ItaChecklistRow> Rows,
    IReadOnlyList<(string Name, string Slug)> Entities)
{
    /// <summary>The entity named by <paramref name="slug"/>, or the site's own (the first, as the header and footer);
    /// null when there is no such entity.</summary>
    public static async Task<ItaChecklistView?> LoadAsync(AppDbContext db, PageModel page, string? slug, CancellationToken ct)
    {
        var entities = await db.Entities.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Name, e.Slug }).ToListAsync(ct);
        var entity = string.IsNullOrEmpty(slug) ? entities.FirstOrDefault() : entities.FirstOrDefault(e => e.Slug == slug);
        if (entity is null)
        {
            return null;
        }
        var plan = (await TransparencyPlan.LoadAsync(db, ct)).Where(p => p.EntitySlug == entity.Slug).MaxBy(p => p.Year);
        var links = TransparencyLinks.For(page);
        var rows = Anexo2.Checklist
            .Select(e => new ItaChecklistRow(e, e.Publication is { } p && links.Path(p, plan) is { } path ? links.Absolute(path) : null))
            .ToList();
        return new ItaChecklistView(entity.Name, entity.Slug, plan, rows,
            entities.OrderBy(e => e.Name, SpanishText.NameOrder).Select(e => (e.Name, e.Slug)).ToList());
    }
}

public class ItaChecklistModel(AppDbContext db) : PageModel
{
    [FromQuery(Name = "entidad")]
    public string? Entity { get; set; }

    public ItaChecklistView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ItaChecklistView.LoadAsync(db, this, Entity, ct) is not { } view)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}

/// <summary>The same checklist as XLSX (<see cref="ItaChecklistXlsx"/>), every cell text.</summary>
public class ItaChecklistFileModel(AppDbContext db) : PageModel
{
    [FromQuery(Name = "entidad")]
    public string? Entity { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ItaChecklistView.LoadAsync(db, this, Entity, ct) is not { } view)
        {
            return NotFound();
        }
        using var buffer = new MemoryStream();
        ItaChecklistXlsx.Write(buffer, view.EntityName, view.Rows);
        return File(buffer.ToArray(), Vigia.Web.Pages.FollowUps.ReportFiles.XlsxType, $"matriz-ita-{view.EntitySlug}.xlsx");
    }
}
