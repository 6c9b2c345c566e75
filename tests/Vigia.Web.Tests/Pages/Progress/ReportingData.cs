using System.Globalization;

namespace Vigia.Web.Tests.Pages.Progress;

/// <summary>What the progress and monitoring page tests stand on: a 2022 plan with component 1 (activity 1.1.1 of
/// the Subdirección de Gestión Organizacional) and component 3 (activity 3.1.4 with five actions of targets 5.000,
/// 2.200, 5.000, 700 and 400, and activities 3.1.5 and 3.2.1, all of the Oficina de Comunicaciones). No action has a
/// schedule until a test gives it one. Each test works on its own action or month, so the tests of a class share
/// one database.</summary>
internal static class ReportingData
{
    public const string Communications = "Oficina de Comunicaciones";
    public const string Organisation = "Subdirección de Gestión Organizacional";

    public static byte[] Pdf => TestFiles.Pdf;

    public static byte[] Executable => TestFiles.Executable;

    public static Task<TestPlan> PlanAsync(VigiaFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.SharedAsync("reporting-plan", a => TestData.CreatePlanAsync(a, p => p
            .ForEntity("Alcaldía de Santiago de Cali")
            .WithUnit(Organisation, parent: "Departamento Administrativo de Desarrollo e Innovación Institucional")
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN - MAPA DE RIESGOS DE CORRUPCIÓN")
            .WithSubcomponent("1.1", "Política de administración de riesgos")
            .WithActivity("1.1.1", "Actualizar la política de administración del riesgo")
            .WithAction(x => x.Target(1).Responsible(Organisation))
            .WithComponent(3, "RENDICIÓN DE CUENTAS")
            .WithSubcomponent("3.1", "Información de calidad y en lenguaje comprensible")
            .WithActivity("3.1.4", "Socializar la rendición de cuentas")
            .WithAction(x => x.Target(5000).Responsible(Communications))
            .WithAction(x => x.Target(2200).Responsible(Communications))
            .WithAction(x => x.Target(5000).Responsible(Communications))
            .WithAction(x => x.Target(700).Responsible(Communications))
            .WithAction(x => x.Target(400).Responsible(Communications))
            .WithActivity("3.1.5", "Publicar boletines de la gestión")
            .WithAction(x => x.Target(12).Responsible(Communications))
            .WithSubcomponent("3.2", "Diálogo de doble vía con la ciudadanía")
            .WithActivity("3.2.1", "Publicar el boletín del diálogo ciudadano")
            .WithAction(x => x.Target(12).Responsible(Communications))));
    }

    /// <summary>A Responsable of the Oficina de Comunicaciones (every action of component 3).</summary>
    public static async Task<TestClient> CommunicationsResponsibleAsync(VigiaFactory app)
    {
        await PlanAsync(app);
        return await app.SignInAsAsync(Roles.Responsible, unit: Communications, name: "Camila Comunicaciones");
    }

    /// <summary>A Responsable of the Subdirección de Gestión Organizacional (action 1.1.1-1 only).</summary>
    public static async Task<TestClient> OrganisationResponsibleAsync(VigiaFactory app)
    {
        await PlanAsync(app);
        return await app.SignInAsAsync(Roles.Responsible, unit: Organisation, name: "Sergio Subdirección");
    }

    public static async Task<TestClient> LeaderOfComponent3Async(VigiaFactory app)
    {
        await PlanAsync(app);
        return await app.SignInAsAsync(Roles.ComponentLeader, component: 3, name: "Lina Líder");
    }

    public static async Task<TestClient> InternalControlAsync(VigiaFactory app)
    {
        await PlanAsync(app);
        return await app.SignInAsAsync(Roles.InternalControl, name: "Óscar Control");
    }

    /// <summary>Sends the report form of an action for a month, as the browser sends it without JavaScript.</summary>
    public static Task<HttpResponseMessage> ReportAsync(TestClient client, int actionId, int month, string quantity, string narrative,
        params (string Name, byte[] Bytes)[] files)
    {
        ArgumentNullException.ThrowIfNull(client);
        var url = $"/gestion/acciones/{actionId}/reportar?mes={month}";
        return client.PostMultipartAsync(url, url,
            new() { ["mes"] = month.ToString(CultureInfo.InvariantCulture), ["Quantity"] = quantity, ["Narrative"] = narrative }, files);
    }

    /// <summary>The id at the end of a Post-Redirect-Get's address ("/gestion/reportes/12").</summary>
    public static int IdFromLocation(HttpResponseMessage response, string prefix)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith(prefix, location, StringComparison.Ordinal);
        return int.Parse(location[prefix.Length..], CultureInfo.InvariantCulture);
    }

    public static string Text(IHtmlDocument doc) => doc.QuerySelector("main")!.TextContent;

    public static string Errors(IHtmlDocument doc) => doc.QuerySelector("#error-summary")?.TextContent ?? "";
}
