namespace Vigia.Core.Organisation;

/// <summary>One of Colombia's 32 departments, or Bogotá D.C., by its DANE code (DIVIPOLA). Entities belong to one; a
/// department's entities make up its consolidated view, and the departments the nation's.</summary>
public class Department
{
    public int Id { get; set; }

    /// <summary>The two-digit DANE code, «76» for Valle del Cauca; kept as text so «05» keeps its zero.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>URL segment, «valle-del-cauca».</summary>
    public required string Slug { get; set; }

    public List<Entity> Entities { get; set; } = [];
}

/// <summary>The 33 departments as DIVIPOLA (DANE) lists them; the database is seeded with them, ids equal to the code.</summary>
public static class Departments
{
    public static IReadOnlyList<Department> All { get; } =
    [
        New("05", "Antioquia", "antioquia"),
        New("08", "Atlántico", "atlantico"),
        New("11", "Bogotá, D.C.", "bogota"),
        New("13", "Bolívar", "bolivar"),
        New("15", "Boyacá", "boyaca"),
        New("17", "Caldas", "caldas"),
        New("18", "Caquetá", "caqueta"),
        New("19", "Cauca", "cauca"),
        New("20", "Cesar", "cesar"),
        New("23", "Córdoba", "cordoba"),
        New("25", "Cundinamarca", "cundinamarca"),
        New("27", "Chocó", "choco"),
        New("41", "Huila", "huila"),
        New("44", "La Guajira", "la-guajira"),
        New("47", "Magdalena", "magdalena"),
        New("50", "Meta", "meta"),
        New("52", "Nariño", "narino"),
        New("54", "Norte de Santander", "norte-de-santander"),
        New("63", "Quindío", "quindio"),
        New("66", "Risaralda", "risaralda"),
        New("68", "Santander", "santander"),
        New("70", "Sucre", "sucre"),
        New("73", "Tolima", "tolima"),
        New("76", "Valle del Cauca", "valle-del-cauca"),
        New("81", "Arauca", "arauca"),
        New("85", "Casanare", "casanare"),
        New("86", "Putumayo", "putumayo"),
        New("88", "Archipiélago de San Andrés, Providencia y Santa Catalina", "san-andres"),
        New("91", "Amazonas", "amazonas"),
        New("94", "Guainía", "guainia"),
        New("95", "Guaviare", "guaviare"),
        New("97", "Vaupés", "vaupes"),
        New("99", "Vichada", "vichada"),
    ];

    /// <summary>Valle del Cauca, where Santiago de Cali is; the demo entity belongs to it.</summary>
    public const int ValleDelCauca = 76;

    private static Department New(string code, string name, string slug) =>
        new() { Id = int.Parse(code, CultureInfo.InvariantCulture), Code = code, Name = name, Slug = slug };
}
