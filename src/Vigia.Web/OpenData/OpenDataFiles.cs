using Microsoft.Extensions.Options;
using Vigia.Core.OpenData;

namespace Vigia.Web.OpenData;

/// <summary>What every open-data file shares: the XLSX of a dataset from the same cells as its CSV, and the licence
/// announced in a <c>Link</c> header so a harvester that fetches only the file still learns it.</summary>
internal static class OpenDataFiles
{
    public static IResult Xlsx(HttpContext http, OpenDataset dataset, IEnumerable<IReadOnlyList<string>> rows, string fileName)
    {
        var licence = Licence(http);
        using var output = new MemoryStream();
        DatasetXlsx.Write(output, dataset, rows, $"{licence.LicenceName} — {licence.LicenceUrl}");
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Bytes(output.ToArray(), OpenDataset.MediaType("xlsx"));
    }

    /// <summary>Adds the licence's Link header (RFC 8288, rel="license") to the response.</summary>
    public static void AnnounceLicence(HttpContext http) =>
        http.Response.Headers.Append("Link", $"<{Licence(http).LicenceUrl}>; rel=\"license\"");

    private static OpenDataOptions Licence(HttpContext http) => http.RequestServices.GetRequiredService<IOptions<OpenDataOptions>>().Value;
}
