namespace Vigia.Core.Plans;

public enum ChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

/// <summary>One field of an item that differs between two versions, with its value in each (as shown on screen).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>An item (component, activity or action) added, removed or changed between two versions.</summary>
public sealed record ItemChange(ChangeKind Kind, string Item, string Label, IReadOnlyList<FieldChange> Fields)
{
    public string KindName => Kind switch
    {
        ChangeKind.Added => "Agregada",
        ChangeKind.Removed => "Eliminada",
        _ => "Modificada",
    };
}

/// <summary>What changed from one version to another. Actions are matched by their stable id, so a renumbered or
/// reworded action is one change, not a removal and an addition; components by number, activities by code.</summary>
public static class PlanVersionDiff
{
    public static IReadOnlyList<ItemChange> Compare(PlanSnapshot from, PlanSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<ItemChange>();
        CompareComponents(from, to, changes);
        CompareActivities(from, to, changes);
        CompareActions(from, to, changes);
        return changes;
    }

    private static void CompareComponents(PlanSnapshot from, PlanSnapshot to, List<ItemChange> changes)
    {
        var before = from.Components.ToDictionary(c => c.Number);
        var after = to.Components.ToDictionary(c => c.Number);
        foreach (var c in to.Components)
        {
            var label = c.Number.ToString(CultureInfo.InvariantCulture);
            if (!before.TryGetValue(c.Number, out var old))
            {
                changes.Add(new ItemChange(ChangeKind.Added, "Componente", label, [new FieldChange("Nombre", null, c.Name)]));
            }
            else if (!string.Equals(old.Name, c.Name, StringComparison.Ordinal))
            {
                changes.Add(new ItemChange(ChangeKind.Changed, "Componente", label, [new FieldChange("Nombre", old.Name, c.Name)]));
            }
        }
        changes.AddRange(from.Components.Where(c => !after.ContainsKey(c.Number)).Select(c =>
            new ItemChange(ChangeKind.Removed, "Componente", c.Number.ToString(CultureInfo.InvariantCulture), [new FieldChange("Nombre", c.Name, null)])));
    }

    private static void CompareActivities(PlanSnapshot from, PlanSnapshot to, List<ItemChange> changes)
    {
        var before = from.Components.SelectMany(c => c.Activities).ToDictionary(a => a.Code, StringComparer.Ordinal);
        var after = to.Components.SelectMany(c => c.Activities).ToDictionary(a => a.Code, StringComparer.Ordinal);
        foreach (var (code, a) in after)
        {
            if (!before.TryGetValue(code, out var old))
            {
                changes.Add(new ItemChange(ChangeKind.Added, "Actividad", code, [new FieldChange("Actividad", null, a.Name)]));
                continue;
            }
            var fields = new List<FieldChange>();
            Field(fields, "Actividad", old.Name, a.Name);
            Field(fields, "Subcomponente", old.SubcomponentName, a.SubcomponentName);
            if (fields.Count > 0)
            {
                changes.Add(new ItemChange(ChangeKind.Changed, "Actividad", code, fields));
            }
        }
        changes.AddRange(before.Where(kv => !after.ContainsKey(kv.Key)).Select(kv =>
            new ItemChange(ChangeKind.Removed, "Actividad", kv.Key, [new FieldChange("Actividad", kv.Value.Name, null)])));
    }

    private static void CompareActions(PlanSnapshot from, PlanSnapshot to, List<ItemChange> changes)
    {
        var before = Located(from);
        var after = Located(to);
        foreach (var (id, (label, a)) in after)
        {
            if (!before.TryGetValue(id, out var old))
            {
                changes.Add(new ItemChange(ChangeKind.Added, "Acción", label, Fields(null, a).Select(f => f with { Before = null }).ToList()));
                continue;
            }
            var fields = new List<FieldChange>();
            Field(fields, "Número", old.Label, label);
            fields.AddRange(Fields(old.Action, a));
            if (fields.Count > 0)
            {
                changes.Add(new ItemChange(ChangeKind.Changed, "Acción", label, fields));
            }
        }
        changes.AddRange(before.Where(kv => !after.ContainsKey(kv.Key)).Select(kv =>
            new ItemChange(ChangeKind.Removed, "Acción", kv.Value.Label, Fields(null, kv.Value.Action).Select(f => new FieldChange(f.Field, f.After, null)).ToList())));
    }

    private static Dictionary<int, (string Label, ActionSnapshot Action)> Located(PlanSnapshot plan) =>
        plan.Components.SelectMany(c => c.Activities)
            .SelectMany(a => a.Actions.Select(x => (x.Id, Label: ActionSnapshot.Label(a.Code, x.Order), Action: x)))
            .ToDictionary(x => x.Id, x => (x.Label, x.Action));

    /// <summary>The fields of an action that differ; against null, every field that has a value.</summary>
    private static List<FieldChange> Fields(ActionSnapshot? old, ActionSnapshot a)
    {
        var fields = new List<FieldChange>();
        Field(fields, "Descripción", old?.Description, a.Description);
        Field(fields, "Meta o producto", old?.Goal, a.Goal);
        Field(fields, "Productos", old?.Deliverable, a.Deliverable);
        Field(fields, "Fórmula del indicador", old?.IndicatorFormula, a.IndicatorFormula);
        Field(fields, "Resultado esperado", old is null ? null : Target(old), Target(a));
        Field(fields, "Responsables", old?.ResponsibleText, a.ResponsibleText);
        Field(fields, "Programación", old is null ? null : Schedule(old), Schedule(a));
        return fields;
    }

    private static void Field(List<FieldChange> fields, string name, string? before, string? after)
    {
        if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
        {
            fields.Add(new FieldChange(name, before, after));
        }
    }

    private static string? Target(ActionSnapshot a) => a.TargetQuantity is not { } q
        ? null
        : a.TargetUnit == TargetUnit.Percentage
            ? SpanishFormat.Number(q) + " %"
            : SpanishFormat.Number(q);

    /// <summary>The schedule as «marzo: 1; junio: 2», month order.</summary>
    private static string? Schedule(ActionSnapshot a) => a.Schedule.Count == 0
        ? null
        : string.Join("; ", a.Schedule.OrderBy(kv => kv.Key).Select(kv => $"{SpanishMonths.Name(kv.Key)}: {SpanishFormat.Number(kv.Value)}"));
}
