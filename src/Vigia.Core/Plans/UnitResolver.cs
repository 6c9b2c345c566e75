using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Plans;

/// <summary>Finds or creates the units named by a path ("Departamento … / Subdirección …"), so that the
/// same unit is one record wherever it appears, within an import and across imports.</summary>
internal sealed class UnitResolver(AppDbContext db, Entity entity)
{
    private readonly Dictionary<(Unit? Parent, string Name), Unit> known = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (entity.Id == 0)
        {
            return;
        }
        var existing = await db.Units.Where(u => u.EntityId == entity.Id).ToListAsync(ct);
        var byId = existing.ToDictionary(u => u.Id);
        foreach (var unit in existing)
        {
            var parent = unit.ParentId is { } pid ? byId[pid] : null;
            known[(parent, unit.NormalizedName)] = unit;
        }
    }

    public Unit Resolve(ParsedUnitPath path)
    {
        Unit? parent = null;
        foreach (var name in path.Path)
        {
            var clean = name.Trim().TrimEnd('.').Trim();
            var key = (parent, SpanishText.Fold(clean));
            if (!known.TryGetValue(key, out var unit))
            {
                unit = new Unit { Entity = entity, Parent = parent, Name = clean, NormalizedName = key.Item2 };
                known[key] = unit;
            }
            parent = unit;
        }
        return parent ?? throw new ArgumentException("A unit path needs at least one name.", nameof(path));
    }
}
