using Vigia.Core.FollowUps;

namespace Vigia.Web.Pages.FollowUps;

/// <summary>A follow-up report as a file download, XLSX or PDF.</summary>
public static class ReportFiles
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileContentResult Result(FollowUpDocument document, string format)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        if (format == "pdf")
        {
            FollowUpPdf.Write(document, buffer);
        }
        else
        {
            FollowUpXlsx.Write(document, buffer);
        }
        return new FileContentResult(buffer.ToArray(), format == "pdf" ? "application/pdf" : XlsxType)
        {
            FileDownloadName = $"{document.FileStem}.{format}",
        };
    }
}
