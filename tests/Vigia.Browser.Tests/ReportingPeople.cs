using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigia.Core.Accounts;
using Vigia.Core.Schedule;

namespace Vigia.Browser.Tests;

/// <summary>People and data for the reporting journeys: accounts made with <see cref="AccountService"/>, signed in
/// through the real form in their own browser context.</summary>
internal static class ReportingPeople
{
    public const string Password = "clave-de-prueba-vigia-2026";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static async Task<(string Email, Actor Actor)> CreateAsync(BrowserFixture fixture, string name, string role,
        string[]? units = null, int[]? components = null)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@prueba.cali.gov.co";
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var unitIds = units is null ? null : await db.Units.Where(u => units.Contains(u.Name)).Select(u => u.Id).ToListAsync();
        var componentIds = components is null ? null : await db.Components.Where(c => components.Contains(c.Number)).Select(c => c.Id).ToListAsync();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewUser(email, name, [role], unitIds, componentIds, Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return (email, new Actor(result.Value.User.Id, name, new HashSet<string> { role }));
    }

    /// <summary>Signs in through the form in a new browser context. The form allows 10 requests a minute from one
    /// address (GET and POST both count) and every journey comes from 127.0.0.1, so when the limit answers 429 this
    /// waits for the next window instead of failing.</summary>
    public static async Task<IPage> SignInAsync(BrowserFixture fixture, string email, int width = 1280)
    {
        var page = await fixture.NewPageAsync(width, 900);
        for (var attempt = 1; ; attempt++)
        {
            var form = await page.GotoAsync(fixture.BaseUrl + "/cuenta/ingresar");
            if (form!.Status != 429)
            {
                await page.GetByLabel("Correo electrónico").FillAsync(email);
                await page.GetByLabel("Contraseña").FillAsync(Password);
                var posted = await page.RunAndWaitForResponseAsync(
                    () => page.GetByRole(AriaRole.Button, new() { Name = "Ingresar", Exact = true }).ClickAsync(),
                    r => r.Url.EndsWith("/cuenta/ingresar", StringComparison.Ordinal) && r.Request.Method == "POST");
                if (posted.Status != 429)
                {
                    await page.WaitForURLAsync("**/gestion");
                    return page;
                }
            }
            Assert.True(attempt < 3, "The sign-in form kept answering 429.");
            await Task.Delay(TimeSpan.FromSeconds(61));
        }
    }

    public static async Task<int> ActionIdAsync(BrowserFixture fixture, string activityCode, int number)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Actions
            .Where(a => a.Activity!.Code == activityCode && a.Order == number).Select(a => a.Id).SingleAsync();
    }

    /// <summary>The bundled plan has no monthly schedule; give the action one so that months are owed.</summary>
    public static async Task ScheduleAsync(BrowserFixture fixture, int actionId, params (int Month, decimal Planned)[] months)
    {
        using var scope = fixture.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var (month, planned) in months.Where(m => !db.ScheduleEntries.Any(s => s.ActionId == actionId && s.Month == m.Month)))
        {
            db.ScheduleEntries.Add(new ScheduleEntry { ActionId = actionId, Month = month, PlannedQuantity = planned });
        }
        await db.SaveChangesAsync();
    }
}
