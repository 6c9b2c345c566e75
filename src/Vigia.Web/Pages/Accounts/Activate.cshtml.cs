namespace Vigia.Web.Pages.Accounts;

public class ActivateModel(AccountService accounts, AccountTokens tokens) : SetPasswordPageModel(accounts, tokens, AccountTokenPurpose.Activation);
