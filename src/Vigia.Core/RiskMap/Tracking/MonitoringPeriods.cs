using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.RiskMap.Tracking;

/// <summary>
/// The months in which process leaders monitor the controls of an entity's map in a year. Data, not code: the plan
/// sets the frequency (eleven monitorings a year in the seed, so the default is monthly from February to December)
/// and an entity that sets another one stores it in the setting <c>MapaRiesgos:Monitoreos:{entityId}:{year}</c> as
/// month numbers separated by commas («3,6,9,12»).
/// </summary>
public sealed class MonitoringPeriods(AppDbContext db, AuditScope audit)
{
    public static readonly IReadOnlyList<int> Default = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    public static string Key(int entityId, int year) => string.Create(CultureInfo.InvariantCulture, $"MapaRiesgos:Monitoreos:{entityId}:{year}");

    public async Task<IReadOnlyList<int>> MonthsAsync(int entityId, int year, CancellationToken ct = default)
    {
        var key = Key(entityId, year);
        var stored = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return stored is not null && TryParse(stored, out var months, out _) ? months : Default;
    }

    /// <summary>Sets the year's months (Planeación or the administrator); an empty text returns to the default.</summary>
    public async Task<Result<IReadOnlyList<int>>> SaveAsync(Actor actor, int entityId, int year, string? months, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!actor.IsIn(Roles.Planning) && !actor.IsIn(Roles.Administrator))
        {
            return Result.Forbidden("Solo Planeación o el administrador fijan los periodos de monitoreo del mapa de riesgos.");
        }
        if (!await db.Entities.AnyAsync(e => e.Id == entityId, ct))
        {
            return Result.NotFound("La entidad no existe.");
        }
        var key = Key(entityId, year);
        var existing = await db.Settings.FindAsync([key], ct);
        IReadOnlyList<int> parsed = Default;
        if (!string.IsNullOrWhiteSpace(months))
        {
            if (!TryParse(months, out var list, out var error))
            {
                return Result.Invalid("Months", error!);
            }
            parsed = list;
        }
        var value = string.Join(",", parsed.Select(m => m.ToString(CultureInfo.InvariantCulture)));
        if (string.IsNullOrWhiteSpace(months))
        {
            if (existing is not null)
            {
                db.Settings.Remove(existing);
            }
        }
        else if (existing is null)
        {
            db.Settings.Add(new AppSetting { Key = key, Value = value });
        }
        else
        {
            existing.Value = value;
        }
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name)))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(parsed);
    }

    /// <summary>Month numbers 1–12, each once, separated by commas or semicolons; returned in order.</summary>
    public static bool TryParse(string text, out IReadOnlyList<int> months, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<int>();
        foreach (var part in text.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
            {
                (months, error) = ([], $"«{part}» no es un mes: escriba números del 1 al 12 separados por comas, por ejemplo 3,6,9,12.");
                return false;
            }
            if (list.Contains(month))
            {
                (months, error) = ([], $"El mes {month} está repetido.");
                return false;
            }
            list.Add(month);
        }
        if (list.Count == 0)
        {
            (months, error) = ([], "Escriba al menos un mes de monitoreo.");
            return false;
        }
        (months, error) = (list.Order().ToList(), null);
        return true;
    }
}
