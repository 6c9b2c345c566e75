using Microsoft.AspNetCore.DataProtection;
using Vigia.Core.Files;
using Vigia.Core.RiskMap;

namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>Planeación uploads a risk matrix (XLSX), reads the import report before anything is stored, then confirms
/// or discards it. Without JavaScript: the upload is held in the file store under its generated key, and the page
/// carries that key only inside a protected, time-limited token bound to the person, so it cannot be forged or
/// replayed later; the evidence sweep removes a held file nobody confirmed.</summary>
public class ImportModel(AppDbContext db, IFileStore files, RiskMapImportService importer, IDataProtectionProvider protection, TimeProvider clock)
    : PageModel
{
    private readonly HeldUploadToken tokens = new(protection, clock, "Vigia.RiskMap.Import");
    private static readonly string XlsxType = FileKinds.ContentTypeOf(FileKind.Xlsx, ".xlsx");

    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty]
    public IFormFile? Files { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public int ShownYear { get; private set; }
    public string EntityName { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public bool CanImport { get; private set; }

    /// <summary>The report of the uploaded file; null before an upload.</summary>
    public RiskMapImport? Report { get; private set; }

    public string? FileName { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!CanImport)
        {
            return this.Forbidden();
        }
        if (Files is null || Files.Length == 0)
        {
            ModelState.AddModelError(nameof(Files), "Elija el archivo XLSX de la matriz de riesgos.");
            return this.InvalidPage();
        }
        StoredFileResult stored;
        await using (var upload = Files.OpenReadStream())
        {
            stored = await files.SaveAsync(upload, Files.FileName, ct);
        }
        if (!stored.Succeeded)
        {
            ModelState.AddModelError(nameof(Files), stored.ErrorMessage!);
            return this.InvalidPage();
        }
        var file = stored.File!;
        if (file.ContentType != XlsxType)
        {
            await files.DeleteAsync(file.StorageKey, ct);
            ModelState.AddModelError(nameof(Files), "La matriz de riesgos se importa desde un archivo XLSX (Excel), con las columnas de la matriz del DAFP.");
            return this.InvalidPage();
        }
        await using (var content = await files.OpenReadAsync(file.StorageKey, ct))
        {
            Report = await importer.PreviewAsync(content, Options(), ct);
        }
        FileName = file.FileName;
        if (Report.Refused)
        {
            // A refused file is not held: nothing of it stays.
            await files.DeleteAsync(file.StorageKey, ct);
            return this.InvalidPage();
        }
        Token = tokens.Issue(Actor.From(User), Scope(), file.StorageKey, file.FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Held() is not { } held)
        {
            return Expired();
        }
        Result<RiskMapImport> result;
        try
        {
            await using var content = await files.OpenReadAsync(held.Key, ct);
            result = await importer.ImportAsync(content, Options(), Actor.From(User), ct);
        }
        catch (FileNotFoundException)
        {
            // Already confirmed or discarded, or removed by the sweep after it expired.
            return Expired();
        }
        await files.DeleteAsync(held.Key, ct);
        if (!result.Succeeded && result.Status is ResultStatus.Invalid)
        {
            // Something changed since the preview (another import, a publication): the report says what.
            (Report, FileName) = (result.Value, held.Name);
            return this.InvalidPage();
        }
        return await this.RespondAsync(result, report => this.RedirectWithNotice(
            $"Matriz importada: {report.Risks} {(report.Risks == 1 ? "riesgo" : "riesgos")} y {report.Controls} {(report.Controls == 1 ? "control" : "controles")} en el mapa de {report.Year}.",
            "/RiskMap/Desk/Index", new { vigencia = report.Year }));
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Held() is { } held)
        {
            await files.DeleteAsync(held.Key, ct);
        }
        return this.RedirectWithNotice("Importación descartada: no se guardó nada.", "/RiskMap/Desk/Import", new { vigencia = ShownYear, entidad = Slug });
    }

    private RiskMapImportOptions Options() => new(ShownYear, EntityName);

    private PageResult Expired()
    {
        ModelState.AddModelError(nameof(Files), "La carga expiró o no es válida: vuelva a subir el archivo. No se guardó nada.");
        return this.InvalidPage();
    }

    /// <summary>What the token is bound to besides the person: the entity and year the report was made for.</summary>
    private string Scope() => string.Join('\n', Slug, ShownYear.ToString(CultureInfo.InvariantCulture));

    private (string Key, string Name)? Held() => tokens.Read(Token, Actor.From(User), Scope());

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : ColombianTime.Today(clock).Year;
        var entity = await db.Entities.AsNoTracking().Where(e => EntitySlug == null || e.Slug == EntitySlug).OrderBy(e => e.Name)
            .Select(e => new { e.Name, e.Slug }).FirstOrDefaultAsync(ct);
        if (entity is null)
        {
            return false;
        }
        (EntityName, Slug) = (entity.Name, entity.Slug);
        CanImport = RiskMapImportService.CanImport(Actor.From(User));
        return true;
    }
}
