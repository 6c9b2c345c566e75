using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Vigia.Web.Startup;

/// <summary>Gives every page under /Plans a second address with the entity's slug in front of the year,
/// for installations that hold several entities: /planes/2022/… and /planes/{entidad}/2022/….</summary>
public sealed class PlanRouteConvention : IPageRouteModelConvention
{
    public void Apply(PageRouteModel model)
    {
        if (!model.ViewEnginePath.StartsWith("/Plans/", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template;
            if (template is null || !template.StartsWith("planes/{year:int}", StringComparison.Ordinal))
            {
                continue;
            }
            model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = "planes/{entity}/" + template["planes/".Length..],
                },
            });
        }
    }
}
