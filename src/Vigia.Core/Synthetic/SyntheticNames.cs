using Vigia.Core.Organisation;

namespace Vigia.Core.Synthetic;

/// <summary>Names for a synthetic nation: how many municipalities each department roughly has (to spread the entities
/// as the country is spread) and plausible, invented municipality names. No name claims to be a real municipality's
/// data: every entity made with them is marked <see cref="Entity.IsSimulated"/>.</summary>
internal static class SyntheticNames
{
    /// <summary>Approximate municipalities per department (DIVIPOLA), the weight of each department; Bogotá counts its
    /// 20 localities.</summary>
    public static readonly IReadOnlyDictionary<int, int> Weights = new Dictionary<int, int>
    {
        [5] = 125,
        [8] = 23,
        [11] = 20,
        [13] = 46,
        [15] = 123,
        [17] = 27,
        [18] = 16,
        [19] = 42,
        [20] = 25,
        [23] = 30,
        [25] = 116,
        [27] = 31,
        [41] = 37,
        [44] = 15,
        [47] = 30,
        [50] = 29,
        [52] = 64,
        [54] = 40,
        [63] = 12,
        [66] = 14,
        [68] = 87,
        [70] = 26,
        [73] = 47,
        [76] = 42,
        [81] = 7,
        [85] = 19,
        [86] = 13,
        [88] = 2,
        [91] = 2,
        [94] = 1,
        [95] = 4,
        [97] = 3,
        [99] = 4,
    };

    private static readonly string[] Saints =
    [
        "San Isidro", "Santa Rosa", "Santa Bárbara", "Santo Tomás", "Santa Lucía", "San Andrés de los Ríos", "San Vicente",
        "Santa Cecilia", "San Clemente", "San Sebastián", "Santa Inés", "San Martín", "Santa Teresa", "San Rafael",
        "San Benito", "Santa Clara", "San Bernardo", "Santa Marta del Monte", "San Lorenzo", "Santa Helena",
    ];

    private static readonly string[] Places =
    [
        "Paraíso", "Mirador", "Roble", "Guadual", "Cedro", "Palmar", "Porvenir", "Recreo", "Jordán", "Manantial",
        "Arenal", "Encanto", "Retiro", "Pedregal", "Samán", "Tablón", "Cerrito", "Hatillo", "Naranjal", "Llanito",
        "Guamal", "Laurel", "Peñol", "Carmen", "Rosario",
    ];

    private static readonly string[] PlacePrefixes = ["Puerto", "Villa del", "Alto del", "Valle del", "Nuevo", "Llano del"];

    /// <summary>The entities per department for <paramref name="count"/> entities, by largest remainder on the weights;
    /// ties go to the lower DANE code, so the spread depends only on the count.</summary>
    public static IReadOnlyList<(int DepartmentId, int Count)> Spread(int count)
    {
        var total = Weights.Values.Sum();
        var shares = Departments.All
            .Select(d => (d.Id, Exact: (decimal)count * Weights[d.Id] / total))
            .Select(s => (s.Id, Floor: (int)Math.Floor(s.Exact), Remainder: s.Exact - Math.Floor(s.Exact)))
            .ToList();
        var left = count - shares.Sum(s => s.Floor);
        var extra = shares.OrderByDescending(s => s.Remainder).ThenBy(s => s.Id).Take(left).Select(s => s.Id).ToHashSet();
        return [.. shares.Select(s => (s.Id, s.Floor + (extra.Contains(s.Id) ? 1 : 0))).Where(s => s.Item2 > 0).OrderBy(s => s.Id)];
    }

    /// <summary>The host of a department: its Gobernación, or the Alcaldía Mayor in Bogotá.</summary>
    public static string HostName(Department department) => department.Id == 11
        ? "Alcaldía Mayor de Bogotá, D.C."
        : $"Gobernación de {department.Name}";

    /// <summary>A hosted entity's name: an invented municipality, or a locality in Bogotá.</summary>
    public static string HostedName(Department department, Random random)
    {
        var place = random.Next(2) == 0
            ? Saints[random.Next(Saints.Length)]
            : $"{PlacePrefixes[random.Next(PlacePrefixes.Length)]} {Places[random.Next(Places.Length)]}";
        return department.Id == 11 ? $"Alcaldía Local de {place}" : $"Alcaldía de {place}";
    }
}
