using Vigia.Core.Audit;
using Vigia.Core.Colombia;
using Vigia.Core.Organisation;
using Vigia.Core.Plans;
using Vigia.Core.Progress;
using Vigia.Core.Schedule;

namespace Vigia.Web.Tests.Infrastructure;

/// <summary>Test data written through the host's own <see cref="AppDbContext"/> (so audited, as the application's
/// writes are), so that a page test states the few rows it stands on instead of borrowing the bundled plan's:
/// <code>
/// var plan = await TestData.CreatePlanAsync(app, p => p
///     .WithComponent(3, "RENDICIÓN DE CUENTAS")
///     .WithActivity("3.1.4", "Socializar la rendición de cuentas")
///     .WithAction(a => a.Target(5000).Responsible("Oficina de Comunicaciones").Planned(3, 500)));
/// var id = plan.Action("3.1.4");
/// </code></summary>
public static class TestData
{
    public static Task<TestPlan> CreatePlanAsync(VigiaFactory app, Action<PlanBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(app);
        return CreatePlanAsync(app.Services, build);
    }

    public static async Task<TestPlan> CreatePlanAsync(IServiceProvider services, Action<PlanBuilder> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var spec = new PlanBuilder();
        build(spec);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();

        var entity = await db.Set<Entity>().FirstOrDefaultAsync(e => e.Name == spec.EntityName)
            ?? db.Add(new Entity { Name = spec.EntityName, Slug = SpanishText.Slug(spec.EntityName) }).Entity;
        var units = new Dictionary<string, Unit>(StringComparer.Ordinal);
        Unit UnitNamed(string name, string? parent = null)
        {
            if (!units.TryGetValue(name, out var unit))
            {
                unit = db.Units.Local.FirstOrDefault(u => u.Name == name && u.Entity == entity)
                    ?? db.Units.FirstOrDefault(u => u.Name == name && u.EntityId == entity.Id)
                    ?? db.Units.Add(new Unit { Entity = entity, Name = name, NormalizedName = SpanishText.Fold(name) }).Entity;
                units[name] = unit;
            }
            if (parent is not null)
            {
                unit.Parent = UnitNamed(parent);
            }
            return unit;
        }
        foreach (var (name, parent) in spec.Units)
        {
            UnitNamed(name, parent);
        }

        var plan = new Plan
        {
            Entity = entity,
            Year = spec.Year,
            Title = spec.Title,
            Status = spec.Status,
            CreatedAt = now,
            PublishedAt = spec.Status == PlanStatus.Published ? now : null,
            Versions =
            [
                new PlanVersion
                {
                    Number = 1, Justification = "Versión inicial", CreatedAt = now, CreatedBy = "pruebas",
                    Status = spec.Status == PlanStatus.Draft ? VersionStatus.Draft : VersionStatus.Published,
                    PublishedAt = spec.Status == PlanStatus.Draft ? null : now,
                },
            ],
        };
        var actions = new Dictionary<string, PlanAction>(StringComparer.Ordinal);
        foreach (var c in spec.Components)
        {
            var component = new Component { Number = c.Number, Name = c.Name };
            var subcomponents = c.Subcomponents.Select((s, i) => new Subcomponent { Code = s.Code, Name = s.Name, Order = i + 1 }).ToList();
            component.Subcomponents.AddRange(subcomponents);
            foreach (var (a, order) in c.Activities.Select((a, i) => (a, i + 1)))
            {
                var activity = new Activity
                {
                    Code = a.Code,
                    Name = a.Name,
                    Order = order,
                    Subcomponent = subcomponents.FirstOrDefault(s => s.Code == a.Subcomponent),
                };
                foreach (var (x, number) in a.Actions.Select((x, i) => (x, i + 1)))
                {
                    var action = new PlanAction
                    {
                        Order = number,
                        Description = x.DescriptionText ?? $"Acción {a.Code}-{number}",
                        Goal = x.GoalText ?? x.DescriptionText ?? $"Meta de la acción {a.Code}-{number}",
                        TargetQuantity = x.Quantity,
                        TargetUnit = x.Unit,
                        ResponsibleText = x.Units.Count == 0 ? null : string.Join("; ", x.Units),
                        ResponsibleUnits = x.Units.Select(u => new ActionUnit { Unit = UnitNamed(u) }).ToList(),
                        Schedule = x.Schedule.Select(s => new ScheduleEntry { Month = s.Month, PlannedQuantity = s.Quantity }).ToList(),
                    };
                    activity.Actions.Add(action);
                    actions[$"{a.Code}-{number}"] = action;
                }
                component.Activities.Add(activity);
            }
            plan.Components.Add(component);
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return new TestPlan(plan.Id, plan.Year, entity.Slug,
            actions.ToDictionary(a => a.Key, a => a.Value.Id, StringComparer.Ordinal),
            plan.Components.ToDictionary(c => c.Number, c => c.Id),
            units.ToDictionary(u => u.Key, u => u.Value.Id, StringComparer.Ordinal));
    }

    public const string Organisation = "Subdirección de Gestión Organizacional";
    public const string Communications = "Oficina de Comunicaciones";

    /// <summary>The plan most page tests need and no more, shared by the tests of a class: the Alcaldía de Prueba's
    /// 2022 plan with one action in each of components 1 (1.1.1, of the Subdirección de Gestión Organizacional, under
    /// its Departamento), 3 (3.1.4, of the Oficina de Comunicaciones) and 5 (5.1.1, of the Oficina de Comunicaciones).</summary>
    public static Task<TestPlan> SmallPlanAsync(VigiaFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.SharedAsync("small-plan", a => CreatePlanAsync(a, p => p
            .WithUnit(Organisation, parent: "Departamento Administrativo de Desarrollo e Innovación Institucional")
            .WithComponent(1, "GESTIÓN DEL RIESGO DE CORRUPCIÓN - MAPA DE RIESGOS DE CORRUPCIÓN")
            .WithActivity("1.1.1", "Actualizar la política de administración del riesgo")
            .WithAction(x => x.Target(1).Responsible(Organisation))
            .WithComponent(3, "RENDICIÓN DE CUENTAS")
            .WithActivity("3.1.4", "Socializar la rendición de cuentas")
            .WithAction(x => x.Target(5000).Responsible(Communications))
            .WithComponent(5, "TRANSPARENCIA Y ACCESO A LA INFORMACIÓN")
            .WithActivity("5.1.1", "Publicar la información mínima obligatoria")
            .WithAction(x => x.Percentage(100).Responsible(Communications))));
    }

    /// <summary>Adds planned quantities by month to an action (months it already has keep theirs).</summary>
    public static async Task ScheduleAsync(VigiaFactory app, int actionId, params (int Month, decimal Planned)[] months)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The bundled plan is published: arranging its schedule is a change that needs a reason, like any other.
        using var reason = scope.ServiceProvider.GetRequiredService<AuditScope>().Because("Programación del escenario de prueba");
        foreach (var (month, planned) in months)
        {
            if (!await db.ScheduleEntries.AnyAsync(s => s.ActionId == actionId && s.Month == month))
            {
                db.ScheduleEntries.Add(new ScheduleEntry { ActionId = actionId, Month = month, PlannedQuantity = planned });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>An action's progress reports with their evidence, oldest first, as stored.</summary>
    public static async Task<List<ProgressReport>> ReportsAsync(VigiaFactory app, int actionId)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().ProgressReports.AsNoTracking()
            .Include(r => r.Evidence).Where(r => r.ActionId == actionId).OrderBy(r => r.Id).ToListAsync();
    }
}

/// <summary>The ids of what <see cref="TestData.CreatePlanAsync(VigiaFactory, Action{PlanBuilder})"/> wrote.</summary>
public sealed class TestPlan(int id, int year, string entitySlug, IReadOnlyDictionary<string, int> actions,
    IReadOnlyDictionary<int, int> components, IReadOnlyDictionary<string, int> units)
{
    public int Id { get; } = id;
    public int Year { get; } = year;
    public string EntitySlug { get; } = entitySlug;

    /// <summary>An action by its activity's code and its number in the activity ("3.1.4", 2 is 3.1.4-2).</summary>
    public int Action(string activityCode, int number = 1) => actions[$"{activityCode}-{number}"];

    public int Component(int number) => components[number];

    public int Unit(string name) => units[name];
}

/// <summary>A plan to write: components, then their subcomponents, activities and actions, each added to the one
/// declared last (an activity to the last subcomponent of its component, if any).</summary>
public sealed class PlanBuilder
{
    internal string EntityName { get; private set; } = "Alcaldía de Prueba";
    internal int Year { get; private set; } = 2022;
    internal string Title { get; private set; } = "Plan Anticorrupción y de Atención al Ciudadano";
    internal PlanStatus Status { get; private set; } = PlanStatus.Draft;
    internal List<(string Name, string? Parent)> Units { get; } = [];
    internal List<ComponentSpec> Components { get; } = [];

    public PlanBuilder ForEntity(string name)
    {
        EntityName = name;
        return this;
    }

    public PlanBuilder ForYear(int year)
    {
        Year = year;
        return this;
    }

    public PlanBuilder Titled(string title)
    {
        Title = title;
        return this;
    }

    public PlanBuilder Published()
    {
        Status = PlanStatus.Published;
        return this;
    }

    /// <summary>A unit of the entity, under <paramref name="parent"/> if given. Units named only as responsible for
    /// an action are made at the top level.</summary>
    public PlanBuilder WithUnit(string name, string? parent = null)
    {
        Units.Add((name, parent));
        return this;
    }

    public PlanBuilder WithComponent(int number, string name)
    {
        Components.Add(new ComponentSpec(number, name));
        return this;
    }

    public PlanBuilder WithSubcomponent(string code, string name)
    {
        Current().Subcomponents.Add((code, name));
        return this;
    }

    public PlanBuilder WithActivity(string code, string name)
    {
        var component = Current();
        component.Activities.Add(new ActivitySpec(code, name, component.Subcomponents.Count == 0 ? null : component.Subcomponents[^1].Code));
        return this;
    }

    public PlanBuilder WithAction(Action<ActionBuilder>? build = null)
    {
        var activities = Current().Activities;
        if (activities.Count == 0)
        {
            throw new InvalidOperationException("Declare an activity (WithActivity) before its actions.");
        }
        var action = new ActionBuilder();
        build?.Invoke(action);
        activities[^1].Actions.Add(action);
        return this;
    }

    private ComponentSpec Current() =>
        Components.Count == 0 ? throw new InvalidOperationException("Declare a component (WithComponent) first.") : Components[^1];

    internal sealed record ComponentSpec(int Number, string Name)
    {
        public List<(string Code, string Name)> Subcomponents { get; } = [];
        public List<ActivitySpec> Activities { get; } = [];
    }

    internal sealed record ActivitySpec(string Code, string Name, string? Subcomponent)
    {
        public List<ActionBuilder> Actions { get; } = [];
    }
}

/// <summary>One action of a <see cref="PlanBuilder"/>: without settings, a count action with no target, no
/// responsible unit and no schedule.</summary>
public sealed class ActionBuilder
{
    internal string? DescriptionText { get; private set; }
    internal string? GoalText { get; private set; }
    internal decimal? Quantity { get; private set; }
    internal TargetUnit Unit { get; private set; } = TargetUnit.Count;
    internal List<string> Units { get; } = [];
    internal List<(int Month, decimal Quantity)> Schedule { get; } = [];

    public ActionBuilder Describe(string description)
    {
        DescriptionText = description;
        return this;
    }

    public ActionBuilder Goal(string goal)
    {
        GoalText = goal;
        return this;
    }

    /// <summary>A count to reach ("5.000 personas").</summary>
    public ActionBuilder Target(decimal quantity)
    {
        (Quantity, Unit) = (quantity, TargetUnit.Count);
        return this;
    }

    /// <summary>A percentage to reach ("100 %").</summary>
    public ActionBuilder Percentage(decimal quantity)
    {
        (Quantity, Unit) = (quantity, TargetUnit.Percentage);
        return this;
    }

    /// <summary>The units that execute and report the action, by name.</summary>
    public ActionBuilder Responsible(params string[] units)
    {
        Units.AddRange(units);
        return this;
    }

    /// <summary>The quantity planned for a month (1–12).</summary>
    public ActionBuilder Planned(int month, decimal quantity)
    {
        Schedule.Add((month, quantity));
        return this;
    }
}
