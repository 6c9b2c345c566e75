using Vigia.Core.OpenData;
using Vigia.Web.OpenData;

namespace Vigia.Web.Api;

public sealed record PlanDto(string Entity, string EntitySlug, string Kind, int Year, string Title, string Status, int Version,
    string? DocumentCode, string? Objective, string? Scope, string? ResponsiblePerson, string? CoordinatingUnit,
    IReadOnlyList<string> ParticipatingUnits, IReadOnlyList<ComponentDto> Components);

public sealed record ComponentDto(int Number, string Name, IReadOnlyList<SubcomponentDto> Subcomponents, IReadOnlyList<ActivityDto> Activities);

public sealed record SubcomponentDto(string Code, string Name, IReadOnlyList<ActivityDto> Activities);

public sealed record ActivityDto(string Code, string Name, IReadOnlyList<ActionDto> Actions);

public sealed record ActionDto(int Number, string Description, string Goal, string? Deliverable, string? IndicatorFormula,
    decimal? TargetQuantity, string TargetUnit, IReadOnlyList<string> ResponsibleUnits, IReadOnlyList<ScheduledMonth> Schedule);

/// <summary>The whole plan as JSON, for other systems.</summary>
public static class PlanApi
{
    public const string PlanName = "Api.Plan";
    public const string PlanByEntityName = "Api.PlanByEntity";

    public static void MapPlanApi(this IEndpointRouteBuilder app)
    {
        foreach (var (group, canonical) in ApiVersions.Groups(app))
        {
            group.MapRead("/plans/{year:int}", (int year, PlanLocator locator, AppDbContext db, CancellationToken ct) => GetAsync(null, year, locator, db, ct))
                .Named(canonical, PlanName)
                .WithSummary("El plan completo de la vigencia en JSON: componentes, subcomponentes, actividades y acciones").WithTags("API");
            group.MapRead("/entities/{entity}/plans/{year:int}",
                (string entity, int year, PlanLocator locator, AppDbContext db, CancellationToken ct) => GetAsync(entity, year, locator, db, ct))
                .Named(canonical, PlanByEntityName)
                .WithSummary("El plan completo de una entidad y vigencia en JSON").WithTags("API");
        }
    }

    private static async Task<IResult> GetAsync(string? entity, int year, PlanLocator locator, AppDbContext db, CancellationToken ct)
    {
        var location = await locator.FindAsync(entity, year, ct);
        if (!location.Found)
        {
            return OpenDataEndpoints.PlanNotFound(location, year, "api");
        }
        var plan = await PlanHeader.LoadAsync(db, location.PlanId!.Value, ct);
        var structure = await db.Components.AsNoTracking().Where(c => c.PlanId == plan.Id).OrderBy(c => c.Number)
            .Select(c => new
            {
                c.Number,
                c.Name,
                Subcomponents = c.Subcomponents.OrderBy(s => s.Order).Select(s => new { s.Code, s.Name }).ToList(),
            })
            .ToListAsync(ct);
        var rows = await ActionRow.LoadAsync(db, location.PlanId!.Value, ct);
        var activities = rows.GroupBy(r => (r.ComponentNumber, r.SubcomponentCode, r.ActivityCode, r.Activity))
            .Select(g => (g.Key, Dto: new ActivityDto(g.Key.ActivityCode, g.Key.Activity, g.Select(ToDto).ToList())))
            .ToList();
        var components = structure.Select(c =>
        {
            var own = activities.Where(a => a.Key.ComponentNumber == c.Number).ToList();
            return new ComponentDto(c.Number, c.Name,
                c.Subcomponents.Select(s => new SubcomponentDto(s.Code, s.Name,
                    own.Where(a => a.Key.SubcomponentCode == s.Code).Select(a => a.Dto).ToList())).ToList(),
                own.Where(a => a.Key.SubcomponentCode is null).Select(a => a.Dto).ToList());
        }).ToList();
        return Results.Ok(new PlanDto(plan.EntityName, plan.EntitySlug, plan.Kind.ToString(), plan.Year, plan.Title, plan.VersionStatus.ToString(), plan.Version,
            plan.DocumentCode, plan.Objective, plan.Scope, plan.ResponsiblePerson, plan.CoordinatingUnit, plan.ParticipatingUnits, components));
    }

    private static ActionDto ToDto(ActionRow r) => new(r.ActionNumber, r.Description, r.Goal, r.Deliverable, r.IndicatorFormula,
        r.TargetQuantity, ActionRow.UnitName(r.TargetUnit), r.ResponsibleUnits, r.Schedule);
}
