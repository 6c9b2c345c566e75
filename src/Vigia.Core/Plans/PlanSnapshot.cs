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
            .Select(c => new
            {
                c.Id,
                c.Number,
                c.Name,
                Subcomponents = c.Subcomponents.OrderBy(s => s.Order).Select(s => new SubcomponentSnapshot(s.Id, s.Code, s.Name)).ToList(),
            }).ToListAsync(ct);
        var activities = await db.Activities.AsNoTracking().Where(a => a.Component!.PlanId == planId)
            .OrderBy(a => a.Order)
            .Select(a => new
            {
                a.Id,
                ComponentNumber = a.Component!.Number,
                a.Code,
                a.Name,
                a.SubcomponentId,
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
                    Units = x.ResponsibleUnits.OrderBy(u => u.UnitId).Select(u => u.UnitId).ToList(),
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
                            .ToDictionary(s => s.Month, s => s.PlannedQuantity), x.Units)).ToList(), a.Id, a.SubcomponentId))
                .ToList(), c.Id, c.Subcomponents)).ToList());
    }

    /// <summary>This snapshot with an identity on every component, subcomponent and activity. A snapshot stored before
    /// structural revisions existed (ADR 033) has only its actions' ids: its parts are matched to the live structure
    /// <paramref name="live"/> by component number and code, as the difference matched them then; a part without a
    /// match gets a new temporary (negative) id.</summary>
    public PlanSnapshot WithIdentities(PlanSnapshot live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var next = Math.Min(0, MinId()) - 1;
        var liveUnits = live.Actions.ToDictionary(x => x.Id, x => x.UnitIds);
        var components = Components.Select(c =>
        {
            var match = live.Components.FirstOrDefault(l => l.Number == c.Number);
            var liveSubs = match?.Subcomponents ?? [];
            var subs = c.Subcomponents is { } own
                ? own.Select(s => s.Id != 0 ? s : s with { Id = liveSubs.FirstOrDefault(l => l.Code == s.Code)?.Id ?? next-- }).ToList()
                : c.Activities.Where(a => a.SubcomponentCode is not null).Select(a => (a.SubcomponentCode!, a.SubcomponentName ?? ""))
                    .Distinct().Select(s => new SubcomponentSnapshot(liveSubs.FirstOrDefault(l => l.Code == s.Item1)?.Id ?? next--, s.Item1, s.Item2)).ToList();
            return c with
            {
                Id = c.Id != 0 ? c.Id : match?.Id is { } id and not 0 ? id : next--,
                Subcomponents = subs,
                Activities = c.Activities.Select(a => a with
                {
                    Id = a.Id != 0 ? a.Id : match?.Activities.FirstOrDefault(l => l.Code == a.Code)?.Id is { } aid and not 0 ? aid : next--,
                    SubcomponentId = a.SubcomponentId ?? (a.SubcomponentCode is null ? null : subs.First(s => s.Code == a.SubcomponentCode).Id),
                    Actions = a.Actions.Select(x => x.UnitIds is not null ? x : x with { UnitIds = liveUnits.GetValueOrDefault(x.Id) ?? [] }).ToList(),
                }).ToList(),
            };
        }).ToList();
        return this with { Components = components };
    }

    /// <summary>The lowest id in the snapshot (temporary ids of parts added in a revision are negative).</summary>
    public int MinId() => Components.Select(c => c.Id)
        .Concat(Components.SelectMany(c => c.Subcomponents ?? []).Select(s => s.Id))
        .Concat(Components.SelectMany(c => c.Activities).Select(a => a.Id))
        .Concat(Actions.Select(a => a.Id))
        .DefaultIfEmpty(0).Min();
}

/// <summary>A component in a version. <see cref="Id"/> is the live component's id, negative for one added in a revision not
/// yet published, 0 in a snapshot stored before parts had identities (ADR 033); so are the other parts' ids.
/// <see cref="Subcomponents"/> is null in such an old snapshot (its subcomponents are then read from its activities).</summary>
public sealed record ComponentSnapshot(int Number, string Name, IReadOnlyList<ActivitySnapshot> Activities, int Id = 0,
    IReadOnlyList<SubcomponentSnapshot>? Subcomponents = null);

public sealed record SubcomponentSnapshot(int Id, string Code, string Name);

public sealed record ActivitySnapshot(string Code, string Name, string? SubcomponentCode, string? SubcomponentName,
    IReadOnlyList<ActionSnapshot> Actions, int Id = 0, int? SubcomponentId = null);

/// <summary>One action in a version. <see cref="Id"/> is the live <see cref="PlanAction"/>'s id (negative for one added in
/// a revision not yet published). <see cref="UnitIds"/> are its responsible units in the catalogue; null in a snapshot
/// stored before revisions could change them.</summary>
public sealed record ActionSnapshot(int Id, int Order, string Description, string Goal, string? Deliverable, string? IndicatorFormula,
    decimal? TargetQuantity, TargetUnit TargetUnit, string? ResponsibleText, IReadOnlyDictionary<int, decimal> Schedule,
    IReadOnlyList<int>? UnitIds = null)
{
    /// <summary>The action's number in the document, e.g. "3.1.4-2": its activity's code and its order.</summary>
    public static string Label(string activityCode, int order) => string.Create(CultureInfo.InvariantCulture, $"{activityCode}-{order}");
}
