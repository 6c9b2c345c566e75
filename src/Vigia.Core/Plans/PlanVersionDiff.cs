namespace Vigia.Core.Plans;

public enum ChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
    /// <summary>The same part (same identity) at another place: another number or code, another activity or component,
    /// possibly with other changes too.</summary>
    Moved = 4,
}

/// <summary>One field of an item that differs between two versions, with its value in each (as shown on screen).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>An item (component, subcomponent, activity or action) added, removed, moved or changed between two versions.</summary>
public sealed record ItemChange(ChangeKind Kind, string Item, string Label, IReadOnlyList<FieldChange> Fields)
{
    public string KindName => Kind switch
    {
        ChangeKind.Added => "Agregada",
        ChangeKind.Removed => "Eliminada",
        ChangeKind.Moved => "Movida",
        _ => "Modificada",
    };
}

/// <summary>What changed from one version to another. Every part is matched by its stable identity (the live row's id,
/// or the temporary id of a part added in a revision), so a renumbered, moved or reworded part is one change, not a
/// removal and an addition. A snapshot stored before parts had identities (ADR 033) is matched as it was then:
/// components by number, subcomponents and activities by code; actions always had their id.</summary>
public static class PlanVersionDiff
{
    public static IReadOnlyList<ItemChange> Compare(PlanSnapshot from, PlanSnapshot to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var changes = new List<ItemChange>();
        CompareComponents(from, to, changes);
        CompareSubcomponents(from, to, changes);
        CompareActivities(from, to, changes);
        CompareActions(from, to, changes);
        return changes;
    }

    /// <summary>Pairs each item of <paramref name="after"/> with its item in <paramref name="before"/>: by identity when both
    /// have one, otherwise by the fallback key (number or code); unpaired items are added or removed.</summary>
    private static (List<(T Before, T After)> Pairs, List<T> Added, List<T> Removed) Match<T>(IReadOnlyList<T> before, IReadOnlyList<T> after,
        Func<T, int> id, Func<T, string> key)
        where T : class
    {
        var left = before.ToList();
        var pairs = new List<(T, T)>();
        var added = new List<T>();
        foreach (var a in after)
        {
            var old = id(a) != 0 ? left.FirstOrDefault(b => id(b) == id(a)) : null;
            old ??= left.FirstOrDefault(b => (id(b) == 0 || id(a) == 0) && string.Equals(key(b), key(a), StringComparison.Ordinal));
            if (old is null)
            {
                added.Add(a);
            }
            else
            {
                left.Remove(old);
                pairs.Add((old, a));
            }
        }
        return (pairs, added, left);
    }

    private static string Number(ComponentSnapshot c) => c.Number.ToString(CultureInfo.InvariantCulture);

    private static void CompareComponents(PlanSnapshot from, PlanSnapshot to, List<ItemChange> changes)
    {
        var (pairs, added, removed) = Match(from.Components, to.Components, c => c.Id, Number);
        foreach (var c in added)
        {
            changes.Add(new ItemChange(ChangeKind.Added, "Componente", Number(c), [new FieldChange("Nombre", null, c.Name)]));
        }
        foreach (var (old, c) in pairs)
        {
            var fields = new List<FieldChange>();
            Field(fields, "Número", Number(old), Number(c));
            Field(fields, "Nombre", old.Name, c.Name);
            if (fields.Count > 0)
            {
                changes.Add(new ItemChange(old.Number != c.Number ? ChangeKind.Moved : ChangeKind.Changed, "Componente", Number(c), fields));
            }
        }
        changes.AddRange(removed.Select(c => new ItemChange(ChangeKind.Removed, "Componente", Number(c), [new FieldChange("Nombre", c.Name, null)])));
    }

    /// <summary>Subcomponents are compared as parts only when both versions list them (snapshots with identities); in
    /// older snapshots a subcomponent's change shows as its activities' «Subcomponente».</summary>
    private static void CompareSubcomponents(PlanSnapshot from, PlanSnapshot to, List<ItemChange> changes)
    {
        if (from.Components.Any(c => c.Subcomponents is null) || to.Components.Any(c => c.Subcomponents is null))
        {
            return;
        }
        var (pairs, added, removed) = Match(from.Components.SelectMany(c => c.Subcomponents!).ToList(),
            to.Components.SelectMany(c => c.Subcomponents!).ToList(), s => s.Id, s => s.Code);
        changes.AddRange(added.Select(s => new ItemChange(ChangeKind.Added, "Subcomponente", s.Code, [new FieldChange("Nombre", null, s.Name)])));
        foreach (var (old, s) in pairs)
        {
            var fields = new List<FieldChange>();
            Field(fields, "Número", old.Code, s.Code);
            Field(fields, "Nombre", old.Name, s.Name);
            if (fields.Count > 0)
            {
                changes.Add(new ItemChange(old.Code != s.Code ? ChangeKind.Moved : ChangeKind.Changed, "Subcomponente", s.Code, fields));
            }
        }
        changes.AddRange(removed.Select(s => new ItemChange(ChangeKind.Removed, "Subcomponente", s.Code, [new FieldChange("Nombre", s.Name, null)])));
    }

    private static void CompareActivities(PlanSnapshot from, PlanSnapshot to, List<ItemChange> changes)
    {
        var (pairs, added, removed) = Match(from.Components.SelectMany(c => c.Activities).ToList(),
            to.Components.SelectMany(c => c.Activities).ToList(), a => a.Id, a => a.Code);
        changes.AddRange(added.Select(a => new ItemChange(ChangeKind.Added, "Actividad", a.Code, [new FieldChange("Actividad", null, a.Name)])));
        foreach (var (old, a) in pairs)
        {
            var fields = new List<FieldChange>();
            Field(fields, "Número", old.Code, a.Code);
            Field(fields, "Actividad", old.Name, a.Name);
            Field(fields, "Subcomponente", old.SubcomponentName, a.SubcomponentName);
            if (fields.Count > 0)
            {
                changes.Add(new ItemChange(old.Code != a.Code ? ChangeKind.Moved : ChangeKind.Changed, "Actividad", a.Code, fields));
            }
        }
        changes.AddRange(removed.Select(a => new ItemChange(ChangeKind.Removed, "Actividad", a.Code, [new FieldChange("Actividad", a.Name, null)])));
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
                changes.Add(new ItemChange(old.Label != label ? ChangeKind.Moved : ChangeKind.Changed, "Acción", label, fields));
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
