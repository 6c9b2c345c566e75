namespace Vigia.Web.Layout;

/// <summary>The entity's name (and mark) under the GOV.CO bar; "Vigía" until an entity exists.</summary>
public sealed class EntityHeaderViewComponent(EntityProfileReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await reader.GetAsync(HttpContext));
}

/// <summary>The footer: the entity's contact details and office hours, the policy links and the transparency link.</summary>
public sealed class EntityFooterViewComponent(EntityProfileReader reader) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await reader.GetAsync(HttpContext));
}
