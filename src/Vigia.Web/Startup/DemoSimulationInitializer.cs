using Vigia.Core.Demo;

namespace Vigia.Web.Startup;

/// <summary>With the demo option only: a plan without schedule or reports gets a suggested schedule and a year of
/// simulated reports (<see cref="DemoExecutionSimulator"/>), so the dashboard has something to show. Every page
/// that shows them says "Datos simulados".</summary>
public static class DemoSimulationInitializer
{
    public static async Task InitializeAsync(WebApplication app, bool demo)
    {
        if (!demo)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<DemoExecutionSimulator>().SimulateAsync();
        if (outcome.PlansSimulated > 0)
        {
            app.Logger.LogWarning("MODO DEMOSTRACIÓN: {Plans} plan(es) con programación sugerida y {Reports} reportes de avance SIMULADOS.",
                outcome.PlansSimulated, outcome.Reports);
        }
    }
}
