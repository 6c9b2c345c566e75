using System.ComponentModel.DataAnnotations;
using Vigia.Core.Plans.Importing;
using Vigia.Core.Progress;

namespace Vigia.Web.Pages.Progress;

/// <summary>The fields a report form shares (new report, correction, edit); what the service answers becomes the
/// response through <see cref="PageResults"/>.</summary>
public abstract class ReportFormModel : PageModel
{
    /// <summary>Largest request the form accepts: five files at the default 10 MB limit, plus the text.</summary>
    public const long MaxRequestBytes = 60L * 1024 * 1024;

    [BindProperty]
    [Display(Name = "Cantidad ejecutada")]
    public string? Quantity { get; set; }

    [BindProperty]
    [Display(Name = "Qué se hizo en el mes")]
    public string? Narrative { get; set; }

    [BindProperty]
    [Display(Name = "Enlaces a soportes publicados")]
    public string? Links { get; set; }

    [BindProperty]
    [Display(Name = "Archivos de soporte")]
    public List<IFormFile> Files { get; set; } = [];

    public TargetUnit TargetUnit { get; protected set; }

    /// <summary>The quantity as typed the Colombian way ("5.000", "2,5", "80 %"), or null with an error added.</summary>
    protected decimal? ParseQuantity()
    {
        if (SpanishNumber.TryParse(Quantity, out var value, out var unit)
            && (unit == TargetUnit.Count || TargetUnit == TargetUnit.Percentage))
        {
            return value;
        }
        ModelState.AddModelError(nameof(Quantity), string.IsNullOrWhiteSpace(Quantity)
            ? "Escriba la cantidad ejecutada en el mes (0 si no hubo avance)."
            : TargetUnit == TargetUnit.Percentage
                ? "Escriba el porcentaje con números, por ejemplo 80 o 80,5."
                : "Escriba la cantidad con números, por ejemplo 12, 2,5 o 5.000.");
        return null;
    }

    protected IReadOnlyList<string> LinkLines() => (Links ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The chosen files; a file input left empty sends a part without a name, which is no file.</summary>
    protected IReadOnlyList<EvidenceUpload> Uploads() =>
        Files.Where(f => !string.IsNullOrEmpty(f.FileName)).Select(f => new EvidenceUpload(f.OpenReadStream(), f.FileName)).ToList();
}
