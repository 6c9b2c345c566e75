using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Vigia.Core.Accounts;

public static class AccountsSetup
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Identity on Vigía's database with its password and lock-out policy; shared by the web app and the CLI.</summary>
    public static IdentityBuilder AddVigiaIdentityCore(this IServiceCollection services)
    {
        services.AddScoped<AccountTokens>();
        services.AddScoped<UserSessions>();
        services.AddScoped<PersonalAccessTokens>();
        services.AddScoped<AccountService>();
        services.AddScoped<FirstAdministrator>();
        services.AddScoped<ActionAccess>();
        services.AddScoped<Organisation.UnitService>();
        services.AddScoped<Organisation.ProcessService>();
        services.AddScoped<Organisation.EntityTextService>();
        services.AddScoped<Organisation.EntityPlacementService>();
        services.AddScoped<Organisation.EntityContactService>();
        services.AddScoped<DepartmentAccess>();
        services.AddScoped<Organisation.UnitGroupService>();
        return services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequiredUniqueChars = 5;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<SpanishIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
    }
}
