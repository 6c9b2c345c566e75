namespace Vigia.Core.Transparency;

/// <summary>How sure the reference is of a numeral: the confidence legend of the project's regulatory reference
/// (shared/reference/regulation.md), so a page or file can say when a numeral or a placement is not verified.</summary>
public enum SourceConfidence
{
    /// <summary>[V] verified in a public source.</summary>
    Verified = 1,

    /// <summary>[C] corroborated indirectly (entities do it so), the primary text not read.</summary>
    Corroborated = 2,
}

/// <summary>One numeral of the menu «Transparencia y acceso a la información pública» of Resolución MinTIC 1519 de 2020,
/// Anexo 2, as regulation.md §4.2 lists it. A top-level section without sub-numerals in the reference (3 Contratación,
/// 5 Trámites, 6 Participa…) is one numeral here; nothing finer is invented.</summary>
public sealed record Anexo2Numeral(string Numeral, string Name, SourceConfidence Confidence)
{
    /// <summary>The top-level section («4» for «4.3»).</summary>
    public string Section => Numeral.Split('.')[0];

    /// <summary>An HTML id and address fragment for the numeral: «numeral-4-3».</summary>
    public string Anchor => "numeral-" + Numeral.Replace('.', '-');
}

/// <summary>What Vigía publishes; the web host turns each into its address (the routing knows them, Core does not).</summary>
public enum TransparencyPublication
{
    /// <summary>The plan of the year (PAAC/PTEP): its components, activities and actions.</summary>
    Plan = 1,

    /// <summary>The plan's published versions and their comparison.</summary>
    PlanVersions,

    /// <summary>The «control de cambios» PDF: every published version and what changed.</summary>
    PlanChangeLog,

    /// <summary>The plan's compliance dashboard (the official figure).</summary>
    Dashboard,

    /// <summary>The published corruption risk map of the year.</summary>
    RiskMap,

    /// <summary>The risk map's published versions.</summary>
    RiskMapVersions,

    /// <summary>Control Interno's follow-up reports (every cut-off).</summary>
    FollowUps,

    /// <summary>The year's follow-ups side by side.</summary>
    ConsolidatedFollowUps,

    /// <summary>The citizen consultation of the plan's draft and its report.</summary>
    Consultation,

    /// <summary>The open-data catalogue.</summary>
    OpenData,

    /// <summary>The DCAT catalogue a harvester (datos.gov.co, CKAN) reads.</summary>
    DcatCatalogue,
}

/// <summary>One row of the checklist: an Anexo 2 numeral, what Vigía publishes for it (null: «No lo publica Vigía»), in one
/// sentence, and how often it changes.</summary>
public sealed record Anexo2Entry(Anexo2Numeral Numeral, TransparencyPublication? Publication, string Publishes, string Frequency);

/// <summary>The Anexo 2 menu and where Vigía's publications sit in it: the one table the transparency page, the ITA
/// checklist and its XLSX read.</summary>
/// <remarks>
/// Source: shared/reference/regulation.md §4.2 (top-level sections [V], from UAESP's published menu; the numbering of
/// 1.x, 2.x and 4.x [V] from a compliance checker's implementation) and §4.4 (the Procuraduría's ITA matrix follows
/// Anexo 2 item by item, [R]).
/// Uncertain, and said so where shown:
/// <list type="bullet">
/// <item>Control Interno's follow-ups of the PAAC: the reference says entities publish them under 4.3 beside the plan or
/// under 4.8 [C]; Vigía lists them in both.</item>
/// <item>The corruption risk map: the reference gives it no numeral of its own. It is part of the PAAC/PTEP (component 1,
/// «Gestión del riesgo de corrupción – Mapa de riesgos de corrupción», regulation.md §1), and the PAAC lives under 4.3
/// («incl. the Decreto 612 plans»), so Vigía lists it there; an entity whose menu puts it elsewhere links it there.</item>
/// <item>6 Participa and 7 Datos abiertos have no sub-numerals in the reference: Vigía's consultation and catalogue are
/// listed under the section itself.</item>
/// </list>
/// </remarks>
public static class Anexo2
{
    public const string Source = "Resolución MinTIC 1519 de 2020, Anexo 2 (menú «Transparencia y acceso a la información pública»)";

    private static Anexo2Numeral V(string numeral, string name) => new(numeral, name, SourceConfidence.Verified);

    /// <summary>The sections by their number, as the menu names them.</summary>
    public static IReadOnlyDictionary<string, string> Sections { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1"] = "Información de la entidad",
        ["2"] = "Normativa",
        ["3"] = "Contratación",
        ["4"] = "Planeación, presupuesto e informes",
        ["5"] = "Trámites",
        ["6"] = "Participa",
        ["7"] = "Datos abiertos",
        ["8"] = "Información específica para grupos de interés",
        ["9"] = "Obligación de reporte de información específica por parte de la entidad",
        ["10"] = "Información tributaria en entidades territoriales locales",
    };

    /// <summary>Every numeral of the reference, in menu order.</summary>
    public static IReadOnlyList<Anexo2Numeral> Numerals { get; } =
    [
        V("1.1", "Misión, visión, funciones y deberes"),
        V("1.2", "Estructura orgánica – organigrama"),
        V("1.3", "Mapas y cartas descriptivas de procesos"),
        V("1.4", "Directorio institucional"),
        V("1.5", "Directorio de servidores, empleados o contratistas"),
        V("1.6", "Directorio de entidades"),
        V("1.7", "Directorio de agremiaciones y grupos de interés"),
        V("1.8", "Servicio al público, normas, formularios y protocolos"),
        V("1.9", "Procedimientos para tomar decisiones"),
        V("1.10", "Mecanismo de presentación directa de solicitudes, quejas y reclamos"),
        V("1.11", "Calendario de actividades"),
        V("1.12", "Información sobre decisiones que pueden afectar al público"),
        V("1.13", "Entes y autoridades que vigilan"),
        V("1.14", "Publicación de hojas de vida"),
        V("2.1", "Normativa de la entidad"),
        V("2.2", "Búsqueda de normas (SUIN y SUCOP)"),
        V("2.3", "Políticas y lineamientos"),
        V("2.4", "Manuales"),
        V("3", "Contratación"),
        V("4.1", "Presupuesto general"),
        V("4.2", "Ejecución presupuestal"),
        V("4.3", "Plan de acción"),
        V("4.4", "Proyectos de inversión"),
        V("4.5", "Informes de empalme"),
        V("4.6", "Información pública y/o relevante"),
        V("4.7", "Informes de gestión, evaluación y auditoría"),
        V("4.8", "Informes de la Oficina de Control Interno"),
        V("4.9", "Informe sobre defensa pública y prevención del daño antijurídico"),
        V("4.10", "Informes trimestrales sobre acceso a la información, quejas y reclamos"),
        V("5", "Trámites"),
        V("6", "Participa"),
        V("7", "Datos abiertos"),
        V("8", "Información específica para grupos de interés"),
        V("9", "Obligación de reporte de información específica por parte de la entidad"),
        V("10", "Información tributaria en entidades territoriales locales"),
    ];

    public static Anexo2Numeral Numeral(string numeral) =>
        Numerals.SingleOrDefault(n => n.Numeral == numeral) ?? throw new ArgumentOutOfRangeException(nameof(numeral), numeral, "Not a numeral of Anexo 2.");

    private const string EveryPublication = "Cada vez que se publica una versión";
    private const string EveryReport = "Mensual (con cada reporte de avance aceptado)";
    private const string EveryCutOff = "Cuatrimestral (cortes del 30 de abril, 31 de agosto y 31 de diciembre)";

    /// <summary>What Vigía publishes, by numeral, in the order the page and the checklist show it.</summary>
    public static IReadOnlyList<Anexo2Entry> Publications { get; } =
    [
        new(Numeral("4.3"), TransparencyPublication.Plan,
            "Plan Anticorrupción y de Atención al Ciudadano / Programa de Transparencia y Ética Pública de la vigencia: componentes, actividades, acciones, metas y responsables.",
            EveryPublication),
        new(Numeral("4.3"), TransparencyPublication.PlanVersions,
            "Versiones publicadas del plan y la comparación entre ellas.", EveryPublication),
        new(Numeral("4.3"), TransparencyPublication.PlanChangeLog,
            "Control de cambios del plan (PDF): cada versión publicada, su fecha y lo que cambió.", EveryPublication),
        new(Numeral("4.3"), TransparencyPublication.Dashboard,
            "Tablero de cumplimiento del plan: la cifra oficial de cumplimiento por componente a la fecha.", EveryReport),
        new(Numeral("4.3"), TransparencyPublication.RiskMap,
            "Mapa de riesgos de corrupción publicado (componente 1 del plan), con sus mapas de calor y su monitoreo.", EveryPublication),
        new(Numeral("4.3"), TransparencyPublication.RiskMapVersions,
            "Versiones publicadas del mapa de riesgos de corrupción.", EveryPublication),
        new(Numeral("4.3"), TransparencyPublication.ConsolidatedFollowUps,
            "Seguimientos de la Oficina de Control Interno al plan, junto al plan (consolidado de los cortes del año).", EveryCutOff),
        new(Numeral("4.8"), TransparencyPublication.FollowUps,
            "Informes de seguimiento de la Oficina de Control Interno al plan y al mapa de riesgos de corrupción, cada corte con su PDF y XLSX.", EveryCutOff),
        new(Numeral("4.8"), TransparencyPublication.ConsolidatedFollowUps,
            "Consolidado de los seguimientos del año, corte por corte.", EveryCutOff),
        new(Numeral("6"), TransparencyPublication.Consultation,
            "Consulta ciudadana del borrador del plan: comentarios, respuestas e informe de la consulta.", "Durante cada consulta; el informe, al cerrarla"),
        new(Numeral("7"), TransparencyPublication.OpenData,
            "Catálogo de datos abiertos: acciones, programación, avance, seguimientos, consultas y riesgos en CSV, JSON y XLSX con su diccionario.", EveryReport),
        new(Numeral("7"), TransparencyPublication.DcatCatalogue,
            "Catálogo DCAT (JSON-LD y Turtle) para que datos.gov.co y otros recolectores indexen los conjuntos.", EveryReport),
    ];

    public const string NotPublished = "No lo publica Vigía";

    /// <summary>The checklist: every numeral of the reference in menu order, each covered one with its publications, each
    /// other one once with <see cref="NotPublished"/> (the entity publishes it elsewhere).</summary>
    public static IReadOnlyList<Anexo2Entry> Checklist { get; } = Numerals
        .SelectMany(n => Publications.Any(p => p.Numeral == n)
            ? Publications.Where(p => p.Numeral == n)
            : [new Anexo2Entry(n, null, NotPublished, "")])
        .ToList();

    /// <summary>The numerals Vigía publishes something for, in menu order.</summary>
    public static IReadOnlyList<Anexo2Numeral> Covered { get; } = Numerals.Where(n => Publications.Any(p => p.Numeral == n)).ToList();

    /// <summary>A note on a placement the reference does not settle, or null.</summary>
    public static string? PlacementNote(Anexo2Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Publication switch
        {
            TransparencyPublication.ConsolidatedFollowUps or TransparencyPublication.FollowUps =>
                "Las entidades publican los seguimientos junto al plan (4.3) o en 4.8; Vigía los enlaza en ambos.",
            TransparencyPublication.RiskMap or TransparencyPublication.RiskMapVersions =>
                "El anexo no le da un numeral propio: es parte del plan (componente 1) y se lista con él en 4.3.",
            _ => null,
        };
    }
}
