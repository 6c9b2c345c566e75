using Microsoft.AspNetCore.Identity;

namespace Vigia.Core.Accounts;

/// <summary>Identity's messages in Spanish, as every message on screen is.</summary>
public sealed class SpanishIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Ocurrió un error inesperado.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Otra persona cambió esta cuenta al mismo tiempo; vuelva a intentarlo.");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "La contraseña actual no es correcta.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "El enlace no es válido o venció.");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"El correo «{email}» no es válido.");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"El usuario «{userName}» no es válido.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"Ya existe una cuenta con el correo «{email}».");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"Ya existe una cuenta con el usuario «{userName}».");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "La cuenta ya tiene contraseña.");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "El bloqueo no está habilitado para esta cuenta.");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"La cuenta ya tiene el rol {Roles.DisplayName(role)}.");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"La cuenta no tiene el rol {Roles.DisplayName(role)}.");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"La contraseña debe tener al menos {length} caracteres.");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        E(nameof(PasswordRequiresUniqueChars), $"La contraseña debe usar al menos {uniqueChars} caracteres distintos.");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "La contraseña debe tener un símbolo.");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "La contraseña debe tener un número.");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "La contraseña debe tener una minúscula.");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "La contraseña debe tener una mayúscula.");

    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };
}
