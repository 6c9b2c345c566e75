using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Filters;
using Vigia.Core.Files;
using Vigia.Core.Plans.Importing;

namespace Vigia.Web.Pages.Plans.Manage;

/// <summary>Planeación uploads a plan document (the seed's tab-separated text, its XLSX layout or the DAFP template's), reads the import
/// report before anything is stored, then confirms or discards it. As the risk map's import: the upload is held in the
/// file store and the page carries its key only inside a <see cref="HeldUploadToken"/> bound to the person and to the
/// entity and year read from the document.</summary>
public class ImportModel(IFileStore files, PlanImportService importer, IDataProtectionProvider protection, TimeProvider clock) : PageModel
{
    private static readonly string XlsxType = FileKinds.ContentTypeOf(FileKind.Xlsx, ".xlsx");
    private static readonly string TextType = FileKinds.ContentTypeOf(FileKind.Text, ".txt");
    private readonly HeldUploadToken tokens = new(protection, clock, "Vigia.Plans.Import");

    [BindProperty]
    public IFormFile? Files { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    /// <summary>The entity and year the held document was read for (carried by the confirm and discard forms).</summary>
    [BindProperty(SupportsGet = true, Name = "entidad")]
    public string? EntitySlug { get; set; }

    [BindProperty(SupportsGet = true, Name = "vigencia")]
    public int? Year { get; set; }

    /// <summary>The kind of plan the document is (PAAC by default, or PTEP), as formulation asks; carried by the confirm
    /// and discard forms and bound into the token with the entity and year.</summary>
    [BindProperty(SupportsGet = true, Name = "tipo")]
    public PlanKind Kind { get; set; } = PlanKind.Paac;

    /// <summary>The report of the uploaded document; null before an upload.</summary>
    public PlanImport? Report { get; private set; }

    /// <summary>Whether the report refuses the document (its errors are listed and it cannot be confirmed).</summary>
    public bool Refused { get; private set; }

    public PlanDocumentCounts? Counts { get; private set; }

    public string? FileName { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!PlanLifecycleService.CanManage(Actor.From(User)))
        {
            context.Result = this.Forbidden();
            return;
        }
        await next();
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (!Enum.IsDefined(Kind))
        {
            ModelState.AddModelError(nameof(Kind), "Elija el tipo de plan: PAAC o PTEP.");
            return this.InvalidPage();
        }
        if (Files is null || Files.Length == 0)
        {
            ModelState.AddModelError(nameof(Files), "Elija el documento del plan: texto separado por tabulaciones (.txt) o Excel (.xlsx).");
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
        if (file.ContentType != XlsxType && file.ContentType != TextType)
        {
            await files.DeleteAsync(file.StorageKey, ct);
            ModelState.AddModelError(nameof(Files), "El plan se importa desde el documento en texto separado por tabulaciones (.txt) o desde el libro de Excel (.xlsx) con las columnas del plan.");
            return this.InvalidPage();
        }
        var (read, _) = await ReadAsync(file.StorageKey, file.FileName, ct);
        var preview = await importer.PreviewAsync(read, new PlanImportOptions(Kind: Kind), Actor.From(User), ct);
        FileName = file.FileName;
        if (!preview.Succeeded)
        {
            // A refused document is not held: nothing of it stays.
            await files.DeleteAsync(file.StorageKey, ct);
            return await ShowRefusalAsync(preview, read);
        }
        Show(preview.Value, read, refused: false);
        (EntitySlug, Year) = (preview.Value.EntitySlug, preview.Value.Year);
        Token = tokens.Issue(Actor.From(User), Scope(), file.StorageKey, file.FileName);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        if (Held() is not { } held)
        {
            return Expired();
        }
        ImportResult read;
        string sha256;
        try
        {
            (read, sha256) = await ReadAsync(held.Key, held.Name, ct);
        }
        catch (FileNotFoundException)
        {
            // Already confirmed or discarded, or removed by the sweep after it expired.
            return Expired();
        }
        var result = await importer.ImportAsync(read, new PlanImportOptions(Kind: Kind, SourceFileName: held.Name, SourceSha256: sha256), Actor.From(User), ct);
        await files.DeleteAsync(held.Key, ct);
        FileName = held.Name;
        if (!result.Succeeded)
        {
            // Something changed since the preview (another import, a plan formulated meanwhile): the report says what.
            return await ShowRefusalAsync(result, read);
        }
        var import = result.Value;
        var counts = PlanDocumentCounts.Of(read.Plan!);
        return this.RedirectWithNotice(
            $"Plan {import.Year} de {import.EntityName} importado como borrador (versión 1): {counts.Components} componentes, {counts.Activities} actividades y {counts.Actions} acciones.",
            "/Plans/Manage/Index", new { entity = import.EntitySlug, year = import.Year });
    }

    public async Task<IActionResult> OnPostDiscardAsync(CancellationToken ct)
    {
        if (Held() is { } held)
        {
            await files.DeleteAsync(held.Key, ct);
        }
        return this.RedirectWithNotice("Importación descartada: no se guardó nada.", "/Plans/Manage/Import");
    }

    private async Task<IActionResult> ShowRefusalAsync(Result<PlanImport> result, ImportResult read)
    {
        if (result.Status is ResultStatus.Invalid)
        {
            Show(result.Value, read, refused: true);
        }
        return await this.RefuseAsync(result);
    }

    private void Show(PlanImport report, ImportResult read, bool refused)
    {
        (Report, Refused) = (report, refused);
        Counts = read.Plan is null ? null : PlanDocumentCounts.Of(read.Plan);
    }

    private async Task<(ImportResult Read, string Sha256)> ReadAsync(string key, string name, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await using (var content = await files.OpenReadAsync(key, ct))
        {
            await content.CopyToAsync(buffer, ct);
        }
        var bytes = buffer.ToArray();
        return (PlanDocumentReader.Read(new MemoryStream(bytes), name), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private PageResult Expired()
    {
        ModelState.AddModelError(nameof(Files), "La carga expiró o no es válida: vuelva a subir el archivo. No se guardó nada.");
        return this.InvalidPage();
    }

    /// <summary>What the token is bound to besides the person: the entity and year read from the document.</summary>
    private string Scope() => string.Join('\n', EntitySlug ?? "", Year?.ToString(CultureInfo.InvariantCulture) ?? "", Kind.ToString());

    private (string Key, string Name)? Held() => tokens.Read(Token, Actor.From(User), Scope());
}
