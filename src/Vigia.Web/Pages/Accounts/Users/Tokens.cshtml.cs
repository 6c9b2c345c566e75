namespace Vigia.Web.Pages.Accounts.Users;

/// <summary>Every person's tokens for the administrator (/admin/usuarios/tokens), who may revoke any.</summary>
public class TokensModel(PersonalAccessTokens tokens) : PageModel
{
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(null, ct);

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(Actor.From(User), id, ct);
        return await this.RespondAsync(result,
            t => this.RedirectWithNotice($"Token «{t.Name}» de {t.User?.DisplayName ?? "la persona"} revocado.", "/Accounts/Users/Tokens"),
            reload: async () => Tokens = await tokens.ListAsync(null, ct));
    }
}
