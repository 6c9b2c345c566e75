using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Vigia.Web.Startup;

/// <summary>Gives every page addressed by a plan year a second address with the entity's slug in front of the year,
/// for installations that hold several entities: /planes/2022/… and /planes/{entidad}/2022/…, and likewise
/// /gestion/planes/2022/… and /gestion/planes/{entidad}/2022/….</summary>
public sealed class PlanRouteConvention : IPageRouteModelConvention
{
    private static readonly string[] Prefixes = ["planes/", "gestion/planes/"];

    public void Apply(PageRouteModel model)
    {
        foreach (var selector in model.Selectors.ToList())
        {
            var template = selector.AttributeRouteModel?.Template;
            var prefix = template is null ? null : Prefixes.FirstOrDefault(p => template.StartsWith(p + "{year:int}", StringComparison.Ordinal));
            if (prefix is null)
            {
                continue;
            }
            model.Selectors.Add(new SelectorModel
            {
                AttributeRouteModel = new AttributeRouteModel
                {
                    Template = prefix + "{entity}/" + template![prefix.Length..],
                    // Tried first when a link or redirect is generated: with an entity value it is the only template
                    // that uses it (the other would put it in the query string); without one it cannot bind and the
                    // plain address is generated. Incoming requests never match both (the year is an int, where the
                    // plain templates have a word), so the order does not change which page answers.
                    Order = -1,
                },
            });
        }
    }
}
