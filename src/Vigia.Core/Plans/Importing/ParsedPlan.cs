namespace Vigia.Core.Plans.Importing;

/// <summary>What a plan document says, independent of the database: the output of the row pipeline
/// shared by the text and spreadsheet readers.</summary>
public sealed record ParsedPlan(
    string? EntityName,
    int? Year,
    string? Title,
    string? DocumentCode,
    string? Objective,
    string? Scope,
    string? ResponsiblePerson,
    string? CoordinatingUnit,
    IReadOnlyList<string> ParticipatingUnits,
    IReadOnlyList<ParsedComponent> Components);

/// <summary>A component. <see cref="Activities"/> holds the activities that hang directly from it
/// (components without subcomponents); the others are under <see cref="Subcomponents"/>.</summary>
public sealed record ParsedComponent(
    int Number,
    string Name,
    int Line,
    IReadOnlyList<ParsedSubcomponent> Subcomponents,
    IReadOnlyList<ParsedActivity> Activities);

public sealed record ParsedSubcomponent(string Code, string Name, int Line, IReadOnlyList<ParsedActivity> Activities);

public sealed record ParsedActivity(string Code, string Name, int Line, IReadOnlyList<ParsedAction> Actions);

public sealed record ParsedAction(
    int Line,
    string Description,
    string Goal,
    string? Deliverable,
    string? IndicatorFormula,
    decimal? TargetQuantity,
    TargetUnit TargetUnit,
    string? ResponsibleText,
    IReadOnlyList<ParsedUnitPath> ResponsibleUnits,
    IReadOnlyDictionary<int, decimal> Schedule);

/// <summary>A responsible unit as a path from the top unit down, e.g.
/// ["Departamento Administrativo de Desarrollo e Innovación Institucional", "Subdirección de Gestión Organizacional"].</summary>
public sealed record ParsedUnitPath(IReadOnlyList<string> Path);

public enum ImportNoteKind
{
    /// <summary>A value taken from the row above (merged cell lost).</summary>
    Inferred = 1,
    /// <summary>A line that is not part of the table (page marks, initials, repeated headers).</summary>
    Skipped = 2,
    /// <summary>A row shifted right by empty cells and moved back.</summary>
    Realigned = 3,
    /// <summary>A block printed twice, imported once.</summary>
    DuplicateSkipped = 4,
    /// <summary>An action without planned months.</summary>
    Unscheduled = 5,
    /// <summary>Something worth a person's attention that did not stop the import.</summary>
    Warning = 6,
    /// <summary>A problem that stops the import.</summary>
    Error = 7,
}

public sealed record ImportNote(int Line, ImportNoteKind Kind, string Message);

/// <summary>The result of reading a document: the plan when it could be read, and every note.</summary>
public sealed record ImportResult(ParsedPlan? Plan, IReadOnlyList<ImportNote> Notes)
{
    public bool Succeeded => Plan is not null && !Notes.Any(n => n.Kind == ImportNoteKind.Error);
}

public static class ImportNoteKinds
{
    /// <summary>Where a note was made, as a person reads it: the line or row number, "—" for the document as a whole,
    /// or, for a workbook read sheet by sheet (the DAFP template's layout), the sheet and row its message starts with.</summary>
    public static string Place(ImportNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (note.Line == 0)
        {
            return "—";
        }

        var colon = note.Message.IndexOf(": ", StringComparison.Ordinal);
        return note.Message.StartsWith("Hoja «", StringComparison.Ordinal) && colon > 0
            ? note.Message[..colon]
            : note.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string DisplayName(ImportNoteKind kind) => kind switch
    {
        ImportNoteKind.Inferred => "Valor tomado de la fila anterior",
        ImportNoteKind.Skipped => "Línea omitida",
        ImportNoteKind.Realigned => "Fila realineada",
        ImportNoteKind.DuplicateSkipped => "Página repetida omitida",
        ImportNoteKind.Unscheduled => "Sin programación mensual",
        ImportNoteKind.Warning => "Advertencia",
        _ => "Error",
    };
}
