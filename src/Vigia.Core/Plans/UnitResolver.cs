using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Plans;

/// <summary>Finds or creates the units named by a path ("Departamento … / Subdirección …"), so that the
/// same unit is one record wherever it appears, within an import and across imports.</summary>
/// <remarks>Names are matched by <see cref="UnitNameVariants.Key"/>, so obvious variants of one unit resolve to the
/// first spelling seen (the header's, then the catalogue's), and each merge is reported. The hierarchy the plan header
/// writes («Secretaría de Gobierno (Oficina Asesora de Transparencia - Oficina de Comunicaciones)») is declared first;
/// a responsible written without its parent then resolves to the one unit of that name that has a parent.</remarks>
internal sealed class UnitResolver(AppDbContext db, Entity entity)
{
    private readonly Dictionary<(Unit? Parent, string Key), Unit> known = [];
    private readonly List<string> notes = [];
    private readonly HashSet<(string Written, Unit Unit)> reported = [];

    /// <summary>What the import report says of merged variants and of units placed under their header parent.</summary>
    public IReadOnlyList<string> Notes => notes;

    public async Task LoadAsync(CancellationToken ct)
    {
        if (entity.Id == 0)
        {
            return;
        }
        var existing = await db.Units.Where(u => u.EntityId == entity.Id).OrderBy(u => u.Id).ToListAsync(ct);
        var byId = existing.ToDictionary(u => u.Id);
        foreach (var unit in existing)
        {
            var parent = unit.ParentId is { } pid ? byId[pid] : null;
            known.TryAdd((parent, UnitNameVariants.Key(unit.Name)), unit);
        }
    }

    /// <summary>Puts the units of one line of the header's participating units in the catalogue, with their hierarchy.</summary>
    public void Declare(string headerLine)
    {
        foreach (var path in ResponsibleUnitSplitter.Split(headerLine))
        {
            Resolve(path, fromHeader: true);
        }
    }

    public Unit Resolve(ParsedUnitPath path) => Resolve(path, fromHeader: false);

    private Unit Resolve(ParsedUnitPath path, bool fromHeader)
    {
        Unit? parent = null;
        foreach (var name in path.Path)
        {
            var clean = name.Trim().TrimEnd('.').Trim();
            var key = (parent, UnitNameVariants.Key(clean));
            if (!known.TryGetValue(key, out var unit))
            {
                if (!fromHeader && parent is null && path.Path.Count == 1 && Nested(key.Item2) is { } nested)
                {
                    unit = nested;
                    Report(clean, unit, $"«{clean}» se asignó a «{nested.Parent!.Name} / {nested.Name}», como lo escribe el encabezado del plan.");
                }
                else
                {
                    unit = new Unit { Entity = entity, Parent = parent, Name = clean, NormalizedName = SpanishText.Fold(clean) };
                    known[key] = unit;
                }
            }
            else if (!string.Equals(SpanishText.Fold(clean), SpanishText.Fold(unit.Name), StringComparison.Ordinal))
            {
                Report(clean, unit, $"«{clean}» y «{unit.Name}» se registraron como una sola unidad («{unit.Name}»): "
                    + "los nombres solo difieren en artículos, preposiciones o en la sigla final.");
            }
            parent = unit;
        }
        return parent ?? throw new ArgumentException("A unit path needs at least one name.", nameof(path));
    }

    /// <summary>The one unit with this key that hangs from a parent, or null when there is none or more than one.</summary>
    private Unit? Nested(string key)
    {
        var matches = known.Where(k => k.Key.Parent is not null && k.Key.Key == key).Select(k => k.Value).Distinct().Take(2).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private void Report(string written, Unit unit, string note)
    {
        if (reported.Add((SpanishText.Fold(written), unit)))
        {
            notes.Add(note);
        }
    }
}
