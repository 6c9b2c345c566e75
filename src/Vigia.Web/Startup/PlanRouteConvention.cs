using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace Vigia.Web.Startup;

/// <summary>Gives every page addressed by a plan year a second address with the entity's slug in front of the year,
/// for installations that hold several entities: /planes/2022/… and /planes/{entidad}/2022/…, and likewise
/// /gestion/planes/2022/… and /gestion/planes/{entidad}/2022/…, and /seguimientos/2022/… (the consolidated follow-up)
/// and /seguimientos/{entidad}/2022/….</summary>
/// <remarks>
/// Links to such a page (<c>asp-page</c>, <c>Url.Page</c>) choose between the two addresses by route order, then by
/// precedence: without an order the short address would always win, for it is the more specific, and an entity given
/// to it would end up as <c>?entity=…</c>. The entity's address therefore comes first (<see cref="EntityFirst"/>), and
/// it applies only when the link names an entity, since <c>{entity}</c> has no default: a link with the entity gets
/// /planes/{entidad}/2022/…, one without it /planes/2022/…. No address of one form can be read as the other (the year
/// is a number, the words after it are not), so the order changes nothing for incoming requests.
/// </remarks>
public sealed class PlanRouteConvention : IPageRouteModelConvention
{
    public const int EntityFirst = -1;

    private static readonly string[] Prefixes = ["planes/", "gestion/planes/", "seguimientos/"];

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
                    Order = EntityFirst,
                },
            });
        }
    }
}
