namespace Vigia.Web.Pages.Accounts;

/// <summary>The tokens a page lists: a person's own (<c>/cuenta/tokens</c>) or everyone's for the administrator.</summary>
public sealed record TokenTable(IReadOnlyList<PersonalAccessToken> Tokens, bool ShowOwner, string Page)
{
    public static string State(PersonalAccessToken token, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.RevokedAt is { } revoked)
        {
            return "Revocado el " + SpanishFormat.DateTime(revoked);
        }
        if (token.User is { IsActive: false })
        {
            return "Cuenta desactivada";
        }
        return token.ExpiresAt <= now ? "Vencido" : "Vigente";
    }

    public static bool Revocable(PersonalAccessToken token) => token?.RevokedAt is null;
}
