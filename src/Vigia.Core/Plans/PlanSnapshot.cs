using System.Text.Json;

namespace Vigia.Core.Plans;

/// <summary>The content of one plan version, as stored on <see cref="PlanVersion.Snapshot"/>. Actions carry the live
/// action's id, which is the same in every version: reports, monitoring and follow-ups point at that id.</summary>
public sealed record PlanSnapshot(string Title, IReadOnlyList<ComponentSnapshot> Components)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IEnumerable<ActionSnapshot> Actions => Components.SelectMany(c => c.Activities).SelectMany(a => a.Actions);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PlanSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<PlanSnapshot>(json, Json) ?? throw new InvalidOperationException("Empty plan snapshot.");

    /// <summary>The live structure of a plan, in the document's order.</summary>
    public static async Task<PlanSnapshot> LoadAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var title = await db.Plans.Where(p => p.Id == planId).Select(p => p.Title).SingleAsync(ct);
        var components = await db.Components.AsNoTracking().Where(c => c.PlanId == planId).OrderBy(c => c.Number)
            .Select(c => new { c.Number, c.Name }).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.Component!.PlanId == planId)
            .OrderBy(a => a.Order)
            .Select(a => new
            {
                ComponentNumber = a.Component!.Number,
                a.Code,
                a.Name,
                SubcomponentCode = a.Subcomponent == null ? null : a.Subcomponent.Code,
                SubcomponentName = a.Subcomponent == null ? null : a.Subcomponent.Name,
                Actions = a.Actions.OrderBy(x => x.Order).Select(x => new
                {
                    x.Id,
                    x.Order,
                    x.Description,
                    x.Goal,
                    x.Deliverable,
                    x.IndicatorFormula,
                    x.TargetQuantity,
                    x.TargetUnit,
                    x.ResponsibleText,
                    Schedule = x.Schedule.Select(s => new { s.Month, s.PlannedQuantity }).ToList(),
                }).ToList(),
            })
            .ToListAsync(ct);
        return new PlanSnapshot(title, components.Select(c => new ComponentSnapshot(c.Number, c.Name,
            activities.Where(a => a.ComponentNumber == c.Number)
                .Select(a => new ActivitySnapshot(a.Code, a.Name, a.SubcomponentCode, a.SubcomponentName,
                    a.Actions.Select(x => new ActionSnapshot(x.Id, x.Order, x.Description, x.Goal, x.Deliverable, x.IndicatorFormula,
                        x.TargetQuantity, x.TargetUnit, x.ResponsibleText,
                        x.Schedule.Where(s => s.PlannedQuantity != 0).OrderBy(s => s.Month)
                            .ToDictionary(s => s.Month, s => s.PlannedQuantity))).ToList()))
                .ToList())).ToList());
    }
}

public sealed record ComponentSnapshot(int Number, string Name, IReadOnlyList<ActivitySnapshot> Activities);

public sealed record ActivitySnapshot(string Code, string Name, string? SubcomponentCode, string? SubcomponentName,
    IReadOnlyList<ActionSnapshot> Actions);

/// <summary>One action in a version. <see cref="Id"/> is the live <see cref="PlanAction"/>'s id.</summary>
public sealed record ActionSnapshot(int Id, int Order, string Description, string Goal, string? Deliverable, string? IndicatorFormula,
    decimal? TargetQuantity, TargetUnit TargetUnit, string? ResponsibleText, IReadOnlyDictionary<int, decimal> Schedule)
{
    /// <summary>The action's number in the document, e.g. "3.1.4-2": its activity's code and its order.</summary>
    public static string Label(string activityCode, int order) => string.Create(CultureInfo.InvariantCulture, $"{activityCode}-{order}");
}
