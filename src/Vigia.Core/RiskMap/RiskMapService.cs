using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.RiskMap;

/// <summary>A risk as its form sends it. <paramref name="YesAnswers"/> are the numbers of the questions answered «sí».</summary>
public sealed record RiskDraft(int ProcessId, int Year, string? Code, string? Description, string? Classification,
    bool ActionOrOmission, bool UseOfPower, bool DeviationFromPublicInterest, bool PrivateBenefit,
    string? ImmediateCause, string? RootCause, string? Consequences, int? ActivityFrequency, IReadOnlyCollection<int> YesAnswers,
    string? Treatment);

public sealed record ControlDraft(string? Description, string? ResponsiblePost, string? Type, string? Implementation, string? Documentation,
    string? Frequency, string? Evidence);

public sealed record TreatmentActionDraft(string? Description, int? ResponsibleUnitId, DateOnly? StartDate, DateOnly? EndDate,
    string? Deliverable, string? Indicator, int? PlanActionId);

/// <summary>Form field names of the risk-map forms, for errors placed next to their input.</summary>
public static class RiskFields
{
    public const string Code = nameof(RiskDraft.Code);
    public const string Description = nameof(RiskDraft.Description);
    public const string Classification = nameof(RiskDraft.Classification);
    public const string Elements = "Elements";
    public const string ImmediateCause = nameof(RiskDraft.ImmediateCause);
    public const string RootCause = nameof(RiskDraft.RootCause);
    public const string Consequences = nameof(RiskDraft.Consequences);
    public const string ActivityFrequency = nameof(RiskDraft.ActivityFrequency);
    public const string YesAnswers = nameof(RiskDraft.YesAnswers);
    public const string Treatment = nameof(RiskDraft.Treatment);
    public const string Year = nameof(RiskDraft.Year);
    /// <summary>«Motivo»: why a risk, control or treatment action of a map already published changes.</summary>
    public const string Reason = "Reason";
    public const string ControlDescription = "Control.Description";
    public const string ControlResponsiblePost = "Control.ResponsiblePost";
    public const string ActionDescription = "Action.Description";
    public const string ActionUnit = "Action.ResponsibleUnitId";
    public const string ActionDates = "Action.EndDate";
    public const string ActionDeliverable = "Action.Deliverable";
    public const string ActionIndicator = "Action.Indicator";
    public const string ActionPlanAction = "Action.PlanActionId";

    /// <summary>A control attribute's field (<c>Control.tipo</c>…), keyed by the method's attribute code.</summary>
    public static string ControlAttribute(string code) => $"Control.{code}";
}

/// <summary>
/// Owns every write to the risk map: risks, their controls and their treatment actions. Each save recomputes the
/// risk's inherent and residual positions with the method the risk was assessed with, so a later revision of the
/// method never moves a past assessment. Once the year's map has been published (the writes then go into the draft of
/// its next version), every write needs its «motivo», which the audit trail keeps with the change
/// (<see cref="RiskMapReasons"/>).
/// </summary>
public sealed class RiskMapService(AppDbContext db, RiskMapAccess access, RiskMethodCatalog methods, AuditScope audit, TimeProvider clock)
{
    public const int MaxText = 2000;

    public async Task<Result<Risk>> SaveRiskAsync(Actor actor, int? riskId, RiskDraft draft, string? reason = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        Risk? risk = null;
        if (riskId is { } id)
        {
            risk = await db.Risks.Include(r => r.Method).Include(r => r.Controls).FirstOrDefaultAsync(r => r.Id == id, ct);
            if (risk is null || !await access.CanMaintainAsync(actor, risk.ProcessId, ct))
            {
                return Result.NotFound();
            }
        }
        var processId = risk?.ProcessId ?? draft.ProcessId;
        if (!await db.Processes.AnyAsync(p => p.Id == processId, ct))
        {
            return Result.NotFound("El proceso no existe.");
        }
        if (!await access.CanMaintainAsync(actor, processId, ct))
        {
            return Result.Forbidden("Solo el líder de este proceso o Planeación pueden escribir sus riesgos.");
        }
        if (await LockedAsync(processId, risk?.Year ?? draft.Year, ct) is { } locked)
        {
            return Result.Conflict(locked);
        }
        var method = risk?.Method ?? await methods.LatestAsync(ct: ct);
        if (method is null)
        {
            return Result.Conflict("No hay método de valoración cargado; reinicie la aplicación para cargarlo.");
        }
        var definition = method.Definition();
        var year = risk?.Year ?? draft.Year;
        var errors = Check(definition, draft);
        var code = draft.Code?.Trim() ?? "";
        var entityId = await db.Processes.Where(p => p.Id == processId).Select(p => p.EntityId).SingleAsync(ct);
        var otherId = riskId ?? 0;
        if (code.Length > 0 && await db.Risks.AnyAsync(r => r.Id != otherId && r.Year == year && r.Code == code && r.Process!.EntityId == entityId, ct))
        {
            errors[RiskFields.Code] = $"Ya hay un riesgo con la referencia «{code}» en el mapa de {year}.";
        }
        if (year is < 2000 or > 2100)
        {
            errors[RiskFields.Year] = "Escriba un año de vigencia válido.";
        }
        if (await RiskMapReasons.ErrorAsync(db, entityId, year, reason, ct) is { } reasonError)
        {
            errors[RiskFields.Reason] = reasonError;
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        risk ??= new Risk
        {
            ProcessId = processId,
            Year = year,
            MethodId = method.Id,
            Code = "",
            Description = "",
            Classification = "",
            ImmediateCause = "",
            RootCause = "",
            Consequences = "",
            InherentZone = "",
            ResidualZone = "",
            Treatment = "",
        };
        risk.Code = code;
        risk.Description = draft.Description!.Trim();
        risk.Classification = draft.Classification!.Trim();
        (risk.ActionOrOmission, risk.UseOfPower, risk.DeviationFromPublicInterest, risk.PrivateBenefit) =
            (draft.ActionOrOmission, draft.UseOfPower, draft.DeviationFromPublicInterest, draft.PrivateBenefit);
        risk.ImmediateCause = draft.ImmediateCause!.Trim();
        risk.RootCause = draft.RootCause!.Trim();
        risk.Consequences = draft.Consequences!.Trim();
        risk.ActivityFrequency = draft.ActivityFrequency!.Value;
        risk.ImpactAnswers = RiskAnswers.Format(draft.YesAnswers);
        risk.Treatment = draft.Treatment!.Trim();
        Assess(definition, risk, clock.GetUtcNow());
        if (risk.Id == 0)
        {
            db.Risks.Add(risk);
        }
        await SaveAsync(actor, reason, ct);
        return Result.Saved(risk);
    }

    /// <summary>Adds a control (at the end of the sequence) or changes one, and moves the residual risk.</summary>
    public async Task<Result<RiskControl>> SaveControlAsync(Actor actor, int riskId, int? controlId, ControlDraft draft, string? reason = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var risk = await MaintainedRiskAsync(actor, riskId, ct);
        if (risk is null)
        {
            return Result.NotFound();
        }
        if (await LockedAsync(risk.ProcessId, risk.Year, ct) is { } locked)
        {
            return Result.Conflict(locked);
        }
        var control = controlId is { } cid ? risk.Controls.FirstOrDefault(c => c.Id == cid) : null;
        if (controlId is not null && control is null)
        {
            return Result.NotFound("El control no existe.");
        }
        var definition = risk.Method!.Definition();
        if (definition.Controls is null)
        {
            return Result.Conflict($"El método «{definition.Name}» no valora controles: el riesgo residual se registra tal como viene en el mapa.");
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Require(errors, RiskFields.ControlDescription, draft.Description, "Describa el control: quién, qué hace, para qué, cómo y qué pasa con las desviaciones.");
        Require(errors, RiskFields.ControlResponsiblePost, draft.ResponsiblePost, "Escriba el cargo de quien ejecuta el control.");
        var choice = new ControlChoice(draft.Type ?? "", draft.Implementation ?? "", draft.Documentation, draft.Frequency, draft.Evidence);
        foreach (var (attribute, message) in RiskRules.CheckControl(definition, choice))
        {
            errors[RiskFields.ControlAttribute(attribute)] = message;
        }
        foreach (var attribute in definition.Controls.Attributes.Where(a => !a.Weighted))
        {
            if (string.IsNullOrEmpty(ChosenInformative(attribute.Code, choice)))
            {
                errors[RiskFields.ControlAttribute(attribute.Code)] = $"Elija {attribute.Name.ToLower(SpanishFormat.Culture)}.";
            }
        }
        if (await ReasonErrorAsync(risk, reason, ct) is { } reasonError)
        {
            errors[RiskFields.Reason] = reasonError;
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        if (control is null)
        {
            control = new RiskControl
            {
                Number = risk.Controls.Count == 0 ? 1 : risk.Controls.Max(c => c.Number) + 1,
                Description = "",
                ResponsiblePost = "",
                Type = "",
                Implementation = "",
                Documentation = "",
                Frequency = "",
                Evidence = "",
            };
            risk.Controls.Add(control);
        }
        control.Description = draft.Description!.Trim();
        control.ResponsiblePost = draft.ResponsiblePost!.Trim();
        (control.Type, control.Implementation) = (choice.Type, choice.Implementation);
        (control.Documentation, control.Frequency, control.Evidence) = (choice.Documentation!, choice.Frequency!, choice.Evidence!);
        control.Score = RiskRules.ControlScore(definition, choice);
        Assess(definition, risk, clock.GetUtcNow());
        await SaveAsync(actor, reason, ct);
        return Result.Saved(control);
    }

    /// <summary>Removes a control; the ones after it move up one place and the residual risk is recomputed.</summary>
    public async Task<Result<Risk>> RemoveControlAsync(Actor actor, int riskId, int controlId, string? reason = null, CancellationToken ct = default)
    {
        var risk = await MaintainedRiskAsync(actor, riskId, ct);
        var control = risk?.Controls.FirstOrDefault(c => c.Id == controlId);
        if (risk is null || control is null)
        {
            return Result.NotFound("El control no existe.");
        }
        if (await LockedAsync(risk.ProcessId, risk.Year, ct) is { } locked)
        {
            return Result.Conflict(locked);
        }
        if (await ReasonErrorAsync(risk, reason, ct) is { } reasonError)
        {
            return Result.Invalid(RiskFields.Reason, reasonError);
        }
        risk.Controls.Remove(control);
        db.RiskControls.Remove(control);
        // Two saves keep the (risk, number) index unique on both providers while the numbers close the gap.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        using var _ = audit.Begin(new AuditActor(actor.UserId, actor.Name), RiskMapReasons.Clean(reason));
        await db.SaveChangesAsync(ct);
        var number = 1;
        foreach (var c in risk.Controls.OrderBy(c => c.Number))
        {
            c.Number = number++;
        }
        Assess(risk.Method!.Definition(), risk, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Saved(risk);
    }

    public async Task<Result<RiskTreatmentAction>> AddActionAsync(Actor actor, int riskId, TreatmentActionDraft draft, string? reason = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var risk = await MaintainedRiskAsync(actor, riskId, ct);
        if (risk is null)
        {
            return Result.NotFound();
        }
        if (await LockedAsync(risk.ProcessId, risk.Year, ct) is { } locked)
        {
            return Result.Conflict(locked);
        }
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Require(errors, RiskFields.ActionDescription, draft.Description, "Describa la acción.");
        Require(errors, RiskFields.ActionDeliverable, draft.Deliverable, "Escriba el entregable de la acción.");
        Require(errors, RiskFields.ActionIndicator, draft.Indicator, "Escriba el indicador de la acción.");
        var entityId = await db.Processes.Where(p => p.Id == risk.ProcessId).Select(p => p.EntityId).SingleAsync(ct);
        if (draft.ResponsibleUnitId is not { } unit || !await db.Units.AnyAsync(u => u.Id == unit && u.EntityId == entityId, ct))
        {
            errors[RiskFields.ActionUnit] = "Elija la unidad responsable de la acción.";
        }
        if (draft.StartDate is not { } start || draft.EndDate is not { } end)
        {
            errors[RiskFields.ActionDates] = "Escriba las fechas de inicio y de fin de la acción.";
        }
        else if (end < start)
        {
            errors[RiskFields.ActionDates] = "La fecha de fin no puede ser anterior a la de inicio.";
        }
        if (draft.PlanActionId is { } planAction && !await db.Actions.AnyAsync(a => a.Id == planAction && a.Activity!.Component!.Plan!.EntityId == entityId, ct))
        {
            errors[RiskFields.ActionPlanAction] = "La acción del plan elegida no existe.";
        }
        if (await RiskMapReasons.ErrorAsync(db, entityId, risk.Year, reason, ct) is { } reasonError)
        {
            errors[RiskFields.Reason] = reasonError;
        }
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var action = new RiskTreatmentAction
        {
            RiskId = risk.Id,
            Description = draft.Description!.Trim(),
            ResponsibleUnitId = draft.ResponsibleUnitId!.Value,
            StartDate = draft.StartDate!.Value,
            EndDate = draft.EndDate!.Value,
            Deliverable = draft.Deliverable!.Trim(),
            Indicator = draft.Indicator!.Trim(),
            PlanActionId = draft.PlanActionId,
        };
        db.RiskTreatmentActions.Add(action);
        risk.UpdatedAt = clock.GetUtcNow();
        await SaveAsync(actor, reason, ct);
        return Result.Saved(action);
    }

    /// <summary>Errors by field of a risk's form against <paramref name="method"/>: the four elements, the texts, the
    /// frequency, the questionnaire and a treatment the method allows for corruption risks.</summary>
    public static Dictionary<string, string> Check(RiskMethodDefinition method, RiskDraft draft)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(draft);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Require(errors, RiskFields.Code, draft.Code, "Escriba la referencia del riesgo (por ejemplo, RC-01).", 40);
        Require(errors, RiskFields.Description, draft.Description, "Describa el riesgo: «Posibilidad de …».");
        Require(errors, RiskFields.Classification, draft.Classification, "Escriba la clasificación del riesgo.", 200);
        Require(errors, RiskFields.ImmediateCause, draft.ImmediateCause, "Escriba la causa inmediata.");
        Require(errors, RiskFields.RootCause, draft.RootCause, "Escriba la causa raíz.");
        Require(errors, RiskFields.Consequences, draft.Consequences, "Escriba las consecuencias.");
        var elements = new CorruptionElements(draft.ActionOrOmission, draft.UseOfPower, draft.DeviationFromPublicInterest, draft.PrivateBenefit);
        if (!elements.AllPresent)
        {
            errors[RiskFields.Elements] =
                $"No es un riesgo de corrupción: le falta {SpanishText.JoinWithY(elements.Missing())}. Un riesgo de corrupción reúne los cuatro elementos.";
        }
        if (method.ProbabilityBasis == ProbabilityBasis.Frequency && draft.ActivityFrequency is not >= 0)
        {
            errors[RiskFields.ActivityFrequency] = "Escriba cuántas veces al año se realiza la actividad (un número entero, 0 o más).";
        }
        if (method.CorruptionImpact is { } questionnaire)
        {
            if (draft.YesAnswers.Any(n => questionnaire.Questions.All(q => q.Number != n)))
            {
                errors[RiskFields.YesAnswers] = $"El cuestionario tiene las preguntas 1 a {questionnaire.Questions.Count}.";
            }
            else if (RiskRules.ImpactFromAnswers(method, draft.YesAnswers) is null)
            {
                errors[RiskFields.YesAnswers] = "Responda el cuestionario de impacto: un riesgo de corrupción que se materializa tiene al menos una consecuencia («sí»).";
            }
        }
        if (string.IsNullOrWhiteSpace(draft.Treatment) || method.Treatments.All(t => t.Code != draft.Treatment.Trim()))
        {
            errors[RiskFields.Treatment] = $"Elija el tratamiento: {string.Join(", ", method.Treatments.Where(t => t.AllowedForCorruption).Select(t => t.Name))}.";
        }
        else if (!RiskRules.TreatmentAllowed(method, draft.Treatment.Trim(), corruption: true))
        {
            errors[RiskFields.Treatment] = "Un riesgo de corrupción no se puede aceptar: elija reducir, compartir o evitar.";
        }
        return errors;
    }

    /// <summary>Inherent position from frequency and answers, residual from the controls in their order.</summary>
    internal static void Assess(RiskMethodDefinition method, Risk risk, DateTimeOffset now)
    {
        var probability = RiskRules.ProbabilityFromFrequency(method, risk.ActivityFrequency);
        var impact = RiskRules.ImpactFromAnswers(method, risk.YesAnswers())!.Value;
        var inherent = RiskRules.Position(method, probability, impact);
        (risk.InherentProbability, risk.InherentImpact, risk.InherentZone) = (inherent.Probability, inherent.Impact, inherent.Zone);
        var residual = RiskRules.Residual(method, inherent, corruption: true, risk.Controls.OrderBy(c => c.Number).Select(c => c.Choice()).ToList());
        (risk.ResidualProbability, risk.ResidualImpact, risk.ResidualZone) = (residual.Position.Probability, residual.Position.Impact, residual.Position.Zone);
        (risk.ResidualProbabilityValue, risk.ResidualImpactValue) = (residual.ProbabilityValue, residual.ImpactValue);
        risk.UpdatedAt = now;
    }

    /// <summary>A published map changes only in a draft version (<see cref="RiskMapVersions.ChangeRefusalAsync"/>).</summary>
    private async Task<string?> LockedAsync(int processId, int year, CancellationToken ct)
    {
        var entityId = await db.Processes.Where(p => p.Id == processId).Select(p => p.EntityId).SingleAsync(ct);
        return await RiskMapVersions.ChangeRefusalAsync(db, entityId, year, ct);
    }

    private async Task<string?> ReasonErrorAsync(Risk risk, string? reason, CancellationToken ct)
    {
        var entityId = await db.Processes.Where(p => p.Id == risk.ProcessId).Select(p => p.EntityId).SingleAsync(ct);
        return await RiskMapReasons.ErrorAsync(db, entityId, risk.Year, reason, ct);
    }

    private async Task SaveAsync(Actor actor, string? reason, CancellationToken ct)
    {
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), RiskMapReasons.Clean(reason)))
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<Risk?> MaintainedRiskAsync(Actor actor, int riskId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var risk = await db.Risks.Include(r => r.Method).Include(r => r.Controls).FirstOrDefaultAsync(r => r.Id == riskId, ct);
        return risk is not null && await access.CanMaintainAsync(actor, risk.ProcessId, ct) ? risk : null;
    }

    private static string? ChosenInformative(string code, ControlChoice choice) => code switch
    {
        "documentacion" => choice.Documentation,
        "frecuencia" => choice.Frequency,
        "evidencia" => choice.Evidence,
        _ => null,
    };

    private static void Require(Dictionary<string, string> errors, string field, string? value, string message, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = message;
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = $"El texto es demasiado largo: máximo {max.ToString(SpanishFormat.Culture)} caracteres.";
        }
    }
}
