namespace Vigia.Core.Synthetic;

/// <summary>What <c>synthetic generate</c> was asked for: how many entities, the plan year, the seed and the reference
/// date (nothing generated is later than it).</summary>
public sealed record SyntheticRequest(int Entities, int Year, int Seed, DateOnly At)
{
    /// <summary>The largest nation one run makes (Colombia has some 1,100 municipalities).</summary>
    public const int MaxEntities = 5000;

    /// <summary>The reference date when none is given: the end of the year, or today in Colombia in the current year.</summary>
    public static DateOnly DefaultAt(int year, DateOnly today) =>
        year == today.Year ? today : new DateOnly(year, 12, 31);

    /// <summary>The problems of a request, in Spanish, by option name; empty when it can run.</summary>
    public static Dictionary<string, string> Validate(int entities, int year, DateOnly at, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (entities <= 0)
        {
            errors["--entities"] = "El número de entidades debe ser mayor que cero.";
        }
        else if (entities > MaxEntities)
        {
            errors["--entities"] = string.Create(CultureInfo.InvariantCulture, $"Como máximo {MaxEntities} entidades por ejecución.");
        }
        if (year < ColombianHolidays.FirstSupportedYear + 1 || year >= ColombianHolidays.LastSupportedYear)
        {
            errors["--year"] = string.Create(CultureInfo.InvariantCulture,
                $"Vigencia fuera de rango: {year}. Use un año entre {ColombianHolidays.FirstSupportedYear + 1} y {ColombianHolidays.LastSupportedYear - 1}.");
        }
        else if (year > today.Year)
        {
            errors["--year"] = string.Create(CultureInfo.InvariantCulture, $"La vigencia {year} aún no ha empezado: no hay nada que simular.");
        }
        else if (at < new DateOnly(year, 1, 1) || at > new DateOnly(year + 1, 12, 31))
        {
            errors["--at"] = string.Create(CultureInfo.InvariantCulture,
                $"La fecha de referencia debe estar entre el 1 de enero de {year} y el 31 de diciembre de {year + 1}.");
        }
        else if (at > today)
        {
            errors["--at"] = "La fecha de referencia no puede ser posterior a hoy: no se simulan hechos futuros.";
        }
        return errors;
    }
}

/// <summary>What a generation wrote, by kind of row.</summary>
public sealed record SyntheticSummary(
    int Entities, int Units, int Plans, int Actions, int ScheduleEntries, int Reports, int Evidence, int MonitoringRecords,
    int FollowUps, int PublishedFollowUps, int Assessments, int FirstEntityId, int LastEntityId, TimeSpan Elapsed)
{
    /// <summary>One line in Spanish for the command line and the audit reason.</summary>
    public string Describe() => string.Create(SpanishFormat.Culture,
        $"{Entities} entidades (ids {FirstEntityId}–{LastEntityId}), {Units} dependencias, {Plans} planes, {Actions} acciones, "
        + $"{ScheduleEntries} meses programados, {Reports} reportes, {Evidence} evidencias sin archivo, {MonitoringRecords} registros de monitoreo, "
        + $"{FollowUps} seguimientos ({PublishedFollowUps} publicados) y {Assessments} valoraciones");
}
