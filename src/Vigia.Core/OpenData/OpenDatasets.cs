namespace Vigia.Core.OpenData;

/// <summary>How a column's text is to be read. CSV cells are text in every case; the XLSX, the catalogue's schema and
/// the Socrata recipe take the type from here.</summary>
public enum ColumnType
{
    Text,
    WholeNumber,
    DecimalNumber,
    /// <summary>AAAA-MM-DD.</summary>
    Date,
    /// <summary>ISO 8601 in UTC, AAAA-MM-DDTHH:MM:SSZ.</summary>
    DateTimeUtc,
    /// <summary>«si» or «no».</summary>
    YesNo,
}

public sealed record DatasetColumn(string Name, ColumnType Type, string Meaning)
{
    public string TypeName => Type switch
    {
        ColumnType.WholeNumber => "Número entero",
        ColumnType.DecimalNumber => "Número decimal (punto decimal)",
        ColumnType.Date => "Fecha (AAAA-MM-DD)",
        ColumnType.DateTimeUtc => "Fecha y hora UTC (ISO 8601)",
        ColumnType.YesNo => "Sí/No («si» o «no»)",
        _ => "Texto",
    };

    /// <summary>The column's type in datos.gov.co (Socrata): dates as «floating timestamp» (calendar_date).</summary>
    public string SocrataType => Type switch
    {
        ColumnType.WholeNumber or ColumnType.DecimalNumber => "number",
        ColumnType.Date or ColumnType.DateTimeUtc => "calendar_date",
        _ => "text",
    };

    /// <summary>The XML Schema datatype (for the catalogue and schema.org).</summary>
    public string XsdType => Type switch
    {
        ColumnType.WholeNumber => "integer",
        ColumnType.DecimalNumber => "decimal",
        ColumnType.Date => "date",
        ColumnType.DateTimeUtc => "dateTime",
        _ => "string",
    };
}

/// <summary>How often a dataset changes, as the EU vocabulary DCAT-AP uses for <c>dct:accrualPeriodicity</c>.</summary>
public sealed record DatasetFrequency(string Code, string Name)
{
    public string Uri => "http://publications.europa.eu/resource/authority/frequency/" + Code;

    public static readonly DatasetFrequency Daily = new("DAILY", "Diaria");
    /// <summary>Control Interno's three cut-offs a year (30 April, 31 August, 31 December).</summary>
    public static readonly DatasetFrequency ThreeTimesAYear = new("ANNUAL_3", "Tres veces al año (cuatrimestral)");
    /// <summary>A plan or a map a year, with revisions when the entity publishes them.</summary>
    public static readonly DatasetFrequency Annual = new("ANNUAL", "Anual, con sus revisiones");
    /// <summary>The risk map's monitoring periods (monthly from February to December in the seed).</summary>
    public static readonly DatasetFrequency Monthly = new("MONTHLY", "Mensual (en cada periodo de monitoreo)");
    /// <summary>When something happens, such as a materialized risk.</summary>
    public static readonly DatasetFrequency Irregular = new("IRREG", "Irregular: cuando ocurre");
}

/// <summary>What a dataset's files are cut by: a plan's year, a risk map's year, or nothing (the whole installation).</summary>
public enum DatasetScope
{
    PlanYear,
    RiskMapYear,
    Installation,
    /// <summary>The nation's consolidated view of a year: every public plan of every entity.</summary>
    NationYear,
    /// <summary>A department's consolidated view of a year, one set of files per department.</summary>
    DepartmentYear,
}

/// <summary>One dataset Vigía publishes. <see cref="Columns"/> is the data dictionary AND the header every writer
/// (CSV, JSON, XLSX) uses, so the two cannot drift.</summary>
public sealed record OpenDataset(string Slug, string FileName, string Title, string Description, DatasetScope Scope,
    DatasetFrequency Frequency, IReadOnlyList<string> Keywords, IReadOnlyList<DatasetColumn> Columns)
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "json", "xlsx"];

    public IReadOnlyList<string> ColumnNames { get; } = [.. Columns.Select(c => c.Name)];

    public static string MediaType(string format) => format switch
    {
        "csv" => "text/csv",
        "json" => "application/json",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Not an open-data format."),
    };
}

/// <summary>The registry of every dataset Vigía publishes: the one place their titles, dictionaries and frequencies
/// live. The endpoints in Web/OpenData write these columns, the catalogue and the dataset pages describe them.</summary>
public static class OpenDatasets
{
    /// <summary>What the numbers in the files mean, in one sentence, on the catalogue's page.</summary>
    public const string FigureMeaning = "Los archivos traen las cifras tal como las registra Vigía (metas, programación mensual, reportes aceptados y "
        + "seguimientos publicados de Control Interno), una fila por registro; el diccionario de cada conjunto dice qué significa cada columna.";

    private static DatasetColumn Text(string name, string meaning) => new(name, ColumnType.Text, meaning);
    private static DatasetColumn Integer(string name, string meaning) => new(name, ColumnType.WholeNumber, meaning);
    private static DatasetColumn Decimal(string name, string meaning) => new(name, ColumnType.DecimalNumber, meaning);
    private static DatasetColumn Date(string name, string meaning) => new(name, ColumnType.Date, meaning);
    private static DatasetColumn YesNo(string name, string meaning) => new(name, ColumnType.YesNo, meaning);

    public static readonly OpenDataset Actions = new("acciones", "acciones",
        "Acciones del Plan Anticorrupción y de Atención al Ciudadano",
        "Una fila por acción del plan de la vigencia: componente, actividad, meta, producto, indicador, responsables y la programación mensual. "
        + "Sirve la última versión publicada del plan (la versión viaja en la cabecera X-Plan-Version).",
        DatasetScope.PlanYear, DatasetFrequency.Annual, ["anticorrupción", "PAAC", "plan de acción", "transparencia"],
        [
            Text("componente", "Número y nombre del componente del plan."),
            Text("subcomponente", "Código y nombre del subcomponente; vacío en los componentes sin subcomponentes."),
            Text("actividad_codigo", "Numeración de la actividad en el plan, por ejemplo 3.1.4 (texto, no número)."),
            Text("actividad", "Texto de la actividad."),
            Integer("accion", "Número de la acción dentro de la actividad (1, 2, …)."),
            Text("descripcion", "Descripción de la acción."),
            Text("meta", "La meta tal como la escribió la entidad."),
            Text("producto", "Productos (bienes o servicios) entregados."),
            Text("indicador_formula", "Fórmula del indicador."),
            Decimal("meta_cantidad", "Resultado esperado como número, con punto decimal (5000, 100)."),
            Text("meta_unidad", "«cantidad» o «porcentaje»."),
            Text("responsables", "Unidades responsables, separadas por « | »; una subunidad se escribe «Unidad / Subunidad»."),
            Text("meses_programados", "Meses (1 a 12) con la cantidad programada, «mes:cantidad» separados por « | »; vacío si no tiene programación mensual. "
                + "En JSON, una lista de objetos {mes, cantidad}."),
            YesNo("programacion_simulada", "«si» cuando la programación mensual de la acción la generó la demostración de Vigía (datos simulados), "
                + "no la entidad."),
        ]);

    /// <summary>The plan's monthly schedule, one row per action and month with something programmed (issue 13):
    /// the columns <see cref="ScheduleRows"/> writes.</summary>
    public static readonly OpenDataset Schedule = new("programacion", "programacion",
        "Programación mensual del Plan Anticorrupción y de Atención al Ciudadano",
        "Una fila por acción y mes con cantidad programada (mayor que cero) en el plan de la vigencia: lo que la entidad se comprometió a "
        + "hacer cada mes. Sirve la misma versión del plan que «acciones» (la última publicada; viaja también en la cabecera X-Plan-Version).",
        DatasetScope.PlanYear, DatasetFrequency.Annual, ["anticorrupción", "PAAC", "programación", "plan de acción", "transparencia"],
        [
            Text("entidad", "Nombre de la entidad."),
            Integer("vigencia", "Año del plan."),
            Integer("version", "Versión del plan que contiene el archivo (la misma en todas las filas)."),
            Text("componente", "Número y nombre del componente del plan."),
            Text("actividad_codigo", "Numeración de la actividad en el plan, por ejemplo 3.1.4 (texto, no número)."),
            Text("actividad", "Texto de la actividad."),
            Integer("accion", "Número de la acción dentro de la actividad (1, 2, …)."),
            Text("meta", "La meta tal como la escribió la entidad."),
            Text("responsables", "Unidades responsables, separadas por « | »; una subunidad se escribe «Unidad / Subunidad»."),
            Integer("mes", "Mes de la vigencia (1 a 12)."),
            Decimal("cantidad_programada", "Cantidad programada para ese mes, con punto decimal. En una meta porcentual, el porcentaje que debe "
                + "alcanzarse al final de ese mes (un hito, no una suma)."),
            Text("meta_unidad", "«cantidad» o «porcentaje»."),
            YesNo("programacion_simulada", "«si» cuando ese mes lo generó la demostración de Vigía (datos simulados), no la entidad."),
        ]);

    /// <summary>Progress by month (issue 13): the columns <see cref="MonthlyProgressRows"/> writes, every figure from
    /// <see cref="Compliance.ComplianceService.MonthsAsync"/>, the calculator of the dashboard.</summary>
    public static readonly OpenDataset MonthlyProgress = new("avance-mensual", "avance-mensual",
        "Avance mensual del Plan Anticorrupción y de Atención al Ciudadano",
        "Una fila por acción y mes de la vigencia ya terminado (hasta hoy): lo programado, lo reportado y aceptado por la segunda línea "
        + "(monitoreo), los acumulados y el estado de la acción con los meses terminados hasta ese mes, calculados con las mismas reglas "
        + "del tablero público (docs/compliance.md). Solo cuentan los reportes aceptados: nunca los que están en revisión, devueltos o "
        + "reemplazados. Con las columnas actividad_programada y actividad_cumplida de un mes se obtiene el cumplimiento oficial del tablero "
        + "al último día de ese mes.",
        DatasetScope.PlanYear, DatasetFrequency.Monthly, ["anticorrupción", "PAAC", "avance", "cumplimiento", "seguimiento", "transparencia"],
        [
            Text("entidad", "Nombre de la entidad."),
            Integer("vigencia", "Año del plan."),
            Integer("version", "Versión del plan que se muestra al público (la misma en todas las filas)."),
            Text("componente", "Número y nombre del componente del plan."),
            Text("actividad_codigo", "Numeración de la actividad en el plan, por ejemplo 3.1.4 (texto, no número)."),
            Text("actividad", "Texto de la actividad."),
            Integer("accion", "Número de la acción dentro de la actividad (1, 2, …)."),
            Text("meta", "La meta tal como la escribió la entidad."),
            Text("meta_unidad", "«cantidad» o «porcentaje»."),
            Integer("mes", "Mes de la vigencia (1 a 12); las cifras acumuladas cuentan de enero hasta este mes, como el tablero en su último día."),
            Decimal("programado_mes", "Cantidad programada para ese mes (0 si no tiene); en una meta porcentual, el hito de ese mes."),
            Decimal("reportado_aceptado_mes", "Lo reportado para ese mes en reportes aceptados por la segunda línea (en una acción colectiva, "
                + "sumado entre sus unidades; en una meta porcentual, el último porcentaje aceptado del mes). No incluye reportes en revisión, "
                + "devueltos ni reemplazados."),
            Decimal("programado_acumulado", "Programado de enero a este mes (en una meta porcentual, el último hito): el «programado a la fecha» del tablero."),
            Decimal("ejecutado_acumulado", "Ejecutado de enero a este mes según los reportes aceptados (en una meta porcentual, el último porcentaje "
                + "aceptado): el «ejecutado a la fecha» del tablero."),
            Decimal("avance_accion_porcentaje", "Ejecutado acumulado ÷ programado acumulado × 100, máximo 100, con dos decimales; vacío si no hay "
                + "nada programado. Es el avance de la acción, NO el cumplimiento oficial (que se mide por actividades)."),
            YesNo("accion_programada", "«si» cuando la acción tiene algo programado de enero a este mes."),
            YesNo("accion_cumplida", "«si» cuando lo ejecutado alcanza lo programado hasta este mes; vacío si no está programada."),
            Text("estado", "Estado de la acción con los meses hasta este: «No programada», «Cumplida» o «No cumplida» (las palabras del seguimiento "
                + "«según reportes»)."),
            YesNo("actividad_programada", "«si» cuando alguna acción de la actividad está programada hasta este mes (regla del cumplimiento oficial)."),
            YesNo("actividad_cumplida", "«si» cuando todas las acciones programadas de la actividad están cumplidas hasta este mes; vacío si la "
                + "actividad no está programada. Actividades cumplidas ÷ programadas de un mes = el cumplimiento oficial del tablero a fin de ese mes."),
            YesNo("mes_sin_reporte", "«si» cuando el mes tenía algo programado y no tiene reporte aceptado ni en revisión (los «meses sin reporte» "
                + "del tablero; un reporte devuelto sin corregir deja el mes sin reporte)."),
            YesNo("programacion_simulada", "«si» cuando la programación mensual de la acción la generó la demostración de Vigía (datos simulados)."),
            YesNo("datos_simulados", "«si» cuando el plan tiene reportes de avance generados por la demostración de Vigía (datos simulados)."),
        ]);

    public static readonly OpenDataset FollowUps = new("seguimientos", "seguimientos",
        "Seguimientos de Control Interno al Plan Anticorrupción",
        "Una fila por acción valorada en cada corte publicado por la Oficina de Control Interno (30 de abril, 31 de agosto y 31 de diciembre), "
        + "leída de la instantánea congelada de la última versión publicada de cada corte.",
        DatasetScope.PlanYear, DatasetFrequency.ThreeTimesAYear, ["anticorrupción", "control interno", "seguimiento", "PAAC"],
        [
            Text("entidad", "Nombre de la entidad."),
            Integer("vigencia", "Año del plan."),
            Date("corte", "Fecha de corte del seguimiento."),
            Integer("seguimiento", "Número del seguimiento en la vigencia (1, 2 o 3)."),
            Integer("version", "Versión publicada del seguimiento de ese corte."),
            Date("fecha_publicacion", "Fecha en que Control Interno publicó el seguimiento (hora de Colombia)."),
            Date("fecha_limite_publicacion", "Último día para publicar el seguimiento de ese corte."),
            YesNo("publicado_a_tiempo", "«si» cuando se publicó hasta la fecha límite."),
            Text("sha256_instantanea", "Huella SHA-256 de la instantánea publicada, para comprobar que no cambió."),
            Text("componente", "Número y nombre del componente."),
            Text("actividad_codigo", "Numeración de la actividad, por ejemplo 3.1.4."),
            Text("actividad", "Texto de la actividad."),
            Integer("accion", "Número de la acción dentro de la actividad."),
            Text("meta", "La meta de la acción."),
            Text("responsables", "Unidades responsables, separadas por « | »."),
            YesNo("programada_en_el_periodo", "«si» cuando la acción tenía programación hasta el corte."),
            Text("estado", "Estado que asignó Control Interno; vacío si no la valoró."),
            Decimal("avance_verificado_porcentaje", "Avance verificado por Control Interno, en porcentaje."),
            Decimal("cantidad_verificada", "Cantidad verificada por Control Interno, cuando la meta es una cantidad."),
            Text("observaciones", "Observaciones de Control Interno."),
            YesNo("cumplida", "«si» cuando la acción cuenta como cumplida en el corte."),
            Text("segun_reportes", "Lo que decían los reportes de avance de los responsables al corte."),
            YesNo("datos_simulados", "«si» cuando el seguimiento se hizo sobre datos de demostración."),
        ]);

    public static readonly OpenDataset ConsolidatedFollowUps = new("seguimientos-consolidado", "seguimientos-consolidado",
        "Seguimiento consolidado de Control Interno por corte y componente",
        "Una fila por corte y componente, más el total del plan (componente «Total», sin número). Un corte sin seguimiento publicado "
        + "aparece con estado «pendiente» y cifras vacías, nunca como 0 %.",
        DatasetScope.PlanYear, DatasetFrequency.ThreeTimesAYear, ["anticorrupción", "control interno", "cumplimiento", "PAAC"],
        [
            Text("entidad", "Nombre de la entidad."),
            Integer("vigencia", "Año del plan."),
            Integer("seguimiento", "Número del seguimiento en la vigencia (1, 2 o 3)."),
            Date("corte", "Fecha de corte."),
            Date("fecha_limite_publicacion", "Último día para publicar el seguimiento de ese corte."),
            Text("estado", "«publicado», «pendiente» o «no incluido»."),
            Date("fecha_publicacion", "Fecha de publicación; vacía si está pendiente."),
            YesNo("publicado_a_tiempo", "«si» cuando se publicó hasta la fecha límite; vacío si está pendiente."),
            Integer("version", "Versión publicada del seguimiento."),
            Text("sha256_instantanea", "Huella SHA-256 de la instantánea publicada."),
            Integer("componente_numero", "Número del componente; vacío en la fila «Total»."),
            Text("componente", "Nombre del componente, o «Total»."),
            Integer("actividades_programadas", "Actividades programadas hasta el corte."),
            Integer("actividades_cumplidas", "De ellas, las cumplidas."),
            Decimal("avance_porcentaje", "Cumplimiento: actividades cumplidas ÷ programadas × 100, con un decimal."),
            Text("zona", "Zona del cumplimiento: «alta», «media» o «baja»."),
            Integer("acciones_programadas", "Acciones programadas hasta el corte."),
            Integer("acciones_cumplidas", "De ellas, las cumplidas."),
            YesNo("datos_simulados", "«si» cuando el seguimiento se hizo sobre datos de demostración."),
        ]);

    public static readonly OpenDataset Risks = new("riesgos", "riesgos",
        "Mapa de riesgos de corrupción",
        "Una fila por riesgo del mapa de riesgos de corrupción publicado de la vigencia, con las zonas inherente y residual en palabras, "
        + "los controles y el tratamiento, según el método de valoración del DAFP.",
        DatasetScope.RiskMapYear, DatasetFrequency.Annual, ["anticorrupción", "riesgos de corrupción", "mapa de riesgos", "DAFP"],
        [
            Text("codigo", "Código del riesgo, por ejemplo RC-01."),
            Text("proceso", "Proceso al que pertenece el riesgo."),
            Text("riesgo", "Descripción del riesgo."),
            Text("clasificacion", "Clasificación del riesgo."),
            Text("causas", "Causa inmediata y causa raíz, separadas por « | »."),
            Text("probabilidad_inherente", "Probabilidad antes de controles."),
            Text("impacto_inherente", "Impacto antes de controles."),
            Text("zona_inherente", "Zona de riesgo antes de controles."),
            Text("controles", "Controles numerados, con su tipo e implementación, separados por « | »."),
            Text("probabilidad_residual", "Probabilidad después de controles."),
            Text("impacto_residual", "Impacto después de controles."),
            Text("zona_residual", "Zona de riesgo después de controles."),
            Text("tratamiento", "Opción de tratamiento elegida."),
            Decimal("probabilidad_residual_pct", "Probabilidad residual en porcentaje."),
            Decimal("impacto_residual_pct", "Impacto residual en porcentaje."),
            Integer(RiskRow.VersionColumn, "Versión publicada del mapa que contiene el archivo (la misma en todas las filas)."),
        ]);

    public static readonly OpenDataset RiskMonitoring = new("riesgos-monitoreo", "riesgos-monitoreo",
        "Monitoreo de los controles del mapa de riesgos de corrupción",
        "Una fila por control y periodo de monitoreo del mapa de riesgos de corrupción publicado de la vigencia: si el control se ejecutó y "
        + "las observaciones, una vez que la segunda línea (Planeación o el líder del componente 1) aceptó el monitoreo. Sin nombres de personas: "
        + "el cargo de quien ejecuta el control.",
        DatasetScope.RiskMapYear, DatasetFrequency.Monthly, ["anticorrupción", "riesgos de corrupción", "monitoreo", "controles", "DAFP"],
        [
            Text("codigo", "Código del riesgo, por ejemplo RC-01."),
            Text("proceso", "Proceso al que pertenece el riesgo."),
            Text("riesgo", "Descripción del riesgo."),
            Integer("control_numero", "Número del control en el riesgo (orden de aplicación)."),
            Text("control", "Descripción del control en la versión publicada del mapa."),
            Text("cargo_responsable", "Cargo de quien ejecuta el control (nunca el nombre de una persona)."),
            Integer("vigencia", "Año del mapa."),
            Integer("mes", "Mes monitoreado (1 a 12)."),
            Text("periodo", "El mes monitoreado en palabras, por ejemplo «noviembre de 2026»."),
            YesNo("ejecutado", "«si» cuando el control se ejecutó en el periodo."),
            Text("observaciones", "Lo que el líder del proceso informó sobre la ejecución del control."),
            Text("observaciones_revision", "Comentario de la segunda línea al aceptar el monitoreo; vacío si no dejó ninguno."),
            Date("fecha_revision", "Fecha en que la segunda línea aceptó el monitoreo (hora de Colombia)."),
            Integer(RiskRow.VersionColumn, "Versión publicada del mapa que contiene el archivo (la misma en todas las filas)."),
        ]);

    public static readonly OpenDataset RiskMaterializations = new("riesgos-materializaciones", "riesgos-materializaciones",
        "Materializaciones de riesgos de corrupción y sus planes de mejoramiento",
        "Una fila por materialización registrada de un riesgo del mapa de riesgos de corrupción publicado de la vigencia: la fecha, qué ocurrió, "
        + "las autoridades informadas, la reevaluación del riesgo, las acciones del plan de mejoramiento con su unidad responsable y, si se retiró por error, "
        + "la fecha y el motivo del retiro. "
        + "Sin nombres de personas ni los soportes del informe a la autoridad.",
        DatasetScope.RiskMapYear, DatasetFrequency.Irregular, ["anticorrupción", "riesgos de corrupción", "materialización", "plan de mejoramiento"],
        [
            Text("codigo", "Código del riesgo, por ejemplo RC-01."),
            Text("proceso", "Proceso al que pertenece el riesgo."),
            Text("riesgo", "Descripción del riesgo."),
            Date("fecha_materializacion", "Fecha en que se materializó el riesgo."),
            Text("descripcion", "Qué ocurrió."),
            Text("autoridades_informadas", "Autoridades a las que se informó (Procuraduría, Contraloría, Fiscalía), separadas por « | »."),
            Date("fecha_informe", "Fecha en que se informó a las autoridades."),
            YesNo("reevaluado", "«si» cuando el líder del proceso ya reevaluó el riesgo y sus controles después de la materialización."),
            Date("fecha_reevaluacion", "Fecha de la reevaluación (hora de Colombia); vacía si no se ha hecho."),
            Text("nota_reevaluacion", "Qué concluyó la reevaluación; vacía si no se ha hecho."),
            Integer("acciones_mejora_numero", "Número de acciones del plan de mejoramiento."),
            Text("acciones_mejora", "Acciones del plan de mejoramiento numeradas, cada una «descripción (unidad responsable; AAAA-MM-DD a AAAA-MM-DD; "
                + "entregable: …)», separadas por « | ». En JSON, una lista de objetos {descripcion, responsable, fecha_inicio, fecha_fin, entregable}."),
            YesNo("retirada", "«si» cuando la materialización se retiró por haberse registrado por error; no se borra y queda con su motivo."),
            Date("fecha_retiro", "Fecha en que se retiró (hora de Colombia); vacía si no se ha retirado."),
            Text("motivo_retiro", "Por qué se retiró; vacío si no se ha retirado."),
            Integer(RiskRow.VersionColumn, "Versión publicada del mapa que contiene el archivo (la misma en todas las filas)."),
        ]);

    public static readonly OpenDataset AuditCheckpoints = new("puntos-de-control-auditoria", "puntos-de-control",
        "Puntos de control de la bitácora de auditoría",
        "Una fila por día, la más reciente primero: la cabeza de la cadena de auditoría al final de cada día (hora de Colombia). "
        + "Quien guarda una fila puede comprobar después que la bitácora conserva esa entrada con esa huella.",
        DatasetScope.Installation, DatasetFrequency.Daily, ["auditoría", "integridad", "transparencia"],
        [
            Date("fecha", "Día cuyo final marca el punto de control (hora de Colombia)."),
            Integer("secuencia", "Número de la última entrada de la bitácora ese día."),
            Text("huella", "Huella (hash) de esa entrada."),
            Text("punto_de_control", "Secuencia y huella juntas, «SECUENCIA:HUELLA», como las pide «audit verify --checkpoint»."),
            new("publicado_utc", ColumnType.DateTimeUtc, "Momento de la publicación del punto de control, en UTC."),
        ]);

    /// <summary>The columns of both consolidated views (the nation's and a department's), as their pages show them.</summary>
    private static readonly IReadOnlyList<DatasetColumn> ConsolidatedColumns =
    [
        Integer("vigencia", "Año de los planes."),
        Date("fecha", "Fecha de corte a la que se calculan las cifras (cuentan los meses terminados a esa fecha)."),
        Integer("puesto", "Puesto de la entidad en el ámbito (la nación o el departamento) por el cumplimiento oficial; las entidades sin nada programado van al final."),
        Text("entidad", "Nombre de la entidad."),
        Text("entidad_codigo", "Identificador de la entidad en las direcciones de Vigía (por ejemplo alcaldia-de-santiago-de-cali)."),
        Text("departamento", "Departamento de la entidad; vacío si no lo tiene registrado."),
        Text("departamento_codigo", "Código DANE (DIVIPOLA) del departamento, de dos cifras (texto: «05» conserva el cero)."),
        Text("plan", "Título del plan."),
        Integer("actividades", "Actividades del plan."),
        Integer("actividades_programadas", "Actividades programadas hasta la fecha de corte."),
        Integer("actividades_cumplidas", "De ellas, las cumplidas: todas sus acciones programadas alcanzaron lo programado."),
        Integer("acciones", "Acciones del plan."),
        Integer("acciones_programadas", "Acciones programadas hasta la fecha de corte."),
        Integer("acciones_cumplidas", "De ellas, las cumplidas."),
        Decimal("cumplimiento_porcentaje", "Cumplimiento oficial: actividades cumplidas ÷ actividades programadas × 100, con un decimal; vacío si no hay nada programado. Es la misma cifra del tablero de la entidad."),
        Text("zona", "Zona DAFP del cumplimiento: «alta», «media» o «baja»; vacía si no hay nada programado."),
        Text("componentes_mas_atrasados", "Hasta tres componentes con el menor cumplimiento (solo los que tienen algo programado), «número. nombre (porcentaje %)» separados por « | »."),
        Integer("seguimientos_vencidos", "Seguimientos de Control Interno cuyo plazo de publicación ya venció a la fecha de corte."),
        Integer("seguimientos_a_tiempo", "De ellos, los publicados hasta la fecha límite."),
        Integer("seguimientos_tarde", "Los publicados después de la fecha límite."),
        Integer("seguimientos_sin_publicar", "Los que no se habían publicado a la fecha de corte."),
        YesNo("simulado", "«si» cuando la entidad o sus reportes son datos simulados (generados para pruebas o demostración)."),
    ];

    public static readonly OpenDataset NationalCompliance = new("cumplimiento-nacional", "nacional",
        "Cumplimiento consolidado de los planes anticorrupción de la nación",
        "Una fila por plan público de la vigencia de cada entidad del país, en el orden del puesto por cumplimiento oficial a la fecha de corte "
        + "(?fecha=AAAA-MM-DD; hoy si se omite), con sus actividades y acciones programadas y cumplidas, la zona, los componentes más atrasados "
        + "y la puntualidad de los seguimientos de Control Interno.",
        DatasetScope.NationYear, DatasetFrequency.Daily, ["anticorrupción", "PAAC", "cumplimiento", "consolidado nacional", "transparencia"],
        ConsolidatedColumns);

    public static readonly OpenDataset DepartmentCompliance = new("cumplimiento-departamental", "departamento",
        "Cumplimiento consolidado de los planes anticorrupción de un departamento",
        "Las mismas columnas del consolidado nacional para las entidades de un departamento, con el puesto dentro del departamento.",
        DatasetScope.DepartmentYear, DatasetFrequency.Daily, ["anticorrupción", "PAAC", "cumplimiento", "consolidado departamental", "transparencia"],
        ConsolidatedColumns);

    private static DatasetColumn Utc(string name, string meaning) => new(name, ColumnType.DateTimeUtc, meaning);

    /// <summary>The «informe de la consulta» (issue 11, ADR 020): the columns <c>Consultation.ConsultationOpenData</c>
    /// writes. Never the e-mail of a citizen; the name only with consent.</summary>
    public static readonly OpenDataset Consultation = new("consulta", "consulta",
        "Informe de la consulta ciudadana del plan anticorrupción",
        "Una fila por comentario recibido en la consulta ciudadana del borrador del plan de la vigencia, con la respuesta de la entidad y si "
        + "modificó el plan. Se publica al cerrar la consulta (la última cerrada; ?version=n otra). Un comentario oculto por insultos o datos "
        + "personales conserva su fila y su número, sin su texto y con el motivo. El correo de quien comenta nunca se publica; el nombre, "
        + "solo con su autorización.",
        DatasetScope.PlanYear, DatasetFrequency.Annual, ["anticorrupción", "PAAC", "participación ciudadana", "consulta ciudadana", "transparencia"],
        [
            Text("entidad", "Nombre de la entidad."),
            Integer("vigencia", "Año del plan."),
            Integer("version_consultada", "Versión del borrador del plan que se puso en consulta."),
            Date("apertura", "Primer día en que la consulta recibió comentarios (hora de Colombia)."),
            Date("cierre_previsto", "Último día previsto para recibir comentarios."),
            Date("cerrada_el", "Día en que la entidad cerró la consulta y publicó el informe; antes del cierre previsto si la cerró antes."),
            Integer("comentario_numero", "Número público del comentario, en orden de llegada (1, 2, …)."),
            Text("sobre", "Lo comentado tal como lo leyó la ciudadanía: el plan, un componente o una acción («Acción 1.3.4-1: …»)."),
            Integer("accion_id", "Identificador de la acción comentada; vacío si el comentario es sobre el plan o un componente."),
            Integer("componente_numero", "Número del componente comentado; vacío si el comentario es sobre el plan o una acción."),
            Text("comentario", "Texto del comentario, como texto plano; vacío si se ocultó."),
            Text("autor", "Nombre y organización de quien comenta, solo si autorizó publicarlos; si no, «Sin nombre publicado»."),
            Utc("recibido", "Momento en que se recibió el comentario, en UTC."),
            YesNo("oculto", "«si» cuando la entidad ocultó el texto por insultos o datos personales (el comentario sigue contado)."),
            Text("motivo_ocultamiento", "Motivo publicado por el que se ocultó el texto; vacío si no se ocultó."),
            Integer("agrupado_con", "Número del comentario al que repite (comparte su respuesta); vacío si no está agrupado."),
            Text("respuesta", "Respuesta de la entidad (la del comentario principal cuando está agrupado)."),
            Utc("respondido", "Momento de la respuesta, en UTC."),
            YesNo("modifica_el_plan", "«si» cuando el comentario modificó el plan; vacío si no tiene respuesta."),
            Text("accion_modificada", "Acción del borrador consultado que cambió por el comentario; vacía si no se indicó."),
        ]);

    public static readonly IReadOnlyList<OpenDataset> All =
        [Actions, Schedule, MonthlyProgress, FollowUps, ConsolidatedFollowUps, Risks, RiskMonitoring, RiskMaterializations, AuditCheckpoints, NationalCompliance, DepartmentCompliance,
            Consultation];

    public static OpenDataset? Find(string? slug) => All.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.Ordinal));
}
