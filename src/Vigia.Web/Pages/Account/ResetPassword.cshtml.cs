using Vigia.Core.Accounts;
using Vigia.Core.Domain;

namespace Vigia.Web.Pages.Account;

public class ResetPasswordModel(AccountService accounts, AccountTokens tokens) : SetPasswordPageModel(accounts, tokens, AccountTokenPurpose.PasswordReset);
