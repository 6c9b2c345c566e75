using Microsoft.AspNetCore.Identity;

namespace Vigia.Core.Accounts;

public sealed record BootstrapLink(string Email, string Token, DateTimeOffset ExpiresAt);

/// <summary>No default password ever: while no administrator has set a password, every start-up issues a fresh
/// one-time activation link for the first administrator (earlier links stop working).</summary>
public sealed class FirstAdministrator(UserManager<AppUser> users, AccountService accounts, AccountTokens tokens, TimeProvider clock)
{
    public const string DefaultEmail = "admin@vigia.local";

    public async Task<BootstrapLink?> EstablishAsync(string? email, CancellationToken ct = default)
    {
        await accounts.EnsureRolesAsync(ct);
        var admins = await users.GetUsersInRoleAsync(Roles.Administrator);
        if (admins.Any(a => a.IsActive && a.PasswordHash is not null))
        {
            return null;
        }
        var pending = admins.FirstOrDefault(a => a.IsActive);
        if (pending is null)
        {
            var created = await accounts.CreateAsync(new NewUser(email ?? DefaultEmail, "Administrador", [Roles.Administrator]), ct);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException("No se pudo crear el primer administrador: " + string.Join(" ", created.Errors.Values));
            }
            pending = created.Value.User;
        }
        var token = await tokens.IssueAsync(pending.Id, AccountTokenPurpose.Activation, AccountTokens.ActivationLifetime, ct);
        return new BootstrapLink(pending.Email!, token, clock.GetUtcNow() + AccountTokens.ActivationLifetime);
    }
}
