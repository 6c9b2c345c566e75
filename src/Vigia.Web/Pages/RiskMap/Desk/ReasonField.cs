namespace Vigia.Web.Pages.RiskMap.Desk;

/// <summary>One form's «Motivo» field (<c>_ReasonField</c>): its id on the page, whether the write needs it, and, for the
/// form that was posted, what was written and its error.</summary>
public sealed record ReasonField(string Id, bool Shown, bool Posted, string? Value,
    string Hint = "El mapa ya fue publicado: cada cambio dice por qué (al menos 10 caracteres); queda en el historial.");
