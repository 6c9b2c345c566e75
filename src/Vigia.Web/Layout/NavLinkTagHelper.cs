using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Vigia.Web.Layout;

/// <summary>
/// <c>&lt;a vigia-nav="/planes"&gt;Plan&lt;/a&gt;</c>: writes the href (with the path base) and marks the link
/// <c>aria-current="page"</c> when the visitor is in that section, so the current section is announced, not only coloured.
/// "/" matches only the home page; any other path matches itself and everything under it.
/// </summary>
[HtmlTargetElement("a", Attributes = AttributeName)]
public sealed class NavLinkTagHelper : TagHelper
{
    private const string AttributeName = "vigia-nav";

    [HtmlAttributeName(AttributeName)]
    public string Path { get; set; } = "/";

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var httpContext = ViewContext.HttpContext;
        output.Attributes.SetAttribute("href", httpContext.Request.PathBase + Path);

        var current = new PathString(LocalUrls.CurrentPath(httpContext));
        var isCurrent = Path == "/" ? current == "/" : current.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);
        if (isCurrent)
        {
            output.Attributes.SetAttribute("aria-current", "page");
        }
    }
}
