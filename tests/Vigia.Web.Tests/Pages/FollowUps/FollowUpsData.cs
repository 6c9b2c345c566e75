using System.Globalization;
using Vigia.Core.FollowUps;

namespace Vigia.Web.Tests.Pages.FollowUps;

/// <summary>What the follow-up page tests share: the 2022 plan, its actions in the plan's order, and how many
/// follow-ups a cut-off has. Each test owns a cut-off: April for the journey, August for refusals, December for
/// validation.</summary>
internal static class FollowUpsData
{
    public const string April = "2022-04-30";
    public const string August = "2022-08-31";
    public const string December = "2022-12-31";

    public static async Task<int> PlanIdAsync(VigiaFactory app)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Plans.Where(p => p.Year == 2022).Select(p => p.Id).SingleAsync();
    }

    public static async Task<List<int>> ActionIdsAsync(VigiaFactory app, int planId)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Actions
            .Where(a => a.Activity!.Component!.PlanId == planId)
            .OrderBy(a => a.Activity!.Component!.Number).ThenBy(a => a.Activity!.Order).ThenBy(a => a.Order)
            .Select(a => a.Id).ToListAsync();
    }

    public static async Task<int> FollowUpsAtAsync(VigiaFactory app, int planId, string cutOff)
    {
        await using var scope = app.Scope();
        var date = DateOnly.Parse(cutOff, CultureInfo.InvariantCulture);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<FollowUp>().CountAsync(f => f.PlanId == planId && f.CutOffDate == date);
    }

    /// <summary>One person per role for the class: a Responsable has the first unit, a Líder the first component.</summary>
    public static Task<TestClient> ClientAsync(VigiaFactory app, string role) =>
        app.SharedAsync($"follow-ups-{role}", a => a.SignInAsAsync(role));

    /// <summary>A staff address of the theories, with its plan and first action filled in.</summary>
    public static async Task<string> AddressAsync(VigiaFactory app, string url)
    {
        var planId = await PlanIdAsync(app);
        return url.Replace("{plan}", planId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{action}", (await ActionIdsAsync(app, planId))[0].ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>Someone other than Control Interno opening a staff page is sent to "access denied".</summary>
    public static async Task AssertForbiddenAsync(VigiaFactory app, string role, string url)
    {
        var client = await ClientAsync(app, role);

        var response = await client.GetAsync(await AddressAsync(app, url));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>Someone other than Control Interno posting to a follow-up form (with a token from a page of their own,
    /// as a forged request would) is refused, and nothing is written for August.</summary>
    public static async Task AssertPostRefusedAsync(VigiaFactory app, string role, string handler)
    {
        var planId = await PlanIdAsync(app);
        var actionId = (await ActionIdsAsync(app, planId))[0];
        var client = await ClientAsync(app, role);
        var action = handler.Length == 0
            ? $"/seguimientos/gestion/{planId}/{August}/acciones/{actionId}"
            : $"/seguimientos/gestion/{planId}/{August}{handler}";

        var response = await client.PostFormAsync(action, new()
        {
            ["Status"] = "Completed",
            ["VerifiedPercent"] = "100",
            ["note"] = "Intento de escritura",
            ["Reason"] = "Intento de corrección sin permiso",
        }, "/cuenta/contrasena");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/cuenta/acceso-denegado", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(0, await FollowUpsAtAsync(app, planId, August));
    }
}
