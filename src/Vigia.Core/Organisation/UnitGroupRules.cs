namespace Vigia.Core.Organisation;

/// <summary>One kind of collective responsible: the group's name and the starts of the folded texts that denote it.</summary>
public sealed record UnitGroupRule(string Key, string Name, IReadOnlyList<string> FoldedStarts);

/// <summary>The collectives a plan names as responsible, written once as data: a text denotes a group when its folded form
/// (<see cref="SpanishText.Fold"/>) starts with one of the rule's starts. Order matters: the more specific rule first
/// («organismos que suscriben…» is not «todos los organismos»).</summary>
public static class UnitGroupRules
{
    public static IReadOnlyList<UnitGroupRule> All { get; } =
    [
        new("organismos-que-suscriben", "Organismos que suscriben el plan de racionalización",
            ["organismos que suscriben", "organismos que suscribieron", "organismos firmantes"]),
        new("organismos-no-misionales", "Organismos no misionales", ["organismos no misionales"]),
        new("organismos-misionales", "Organismos misionales", ["organismos misionales"]),
        new("organismos-con-tramites", "Organismos responsables de trámites y servicios",
            ["organismos responsables de tramites", "organismos con tramites"]),
        new("procesos-con-materializaciones", "Procesos que reportan materializaciones",
            ["solo los procesos que reportan materializaciones", "procesos que reportan materializaciones"]),
        new("todos-los-organismos", "Todos los organismos de la Administración",
            ["todos los organismos", "todas las dependencias", "todos los organismos y unidades", "todas las unidades administrativas"]),
        new("todos-los-procesos", "Todos los procesos de la entidad", ["todos los procesos", "todos los lideres de proceso", "lideres de cada proceso"]),
        new("lideres-de-componente", "Líderes de cada componente del plan", ["lideres de cada componente", "lideres de componente", "lideres de los componentes"]),
    ];

    /// <summary>The rule <paramref name="text"/> falls under, or null when it names a unit.</summary>
    public static UnitGroupRule? Recognise(string? text)
    {
        var folded = SpanishText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }
        return All.FirstOrDefault(r => r.FoldedStarts.Any(s => folded.StartsWith(s, StringComparison.Ordinal)
            && (folded.Length == s.Length || !char.IsLetterOrDigit(folded[s.Length]))));
    }
}
