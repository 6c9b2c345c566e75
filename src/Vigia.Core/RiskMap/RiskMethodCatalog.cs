using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Vigia.Core.RiskMap;

/// <summary>The methods shipped in Core (embedded <c>RiskMap/Methods/*.json</c>) and their loading into the
/// <see cref="RiskMethod"/> table.</summary>
public sealed class RiskMethodCatalog(AppDbContext db, TimeProvider clock)
{
    /// <summary>The method a new risk is assessed with.</summary>
    public const string CurrentCode = "dafp-v6";

    private const string ResourcePrefix = "Vigia.Core.RiskMap.Methods.";

    /// <summary>The JSON of every shipped method revision, by resource name.</summary>
    public static IReadOnlyList<string> Shipped()
    {
        var assembly = typeof(RiskMethodCatalog).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => Read(assembly, n)).ToList();
    }

    /// <summary>Adds every shipped revision the database lacks. A shipped file whose revision is already stored with
    /// other content is refused: a correction must take a new revision, so no assessment changes under its feet.</summary>
    public async Task EnsureLoadedAsync(CancellationToken ct = default) => await LoadAsync(Shipped(), ct);

    public async Task LoadAsync(IEnumerable<string> files, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var stored = await db.RiskMethods.Select(m => new { m.Code, m.Revision, m.Sha256 }).ToListAsync(ct);
        var added = false;
        foreach (var json in files)
        {
            var definition = RiskMethodDefinition.Parse(json);
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
            var existing = stored.FirstOrDefault(s => s.Code == definition.Code && s.Revision == definition.Revision);
            if (existing is not null)
            {
                if (existing.Sha256 != hash)
                {
                    throw new InvalidOperationException(
                        $"El método {definition.Code} revisión {definition.Revision} cambió sin cambiar de revisión; suba «revision» en su archivo para que las valoraciones anteriores conserven el método con que se hicieron.");
                }
                continue;
            }
            db.RiskMethods.Add(new RiskMethod
            {
                Code = definition.Code,
                Revision = definition.Revision,
                Name = definition.Name,
                Content = json,
                Sha256 = hash,
                LoadedAt = clock.GetUtcNow(),
            });
            added = true;
        }
        if (added)
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The latest revision of <paramref name="code"/>.</summary>
    public async Task<RiskMethod?> LatestAsync(string code = CurrentCode, CancellationToken ct = default) =>
        await db.RiskMethods.Where(m => m.Code == code).OrderByDescending(m => m.Revision).FirstOrDefaultAsync(ct);

    /// <summary>Every stored revision, parsed, by id: what a page needs to name the levels of risks assessed with
    /// different revisions.</summary>
    public async Task<IReadOnlyDictionary<int, RiskMethodDefinition>> DefinitionsAsync(CancellationToken ct = default) =>
        (await db.RiskMethods.AsNoTracking().ToListAsync(ct)).ToDictionary(m => m.Id, m => m.Definition());

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
