using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Plans;

/// <summary>Finds the entity's group a responsible text denotes: first by a spelling already recorded (the data), then by
/// <see cref="UnitGroupRules"/>, creating the group the first time its rule is met and recording every new spelling, so
/// that next year's import finds the group, and the units Planeación mapped it to, again.</summary>
internal sealed class UnitGroupResolver(AppDbContext db, Entity entity)
{
    private readonly List<UnitGroup> groups = [];
    private readonly Dictionary<UnitGroup, int> memberCount = [];

    public async Task LoadAsync(CancellationToken ct)
    {
        if (entity.Id == 0)
        {
            return;
        }
        groups.AddRange(await db.UnitGroups.Include(g => g.Spellings).Where(g => g.EntityId == entity.Id).ToListAsync(ct));
        var counts = await db.UnitGroupMembers.Where(m => m.Group!.EntityId == entity.Id).GroupBy(m => m.GroupId)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var group in groups)
        {
            memberCount[group] = counts.FirstOrDefault(c => c.Key == group.Id)?.Count ?? 0;
        }
    }

    /// <summary>The group <paramref name="path"/> denotes, or null when it names a unit.</summary>
    public UnitGroup? Resolve(ParsedUnitPath path)
    {
        if (path.Path.Count != 1)
        {
            return null;
        }
        var text = path.Path[0].Trim();
        var folded = SpanishText.Fold(text);
        var group = groups.FirstOrDefault(g => g.Spellings.Any(s => s.NormalizedText == folded));
        if (group is null)
        {
            if (UnitGroupRules.Recognise(text) is not { } rule)
            {
                return null;
            }
            group = groups.FirstOrDefault(g => g.RuleKey == rule.Key);
            if (group is null)
            {
                group = new UnitGroup { Entity = entity, RuleKey = rule.Key, Name = rule.Name };
                groups.Add(group);
                memberCount[group] = 0;
            }
        }
        if (!group.Spellings.Any(s => s.NormalizedText == folded))
        {
            group.Spellings.Add(new UnitGroupSpelling { Text = text, NormalizedText = folded });
        }
        return group;
    }

    /// <summary>The import report's line for an action assigned to <paramref name="group"/>.</summary>
    public string Note(UnitGroup group, string spelling) => memberCount[group] switch
    {
        0 => $"Responsable colectivo: «{spelling}» (grupo «{group.Name}»); Planeación debe indicar sus unidades",
        1 => $"Responsable colectivo: «{spelling}» (grupo «{group.Name}», ya asignado a 1 unidad)",
        var n => string.Create(CultureInfo.InvariantCulture, $"Responsable colectivo: «{spelling}» (grupo «{group.Name}», ya asignado a {n} unidades)"),
    };
}
