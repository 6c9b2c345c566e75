using System.Text.RegularExpressions;

namespace Vigia.Web.Tests.Conventions;

/// <summary>Links come from the routing (<c>asp-page</c>, <c>vigia-nav-page</c>, <c>Url.Page</c>,
/// <see cref="Layout.EndpointLinks"/>), never typed paths: renaming a route then fails at build or in one place. This
/// reads every view of the web project and fails on an internal address written out by hand.</summary>
public sealed partial class TypedLinksTests
{
    /// <summary>Footer links to pages that do not exist yet (they answer 404 today); remove each as its page arrives.</summary>
    private static readonly HashSet<string> MissingPages = ["~/privacidad", "~/terminos"];

    // href, action or formaction whose value is a path (/…) or an app-relative path (~/…), or the old vigia-nav="/…".
    [GeneratedRegex("""\b(?<attr>href|action|formaction|src|vigia-nav)\s*=\s*"(?<value>~?/[^"]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex PathAttribute();

    // Url.Content("~/…") builds a path from text as well.
    [GeneratedRegex("""Url\.Content\(\s*"(?<value>~/[^"]*)"\s*\)""")]
    private static partial Regex ContentCall();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Vigia.slnx")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Vigia.slnx not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A file the site serves from wwwroot (a stylesheet, an image), which is not a route.</summary>
    private static bool IsStaticAsset(string webRoot, string value) =>
        value.StartsWith("~/", StringComparison.Ordinal)
        && Path.HasExtension(value.Split('?', '#')[0])
        && File.Exists(Path.Combine(webRoot, value[2..].Split('?', '#')[0]));

    public static IEnumerable<string> TypedLinks(string root)
    {
        var web = Path.Combine(root, "src", "Vigia.Web");
        var webRoot = Path.Combine(web, "wwwroot");
        foreach (var file in Directory.EnumerateFiles(web, "*.cshtml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal))
            {
                continue;
            }
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var found = PathAttribute().Matches(lines[i]).Select(m => m.Groups["value"].Value)
                    .Concat(ContentCall().Matches(lines[i]).Select(m => m.Groups["value"].Value));
                foreach (var value in found)
                {
                    if (!IsStaticAsset(webRoot, value) && !MissingPages.Contains(value))
                    {
                        yield return $"{relative}:{i + 1}: {value}";
                    }
                }
            }
        }
    }

    [Fact]
    public void Views_HaveNoTypedInternalLinks()
    {
        var typed = TypedLinks(RepositoryRoot()).ToList();

        Assert.True(typed.Count == 0, "Typed internal links (use asp-page, vigia-nav-page or EndpointLinks):\n" + string.Join("\n", typed));
    }

    [Fact]
    public void Scan_FindsTheTypedLinksItForbids()
    {
        var root = Directory.CreateTempSubdirectory("vigia-links-");
        try
        {
            var pages = Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Vigia.Web", "Pages"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Vigia.Web", "wwwroot", "css"));
            File.WriteAllText(Path.Combine(root.FullName, "src", "Vigia.Web", "wwwroot", "css", "site.css"), "");
            File.WriteAllLines(Path.Combine(pages.FullName, "Sample.cshtml"),
            [
                """<a href="/planes/@Model.Year">Plan</a>""",
                """<form method="post" action="/cuenta/salir"></form>""",
                """<a class="site-nav-link" vigia-nav="/tablero">Tablero</a>""",
                """<a href="~/transparencia">Transparencia</a> <a href="@Url.Content("~/datos")">Datos</a>""",
                """<link rel="stylesheet" href="~/css/site.css" /> <a href="https://www.gov.co">GOV.CO</a> <a href="#contenido">Saltar</a>""",
                """<a asp-page="/Plans/Plan" asp-route-year="@Model.Year">Plan</a> <a href="@Url.Page("/Index")">Inicio</a>""",
            ]);

            var typed = TypedLinks(root.FullName).ToList();

            Assert.Equal(
            [
                "src/Vigia.Web/Pages/Sample.cshtml:1: /planes/@Model.Year",
                "src/Vigia.Web/Pages/Sample.cshtml:2: /cuenta/salir",
                "src/Vigia.Web/Pages/Sample.cshtml:3: /tablero",
                "src/Vigia.Web/Pages/Sample.cshtml:4: ~/transparencia",
                "src/Vigia.Web/Pages/Sample.cshtml:4: ~/datos",
            ], typed);
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
