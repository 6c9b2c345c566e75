namespace Vigia.Web.Pages.Accounts;

public class ResetPasswordModel(AccountService accounts, AccountTokens tokens) : SetPasswordPageModel(accounts, tokens, AccountTokenPurpose.PasswordReset);
