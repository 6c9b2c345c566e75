using Microsoft.AspNetCore.Razor.TagHelpers;
using Vigia.Core.Compliance;

namespace Vigia.Web.Charts;

/// <summary><c>&lt;vigia-level level="@level" /&gt;</c>: a compliance band as a badge with its word ("Alta" on green,
/// never green alone), or "No aplica" when nothing counts.</summary>
[HtmlTargetElement("vigia-level", TagStructure = TagStructure.WithoutEndTag)]
public sealed class ComplianceBadgeTagHelper : TagHelper
{
    [HtmlAttributeName("level")]
    public ComplianceLevel? Level { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Level is { } level ? $"level {ComplianceLevels.CssClass(level)}" : "level level-not-applicable");
        output.Content.SetContent(Level is { } l ? ComplianceLevels.Name(l) : "No aplica");
    }
}
