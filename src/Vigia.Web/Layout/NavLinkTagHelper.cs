using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Vigia.Web.Layout;

/// <summary>
/// <c>&lt;a vigia-nav-page="/Plans/Index"&gt;Plan&lt;/a&gt;</c>: writes the href the routing gives that page (with the path
/// base) and marks the link <c>aria-current="page"</c> when the visitor is in that section, so the current section is
/// announced, not only coloured. The home page matches only itself; any other page matches its address and everything
/// under it, unless <c>vigia-nav-exact</c> asks for its address alone (a section's own landing page among its sub-pages).
/// </summary>
[HtmlTargetElement("a", Attributes = PageAttributeName)]
public sealed class NavLinkTagHelper(LinkGenerator links) : TagHelper
{
    private const string PageAttributeName = "vigia-nav-page";

    [HtmlAttributeName(PageAttributeName)]
    public string Page { get; set; } = "/Index";

    [HtmlAttributeName("vigia-nav-exact")]
    public bool Exact { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var path = links.GetPathByPage(Page)
            ?? throw new InvalidOperationException($"No route leads to the page «{Page}».");
        var httpContext = ViewContext.HttpContext;
        output.Attributes.SetAttribute("href", httpContext.Request.PathBase + path);

        var current = new PathString(LocalUrls.CurrentPath(httpContext));
        var isCurrent = path == "/" || Exact
            ? current.Equals(path, StringComparison.OrdinalIgnoreCase)
            : current.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase);
        if (isCurrent)
        {
            output.Attributes.SetAttribute("aria-current", "page");
        }
    }
}
