using Microsoft.AspNetCore.Diagnostics;

namespace Vigia.Web.Layout;

/// <summary>What the layout shows of the entity: its name in the header, its contact details in the footer.</summary>
public sealed record EntityProfile(
    string Name,
    string? Address,
    string? Phone,
    string? Email,
    string? OfficeHours,
    string? WebsiteUrl,
    string? TransparencyUrl,
    string? JudicialNoticeEmail = null)
{
    public const string FallbackName = "Vigía";

    public static EntityProfile Fallback { get; } = new(FallbackName, null, null, null, null, null, null);

    public bool HasContactDetails =>
        Address is not null || Phone is not null || Email is not null || JudicialNoticeEmail is not null || WebsiteUrl is not null;

    /// <summary>A <c>tel:</c> link for the first number written, or null when there is none to dial.</summary>
    public string? PhoneHref
    {
        get
        {
            // "+57 (602) 885 6000 ext. 1234 / 885 6001": dial the digits before the first letter or separator.
            var dialable = new string((Phone ?? "")
                .TakeWhile(c => !char.IsLetter(c) && c is not ('/' or ';' or ','))
                .Where(c => char.IsAsciiDigit(c) || c == '+')
                .ToArray());
            return dialable.Count(char.IsAsciiDigit) >= 7 ? "tel:" + dialable : null;
        }
    }

    public string? WebsiteHref => SafeHref(WebsiteUrl);

    /// <summary>The entity's own transparency section, when it has one; the layout falls back to Vigía's.</summary>
    public string? TransparencyHref => SafeHref(TransparencyUrl);

    /// <summary>Only web addresses or site paths become links, so a <c>javascript:</c> URL typed into the database never does.</summary>
    private static string? SafeHref(string? url) =>
        LocalUrls.IsLocal(url)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? url
            : null;
}

/// <summary>Loads the entity profile once per request, however many parts of the layout ask for it.</summary>
public sealed class EntityProfileReader(AppDbContext db)
{
    private Task<EntityProfile>? profile;

    public Task<EntityProfile> GetAsync(HttpContext context)
    {
        // The error page must render even when the failure was the database itself.
        if (context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return Task.FromResult(EntityProfile.Fallback);
        }
        return profile ??= LoadAsync(context.RequestAborted);
    }

    private async Task<EntityProfile> LoadAsync(CancellationToken cancellationToken) =>
        await db.Entities
            .AsNoTracking()
            .OrderBy(e => e.Id)
            .Select(e => new EntityProfile(e.Name, e.Address, e.Phone, e.Email, e.OfficeHours, e.WebsiteUrl, e.TransparencyUrl, e.JudicialNoticeEmail))
            .FirstOrDefaultAsync(cancellationToken)
        ?? EntityProfile.Fallback;
}
