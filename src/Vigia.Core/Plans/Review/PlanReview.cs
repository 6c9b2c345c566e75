using System.Text.Json;
using System.Text.RegularExpressions;
using Vigia.Core.Organisation;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Plans.Review;

/// <summary>A jargon term and the plain words a citizen would understand (data: <c>Plans/Review/jargon.json</c>).</summary>
public sealed record JargonTerm(string Term, string Plain);

/// <summary>The «revisión de calidad» of one plan version: every rule a careful reviewer applies, over the version's
/// content, in the document's order. The rules, their thresholds and an example from the seed of each are in
/// docs/plan-review.md; why they are what they are, in ADR 019.</summary>
public static partial class PlanReview
{
    /// <summary>A sentence longer than this is hard to follow (docs/plan-review.md).</summary>
    public const int LongSentenceWords = 30;

    /// <summary>Readability is scored only on texts with at least this many words: a five-word goal has no meaningful score.</summary>
    public const int ReadabilityMinimumWords = 20;

    /// <summary>Below this Fernández-Huerta score a text is «algo difícil» or worse on the INFLESZ scale.</summary>
    public const decimal ReadabilityThreshold = 55m;

    /// <summary>Two actions or activities whose content words overlap this much (Jaccard) are near-duplicates.</summary>
    public const double NearDuplicateSimilarity = 0.8;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "a", "al", "en", "para", "por", "con", "sin", "un",
        "una", "unos", "unas", "que", "se", "su", "sus", "lo", "le", "les", "como", "sobre", "entre", "cada", "este",
        "esta", "estos", "estas", "ese", "esa", "mas", "muy", "ya", "desde", "hasta", "segun", "frente", "mediante",
        "durante", "ante", "bajo", "tras", "todo", "toda", "todos", "todas", "otro", "otra", "otros", "otras",
    };

    /// <summary>Words every indicator formula uses; they say how something is counted, not what.</summary>
    private static readonly string[] MeasureStems =
        ["nume", "tota", "porc", "cant", "unid", "real", "ejec", "elab", "valo", "indi", "resu", "suma", "docu", "sopo", "regi"];

    private static readonly string[] LegalWords =
        ["ley", "decreto", "resolucion", "acuerdo", "circular", "directiva", "conpes", "ordenanza", "sentencia", "articulo", "art", "norma", "iso", "ntc"];

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<IReadOnlyList<JargonTerm>> Jargon = new(LoadJargon);

    /// <summary>The jargon list, as shipped.</summary>
    public static IReadOnlyList<JargonTerm> JargonTerms => Jargon.Value;

    public static string SeverityName(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "Error",
        FindingSeverity.Warning => "Advertencia",
        _ => "Lenguaje claro",
    };

    /// <summary>Every finding on <paramref name="plan"/>, errors first, then warnings, then plain language, each in the
    /// document's order.</summary>
    public static IReadOnlyList<ReviewFinding> Run(PlanSnapshot plan, PlanReviewContext context)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(context);
        var findings = new List<ReviewFinding>();
        foreach (var activity in plan.Components.SelectMany(c => c.Activities))
        {
            PlainLanguage(findings, activity.Code, null, ReviewFields.ActivityName, activity.Name, readability: false);
            foreach (var action in activity.Actions)
            {
                var code = ActionSnapshot.Label(activity.Code, action.Order);
                Completeness(findings, code, action, context);
                TargetAgainstGoal(findings, code, action);
                OtherYears(findings, code, action, context.Year);
                Units(findings, code, action, context);
                FormulaAgainstGoal(findings, code, action);
                PlainLanguage(findings, code, action.Id, ReviewFields.Description, action.Description, readability: true);
                PlainLanguage(findings, code, action.Id, ReviewFields.Goal, action.Goal, readability: true);
                PlainLanguage(findings, code, action.Id, ReviewFields.Deliverable, action.Deliverable, readability: true);
            }
        }
        Duplicates(findings, plan);
        // A stable sort: by severity, keeping the document's order inside each.
        return findings.Select((f, i) => (f, i)).OrderBy(p => p.f.Severity).ThenBy(p => p.i).Select(p => p.f).ToList();
    }

    // ---- Errors ---------------------------------------------------------------------------------------------------

    private static void Completeness(List<ReviewFinding> findings, string code, ActionSnapshot action, PlanReviewContext context)
    {
        if (action.TargetQuantity is null)
        {
            Add(findings, FindingSeverity.Error, "missing-target", code, action, ReviewFields.TargetQuantity,
                "La acción no tiene resultado esperado: sin él no se puede medir su cumplimiento.");
        }
        if (!Enum.IsDefined(action.TargetUnit))
        {
            Add(findings, FindingSeverity.Error, "missing-target-unit", code, action, ReviewFields.TargetUnit,
                "El resultado esperado no dice si es una cantidad o un porcentaje.");
        }
        var assigned = context.Responsibles.TryGetValue(action.Id, out var r) && (r.UnitIds.Count > 0 || r.GroupIds.Count > 0);
        if (!assigned && string.IsNullOrWhiteSpace(action.ResponsibleText))
        {
            Add(findings, FindingSeverity.Error, "missing-responsible", code, action, ReviewFields.ResponsibleUnits,
                "La acción no tiene unidad responsable: nadie reportaría su avance.");
        }
        if (string.IsNullOrWhiteSpace(action.IndicatorFormula))
        {
            Add(findings, FindingSeverity.Error, "missing-formula", code, action, ReviewFields.IndicatorFormula,
                "La acción no tiene fórmula del indicador.");
        }
        if (!action.Schedule.Values.Any(q => q != 0))
        {
            Add(findings, FindingSeverity.Error, "missing-schedule", code, action, ReviewFields.Schedule,
                "La acción no tiene programación: ningún mes tiene una cantidad planeada.");
        }
    }

    private static void TargetAgainstGoal(List<ReviewFinding> findings, string code, ActionSnapshot action)
    {
        var goal = action.Goal;
        var stated = GoalQuantities(goal);
        foreach (var n in stated.Where(n => n.IsInconsistent))
        {
            Add(findings, FindingSeverity.Error, "goal-words-digits-differ", code, action, ReviewFields.Goal,
                $"La meta escribe «{n.Text}»: en letras dice {SpanishFormat.Number(n.Words!.Value)} y en cifras {SpanishFormat.Number(n.Digits!.Value)}.");
        }
        if (action.TargetQuantity is not { } target)
        {
            return;
        }
        var percents = GoalPercents(goal);
        var speaksOfPercent = percents.Count > 0 || PercentWords().IsMatch(SpanishText.Fold(goal));
        var distributive = Distributive().IsMatch(SpanishText.Fold(goal));
        if (action.TargetUnit == TargetUnit.Percentage && stated.Count > 0 && !speaksOfPercent && !distributive)
        {
            Add(findings, FindingSeverity.Error, "target-unit-contradicts-goal", code, action, ReviewFields.TargetUnit,
                $"La meta cuenta «{stated[0].Text}», pero el resultado esperado es un porcentaje ({SpanishFormat.Percent(target)}): use una cantidad o reescriba la meta.");
            return;
        }
        if (action.TargetUnit == TargetUnit.Count && speaksOfPercent && stated.Count == 0)
        {
            Add(findings, FindingSeverity.Error, "target-unit-contradicts-goal", code, action, ReviewFields.TargetUnit,
                $"La meta es un porcentaje, pero el resultado esperado es una cantidad ({SpanishFormat.Number(target)}): use un porcentaje o reescriba la meta.");
            return;
        }
        if (action.TargetUnit == TargetUnit.Count && stated.Count > 0 && !speaksOfPercent)
        {
            var values = stated.Select(n => (decimal)n.Value).ToList();
            var matches = values.Contains(target) || values.Sum() == target
                || (distributive && values.Any(v => v > 0 && target % v == 0));
            if (!matches)
            {
                Add(findings, FindingSeverity.Error, "goal-number-differs", code, action, ReviewFields.TargetQuantity,
                    $"La meta dice «{stated[0].Text}» y el resultado esperado es {SpanishFormat.Number(target)}.");
            }
        }
        else if (action.TargetUnit == TargetUnit.Percentage && percents.Count == 1 && percents[0] != target)
        {
            Add(findings, FindingSeverity.Error, "goal-number-differs", code, action, ReviewFields.TargetQuantity,
                $"La meta dice {SpanishFormat.Percent(percents[0])} y el resultado esperado es {SpanishFormat.Percent(target)}.");
        }
    }

    /// <summary>The quantities a goal states: numbers in words and digits in parentheses
    /// (<see cref="SpanishNumberWords.Find"/>), and bare numbers that are not a percentage, a year, a date or a legal
    /// reference («Realizar 4 publicaciones»).</summary>
    public static IReadOnlyList<StatedNumber> GoalQuantities(string? goal)
    {
        if (string.IsNullOrWhiteSpace(goal))
        {
            return [];
        }
        var found = SpanishNumberWords.Find(goal).ToList();
        foreach (Match m in BareNumber().Matches(goal))
        {
            var after = goal[(m.Index + m.Length)..].TrimStart();
            var before = goal[..m.Index].TrimEnd();
            if (after.StartsWith('%') || after.StartsWith(')') || before.EndsWith('(') || IsYear(m.Value)
                || IsLegalReference(goal, m.Index) || FollowedByMonth(after)
                || SpanishText.Fold(after).StartsWith("por ciento", StringComparison.Ordinal))
            {
                continue;
            }
            var value = long.Parse(m.Value.Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
            found.Add(new StatedNumber(null, value, m.Value, m.Index));
        }
        return found.OrderBy(n => n.Index).ToList();
    }

    private static List<decimal> GoalPercents(string goal) =>
        PercentNumber().Matches(goal).Select(m => decimal.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture)).ToList();

    // ---- Warnings -------------------------------------------------------------------------------------------------

    private static void OtherYears(List<ReviewFinding> findings, string code, ActionSnapshot action, int year)
    {
        foreach (var (field, text, name) in new[]
                 {
                     (ReviewFields.Goal, action.Goal, "La meta"),
                     (ReviewFields.Deliverable, action.Deliverable, "El producto"),
                     (ReviewFields.IndicatorFormula, action.IndicatorFormula, "La fórmula del indicador"),
                 })
        {
            var years = YearsIn(text).Where(y => y != year).Distinct().ToList();
            if (years.Count > 0)
            {
                var list = SpanishText.JoinWithY(years.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList());
                Add(findings, FindingSeverity.Warning, "other-year", code, action, field,
                    $"{name} menciona {list}, y el plan es de {year.ToString(CultureInfo.InvariantCulture)}: revise si el año es el correcto.");
            }
        }
    }

    /// <summary>The years <paramref name="text"/> mentions, except those of a legal reference («Resolución 1519 de 2020»,
    /// «Ley 1712 de 2014»).</summary>
    public static IReadOnlyList<int> YearsIn(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }
        var folded = SpanishText.Fold(text);
        var legal = LegalReference().Matches(folded).Select(m => m.Groups["year"].Index).ToHashSet();
        return Year().Matches(folded).Where(m => !legal.Contains(m.Index))
            .Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToList();
    }

    private static void Units(List<ReviewFinding> findings, string code, ActionSnapshot action, PlanReviewContext context)
    {
        var units = context.Units.ToDictionary(u => u.Id);
        var groups = context.Groups.ToDictionary(g => g.Id);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        if (context.Responsibles.TryGetValue(action.Id, out var assigned))
        {
            foreach (var id in assigned.UnitIds)
            {
                if (!units.TryGetValue(id, out var unit) || !unit.IsActive)
                {
                    var name = unit?.Name ?? $"#{id.ToString(CultureInfo.InvariantCulture)}";
                    reported.Add(UnitNameVariants.Key(name));
                    Add(findings, FindingSeverity.Warning, "unit-not-in-catalogue", code, action, ReviewFields.ResponsibleUnits,
                        $"La unidad «{name}» ya no está activa en el catálogo de unidades.");
                }
            }
            foreach (var id in assigned.GroupIds)
            {
                if (groups.TryGetValue(id, out var group) && group.MemberCount == 0 && reported.Add("group:" + group.RuleKey))
                {
                    Add(findings, FindingSeverity.Warning, "group-without-members", code, action, ReviewFields.ResponsibleUnits,
                        $"El grupo «{group.Name}» no tiene unidades: nadie reportaría su parte. Asígnele sus unidades en «Grupos de responsables».");
                }
            }
        }
        var catalogue = context.Units.Where(u => u.IsActive).Select(u => UnitNameVariants.Key(u.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var path in ResponsibleUnitSplitter.Split(action.ResponsibleText))
        {
            var written = string.Join(" / ", path.Path);
            var rule = UnitGroupRules.Recognise(path.Path[0]);
            if (rule is not null)
            {
                var group = context.Groups.FirstOrDefault(g => string.Equals(g.RuleKey, rule.Key, StringComparison.Ordinal));
                if ((group is null || group.MemberCount == 0) && reported.Add("group:" + rule.Key))
                {
                    Add(findings, FindingSeverity.Warning, "group-without-members", code, action, ReviewFields.ResponsibleUnits,
                        $"«{written}» es un grupo sin unidades asignadas: nadie reportaría su parte. Asígnele sus unidades en «Grupos de responsables».");
                }
                continue;
            }
            var key = UnitNameVariants.Key(path.Path[^1]);
            if (key.Length > 0 && !catalogue.Contains(key) && reported.Add(key))
            {
                Add(findings, FindingSeverity.Warning, "unit-not-in-catalogue", code, action, ReviewFields.ResponsibleUnits,
                    $"«{written}» no está en el catálogo de unidades de la entidad.");
            }
        }
    }

    private static void FormulaAgainstGoal(List<ReviewFinding> findings, string code, ActionSnapshot action)
    {
        var formula = action.IndicatorFormula;
        if (string.IsNullOrWhiteSpace(formula))
        {
            return;
        }
        // Four letters, so that «respuestas» meets «respondidas» and «publicaciones» meets «publicar».
        var formulaStems = ContentStems(formula, 4).Where(s => !MeasureStems.Contains(s, StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var goalStems = ContentStems(action.Goal, 4).ToHashSet(StringComparer.Ordinal);
        if (!formulaStems.Overlaps(goalStems))
        {
            Add(findings, FindingSeverity.Warning, "formula-does-not-measure-goal", code, action, ReviewFields.IndicatorFormula,
                $"La fórmula «{Excerpt(formula)}» no nombra nada de lo que la meta se propone («{Excerpt(action.Goal)}»).");
            return;
        }
        var isRatio = Ratio().IsMatch(SpanishText.Fold(formula));
        if (action.TargetUnit == TargetUnit.Percentage && !isRatio)
        {
            Add(findings, FindingSeverity.Warning, "formula-does-not-measure-goal", code, action, ReviewFields.IndicatorFormula,
                "El resultado esperado es un porcentaje, pero la fórmula cuenta en lugar de dividir (no es «… / … × 100» ni dice «porcentaje»).");
        }
        else if (action.TargetUnit == TargetUnit.Count && isRatio && action.TargetQuantity is not null)
        {
            Add(findings, FindingSeverity.Warning, "formula-does-not-measure-goal", code, action, ReviewFields.IndicatorFormula,
                "La fórmula calcula una proporción o un porcentaje, pero el resultado esperado es una cantidad.");
        }
    }

    private static void Duplicates(List<ReviewFinding> findings, PlanSnapshot plan)
    {
        var activities = plan.Components.SelectMany(c => c.Activities).ToList();
        for (var j = 0; j < activities.Count; j++)
        {
            var stems = ContentStems(activities[j].Name).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < j; i++)
            {
                var kind = Similarity(SpanishText.Fold(activities[i].Name), SpanishText.Fold(activities[j].Name), ContentStems(activities[i].Name).ToHashSet(StringComparer.Ordinal), stems);
                if (kind is not null)
                {
                    findings.Add(new ReviewFinding(FindingSeverity.Warning, "duplicate-activity", activities[j].Code, null, ReviewFields.ActivityName,
                        $"La actividad {activities[j].Code} {kind} la actividad {activities[i].Code} («{Excerpt(activities[i].Name)}»)."));
                    break;
                }
            }
        }
        var actions = activities.SelectMany(a => a.Actions.Select(x => (Code: ActionSnapshot.Label(a.Code, x.Order), Action: x,
            Text: SpanishText.Fold($"{x.Description} {x.Goal} {x.Deliverable} {x.IndicatorFormula}"),
            Stems: ContentStems($"{x.Description} {x.Goal} {x.Deliverable} {x.IndicatorFormula}").ToHashSet(StringComparer.Ordinal)))).ToList();
        for (var j = 0; j < actions.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                var kind = Similarity(actions[i].Text, actions[j].Text, actions[i].Stems, actions[j].Stems);
                if (kind is not null)
                {
                    Add(findings, FindingSeverity.Warning, "duplicate-action", actions[j].Code, actions[j].Action, ReviewFields.Description,
                        $"La acción {actions[j].Code} {kind} la acción {actions[i].Code} (descripción, meta, producto y fórmula).");
                    break;
                }
            }
        }
    }

    /// <summary>«repite» when the folded texts are equal, «es casi igual a» when their content words overlap at least
    /// <see cref="NearDuplicateSimilarity"/>, null otherwise.</summary>
    private static string? Similarity(string a, string b, HashSet<string> stemsA, HashSet<string> stemsB)
    {
        if (a.Length > 0 && string.Equals(a, b, StringComparison.Ordinal))
        {
            return "repite";
        }
        if (stemsA.Count < 3 || stemsB.Count < 3)
        {
            return null;
        }
        var common = stemsA.Count(stemsB.Contains);
        var jaccard = (double)common / (stemsA.Count + stemsB.Count - common);
        return jaccard >= NearDuplicateSimilarity ? "es casi igual a" : null;
    }

    // ---- Plain language -------------------------------------------------------------------------------------------

    private static void PlainLanguage(List<ReviewFinding> findings, string code, int? actionId, string field, string? text, bool readability)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        var longest = SpanishReadability.Sentences(text).Select(s => (Sentence: s, Words: SpanishReadability.CountWords(s)))
            .MaxBy(s => s.Words);
        if (longest.Words > LongSentenceWords)
        {
            findings.Add(new ReviewFinding(FindingSeverity.PlainLanguage, "long-sentence", code, actionId, field,
                $"Una frase de {longest.Words} palabras («{Excerpt(longest.Sentence)}»): más de {LongSentenceWords} es difícil de seguir; divídala."));
        }
        if (readability && SpanishReadability.Measure(text) is { } score && score.Words >= ReadabilityMinimumWords
            && score.FernandezHuerta < ReadabilityThreshold)
        {
            findings.Add(new ReviewFinding(FindingSeverity.PlainLanguage, "low-readability", code, actionId, field,
                $"Legibilidad baja: índice de Fernández-Huerta {SpanishFormat.Number(score.FernandezHuerta)}, «{score.BandName}» en la escala INFLESZ "
                + $"({score.Words} palabras, {score.Sentences} frases, {SpanishFormat.Number(Math.Round((decimal)score.Syllables / score.Words, 2))} sílabas por palabra)."));
        }
        var folded = SpanishText.Fold(text);
        foreach (var term in JargonTerms)
        {
            var foldedTerm = SpanishText.Fold(term.Term);
            if (ContainsWords(folded, foldedTerm) && !folded.Contains(SpanishText.Fold(term.Plain), StringComparison.Ordinal))
            {
                findings.Add(new ReviewFinding(FindingSeverity.PlainLanguage, "jargon", code, actionId, field,
                    $"«{term.Term}» es un término que un ciudadano puede no entender; diga «{term.Plain}»."));
            }
        }
    }

    // ---- Shared ---------------------------------------------------------------------------------------------------

    private static void Add(List<ReviewFinding> findings, FindingSeverity severity, string rule, string code, ActionSnapshot action, string field, string message) =>
        findings.Add(new ReviewFinding(severity, rule, code, action.Id, field, message));

    /// <summary>The content words of a text, folded and cut to their first <paramref name="length"/> letters so that
    /// «publicación», «publicaciones» and «publicadas» meet; stop words, number words and words shorter than four
    /// letters are left out.</summary>
    private static IEnumerable<string> ContentStems(string? text, int length = 5) =>
        WordPattern().Matches(SpanishText.Fold(text)).Select(m => m.Value)
            .Where(w => w.Length >= 4 && !StopWords.Contains(w) && !SpanishNumberWords.IsNumberWord(w))
            .Select(w => w.Length > length ? w[..length] : w);

    private static bool ContainsWords(string folded, string term)
    {
        var index = folded.IndexOf(term, StringComparison.Ordinal);
        while (index >= 0)
        {
            var startOk = index == 0 || !char.IsLetterOrDigit(folded[index - 1]);
            var end = index + term.Length;
            var endOk = end == folded.Length || !char.IsLetterOrDigit(folded[end]);
            if (startOk && endOk)
            {
                return true;
            }
            index = folded.IndexOf(term, index + 1, StringComparison.Ordinal);
        }
        return false;
    }

    private static bool IsYear(string digits) =>
        digits.Length == 4 && int.Parse(digits, CultureInfo.InvariantCulture) is >= 1950 and <= 2100;

    private static bool IsLegalReference(string text, int index)
    {
        var before = WordPattern().Matches(SpanishText.Fold(text[..index])).Select(m => m.Value).LastOrDefault();
        return before is not null && (LegalWords.Contains(before, StringComparer.Ordinal) || before is "no" or "n");
    }

    private static bool FollowedByMonth(string after)
    {
        var words = WordPattern().Matches(SpanishText.Fold(after)).Select(m => m.Value).Take(2).ToList();
        return words.Count == 2 && words[0] == "de" && SpanishMonths.FromName(words[1]) is not null;
    }

    private static string Excerpt(string? text)
    {
        var clean = SpanishText.CollapseWhitespace(text);
        return clean.Length <= 80 ? clean : clean[..77].TrimEnd() + "…";
    }

    private static List<JargonTerm> LoadJargon()
    {
        using var stream = typeof(PlanReview).Assembly.GetManifestResourceStream("Vigia.Core.Plans.Review.jargon.json")
            ?? throw new InvalidOperationException("The jargon list is not embedded.");
        return JsonSerializer.Deserialize<List<JargonTerm>>(stream, JsonOptions)
            ?? throw new InvalidOperationException("Empty jargon list.");
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"(?<![\d.,(])(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\d)")]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"(?<n>\d+(?:,\d+)?)\s*%")]
    private static partial Regex PercentNumber();

    [GeneratedRegex(@"\bpor\s*ciento\b|\bporcentaje\b")]
    private static partial Regex PercentWords();

    /// <summary>«una publicación por trámite», «dos informes por organismo», «cada»: the target may be a multiple.</summary>
    [GeneratedRegex(@"\bpor\s+(?!el\b|la\b|los\b|las\b|ciento\b|medio\b|parte\b|lo\b)\p{L}+|\bcada\b")]
    private static partial Regex Distributive();

    [GeneratedRegex(@"/|\bsobre\b|\bporcentaje\b|%|\*\s*100|\bx\s*100\b|\bproporcion\b|\btasa\b|\bdividido\b")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"(?<![\d.,:/-])(?:19[5-9]\d|20\d\d|2100)(?![\d]|[.,]\d)")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:ley|decreto|resolucion|acuerdo|circular|directiva|conpes|ordenanza|sentencia)\s+(?:n[o°º]?\.?\s*)?[\d.]+\s+(?:de|del)\s+(?:ano\s+)?(?<year>\d{4})")]
    private static partial Regex LegalReference();
}
