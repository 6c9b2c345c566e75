namespace Vigia.Core.Plans.Importing;

/// <summary>Builds the plan's tree as rows arrive. Rows are placed by their number, not by the
/// heading above them: activity 4.3.2 goes to subcomponent 4.3 of component 4 wherever its page is
/// in the document, and a heading may come after rows that need it (pages out of order). At the
/// end everything is sorted by number.</summary>
internal sealed class PlanAssembler
{
    private readonly Dictionary<int, ComponentBuilder> components = [];
    private readonly Dictionary<string, ActivityBuilder> activities = new(StringComparer.Ordinal);

    public enum Outcome
    {
        New,
        Repeated,
        Conflict,
    }

    public bool HasComponents => components.Values.Any(c => c.Name is not null);

    /// <summary>Declares component <paramref name="number"/>; Repeated or Conflict when it was
    /// declared before with the same or another name (<paramref name="originalLine"/>, <paramref name="originalName"/>).</summary>
    public Outcome DeclareComponent(int number, string name, int line, out int originalLine, out string originalName)
    {
        var component = Component(number, line, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Declare(component, name, line, out originalLine, out originalName);
    }

    public Outcome DeclareSubcomponent(string code, int[] segments, string name, int line, out int originalLine, out string originalName)
    {
        var subcomponent = Subcomponent(code, segments, line, code);
        return Declare(subcomponent, name, line, out originalLine, out originalName);
    }

    public ActivityBuilder? FindActivity(string code) => activities.GetValueOrDefault(code);

    /// <summary>Adds a new activity under the component (and subcomponent) its number names.</summary>
    public ActivityBuilder AddActivity(string code, int[] segments, string name, int line)
    {
        var activity = new ActivityBuilder(code, name, line);
        activities[code] = activity;
        if (segments.Length == 2)
        {
            Component(segments[0], line, code).Activities.Add(activity);
        }
        else
        {
            var subCode = $"{segments[0]}.{segments[1]}";
            Subcomponent(subCode, segments[..2], line, code).Activities.Add(activity);
        }

        return activity;
    }

    /// <summary>The finished tree, sorted by number, with notes for headings that never came and
    /// for empty parts.</summary>
    public IReadOnlyList<ParsedComponent> Build(ImportNoteLog log)
    {
        var result = new List<ParsedComponent>();
        foreach (var component in components.Values.OrderBy(c => c.Number))
        {
            if (component.Name is null)
            {
                log.Error(component.FirstReferenceLine,
                    $"el número {component.FirstReferenceCode} pertenece al componente {component.Number}, que no tiene fila de encabezado en el documento");
                continue;
            }

            var subcomponents = new List<ParsedSubcomponent>();
            foreach (var sub in component.Subcomponents.Values.OrderBy(s => s.Code, PlanCode.Comparer))
            {
                if (sub.Name is null)
                {
                    log.Warning(sub.FirstReferenceLine,
                        $"la actividad {sub.FirstReferenceCode} pertenece al subcomponente {sub.Code}, que no tiene fila de encabezado; se crea sin nombre");
                }
                else if (sub.Activities.Count == 0)
                {
                    log.Warning(sub.Line, $"el subcomponente {sub.Code} no tiene actividades");
                }

                subcomponents.Add(new ParsedSubcomponent(sub.Code, sub.Name ?? "", sub.Name is null ? sub.FirstReferenceLine : sub.Line, BuildActivities(sub.Activities, log)));
            }

            if (subcomponents.Count == 0 && component.Activities.Count == 0)
            {
                log.Warning(component.Line, $"el componente {component.Number} no tiene actividades");
            }

            result.Add(new ParsedComponent(component.Number, component.Name, component.Line, subcomponents, BuildActivities(component.Activities, log)));
        }

        return result;
    }

    private static List<ParsedActivity> BuildActivities(List<ActivityBuilder> list, ImportNoteLog log)
    {
        var result = new List<ParsedActivity>();
        foreach (var activity in list.OrderBy(a => a.Code, PlanCode.Comparer))
        {
            if (activity.Actions.Count == 0)
            {
                log.Warning(activity.Line, $"la actividad {activity.Code} no tiene acciones (ninguna fila con meta)");
            }

            result.Add(new ParsedActivity(activity.Code, activity.Name, activity.Line, activity.Actions.Select(a => a.Build()).ToList()));
        }

        return result;
    }

    private static Outcome Declare(HeadingBuilder heading, string name, int line, out int originalLine, out string originalName)
    {
        originalLine = heading.Line;
        originalName = heading.Name ?? "";
        if (heading.Name is null)
        {
            heading.Name = name;
            heading.Line = line;
            return Outcome.New;
        }

        return string.Equals(SpanishText.Fold(heading.Name), SpanishText.Fold(name), StringComparison.Ordinal) ? Outcome.Repeated : Outcome.Conflict;
    }

    private ComponentBuilder Component(int number, int line, string referenceCode)
    {
        if (!components.TryGetValue(number, out var component))
        {
            component = new ComponentBuilder(number) { FirstReferenceLine = line, FirstReferenceCode = referenceCode };
            components[number] = component;
        }

        return component;
    }

    private SubcomponentBuilder Subcomponent(string code, int[] segments, int line, string referenceCode)
    {
        var component = Component(segments[0], line, referenceCode);
        if (!component.Subcomponents.TryGetValue(code, out var sub))
        {
            sub = new SubcomponentBuilder(code) { FirstReferenceLine = line, FirstReferenceCode = referenceCode };
            component.Subcomponents[code] = sub;
        }

        return sub;
    }

    /// <summary>A component or subcomponent: declared by its heading row, possibly after the first
    /// row that needed it.</summary>
    private abstract class HeadingBuilder
    {
        public string? Name { get; set; }
        public int Line { get; set; }
        public int FirstReferenceLine { get; init; }
        public string FirstReferenceCode { get; init; } = "";
    }

    private sealed class ComponentBuilder(int number) : HeadingBuilder
    {
        public int Number { get; } = number;
        public Dictionary<string, SubcomponentBuilder> Subcomponents { get; } = new(StringComparer.Ordinal);
        public List<ActivityBuilder> Activities { get; } = [];
    }

    private sealed class SubcomponentBuilder(string code) : HeadingBuilder
    {
        public string Code { get; } = code;
        public List<ActivityBuilder> Activities { get; } = [];
    }

    internal sealed class ActivityBuilder(string code, string name, int line)
    {
        public string Code { get; } = code;
        public string Name { get; } = name;
        public int Line { get; } = line;
        public List<ActionBuilder> Actions { get; } = [];

        /// <summary>The rows read for this activity (its own and its continuation rows), to compare
        /// a repeated page with.</summary>
        public List<(int Line, string Signature)> Rows { get; } = [];
    }

    internal sealed class ActionBuilder
    {
        public int Line { get; init; }
        public string Description { get; set; } = "";
        public string Goal { get; init; } = "";
        public string? Deliverable { get; init; }
        public string? IndicatorFormula { get; init; }
        public decimal? TargetQuantity { get; init; }
        public TargetUnit TargetUnit { get; init; } = TargetUnit.Count;
        public string? ResponsibleText { get; init; }
        public Dictionary<int, decimal> Schedule { get; init; } = [];

        public ParsedAction Build() => new(
            Line,
            Description,
            Goal,
            Deliverable,
            IndicatorFormula,
            TargetQuantity,
            TargetUnit,
            ResponsibleText,
            ResponsibleUnitSplitter.Split(ResponsibleText),
            Schedule);
    }
}
