using Microsoft.AspNetCore.Identity;

namespace Vigia.Core.Accounts;

/// <summary>Length over composition rules (NIST SP 800-63B): refuses passwords that are common, repeat one
/// character, or contain the person's e-mail name or the product's name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    private static readonly string[] Common =
    [
        "contrasena", "password", "123456789012", "qwertyuiopas", "alcaldia", "colombia", "bienvenido", "administrador", "vigia",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var folded = SpanishText.Fold(password ?? "");
        var local = SpanishText.Fold((user.Email ?? "").Split('@')[0]);
        var weak = Common.Any(c => folded.Replace(" ", "", StringComparison.Ordinal).StartsWith(c, StringComparison.Ordinal) && folded.Length < c.Length + 6)
            || folded.Distinct().Count() <= 2
            || (local.Length >= 4 && folded.Contains(local, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "CommonPassword",
                Description = "Esa contraseña es demasiado fácil de adivinar: use una frase de varias palabras que no incluya su correo.",
            })
            : IdentityResult.Success);
    }
}
