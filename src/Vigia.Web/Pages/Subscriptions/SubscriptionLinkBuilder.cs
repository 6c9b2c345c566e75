using Vigia.Core.Consultation;

namespace Vigia.Web.Pages.Subscriptions;

/// <summary>The addresses a subscription mail links to, from the routing: the confirmation and unsubscribe pages and the
/// plan's public consultation page, absolute on <c>Vigia:PublicBaseUrl</c> (or the request's own host when unset).</summary>
public static class SubscriptionLinkBuilder
{
    public static SubscriptionLinks SubscriptionLinks(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var configured = page.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["Vigia:PublicBaseUrl"]?.TrimEnd('/');
        var baseUrl = string.IsNullOrWhiteSpace(configured) ? $"{page.Request.Scheme}://{page.Request.Host}{page.Request.PathBase}" : configured;
        string Absolute(string? path) => baseUrl + (path ?? throw new InvalidOperationException("No route leads to a subscription page."));
        return new SubscriptionLinks(
            token => Absolute(page.Url.Page("/Subscriptions/Confirm", new { token })),
            token => Absolute(page.Url.Page("/Subscriptions/Cancel", new { token })),
            (entity, year) => Absolute(page.Url.Page("/Plans/Consultation", new { entity, year })));
    }
}
