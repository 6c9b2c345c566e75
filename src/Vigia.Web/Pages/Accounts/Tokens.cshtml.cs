using System.ComponentModel.DataAnnotations;

namespace Vigia.Web.Pages.Accounts;

/// <summary>«Tokens de acceso» (/cuenta/tokens): a signed-in person makes personal access tokens for the API (name, expiry of at
/// most a year, scopes their role allows), sees each secret once, lists and revokes them.</summary>
public class TokensModel(PersonalAccessTokens tokens, TimeProvider clock) : PageModel
{
    public const int DefaultLifetimeDays = 90;

    [BindProperty]
    [Display(Name = "Nombre del token")]
    public string? Name { get; set; }

    [BindProperty]
    [Display(Name = "Vence el")]
    public DateOnly? ExpiresOn { get; set; }

    [BindProperty]
    public List<string> Scopes { get; set; } = [];

    public IReadOnlyList<string> AllowedScopes { get; private set; } = [];
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateOnly Latest { get; private set; }

    /// <summary>The token just made and its secret, shown on this response only.</summary>
    public CreatedToken? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ExpiresOn = ColombianTime.Today(clock).AddDays(DefaultLifetimeDays);
        await LoadAsync(ct);
        Scopes = [.. AllowedScopes.Take(1)];
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        // The date input's own errors ("no es una fecha") are replaced by the service's message.
        ModelState.Remove(nameof(ExpiresOn));
        var result = await tokens.CreateAsync(Actor.From(User), Name, ExpiresOn, Scopes, ct);
        if (!result.Succeeded)
        {
            return await this.RefuseAsync(result, () => LoadAsync(ct));
        }
        Created = result.Value;
        // The secret is on this page only: never stored by a browser or a proxy, never in a redirect's TempData.
        Response.Headers.CacheControl = "no-store";
        ModelState.Clear();
        (Name, ExpiresOn) = (null, ColombianTime.Today(clock).AddDays(DefaultLifetimeDays));
        await LoadAsync(ct);
        Scopes = [.. AllowedScopes.Take(1)];
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(Actor.From(User), id, ct);
        return await this.RespondAsync(result, t => this.RedirectWithNotice($"Token «{t.Name}» revocado: ya no abre la API.", "/Accounts/Tokens"),
            reload: () => LoadAsync(ct));
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = Actor.From(User);
        AllowedScopes = TokenScopes.Allowed(actor.Roles);
        Tokens = await tokens.ListAsync(actor.UserId ?? "", ct);
        Today = ColombianTime.Today(clock);
        Latest = Today.AddDays(PersonalAccessTokens.MaxLifetimeDays - 1);
    }
}
