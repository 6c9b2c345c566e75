using Vigia.Core.Accounts;
using Vigia.Core.Audit;

namespace Vigia.Core.RiskMap;

/// <param name="Answers">Every question of the new method's questionnaire by number, «sí» (true) or «no» (false).</param>
public sealed record ReassessmentDraft(int MethodId, int? ActivityFrequency, IReadOnlyDictionary<int, bool> Answers, string? Reason);

/// <summary>A question of the new method: <paramref name="Carried"/> is the answer the risk already gave to the same
/// question in its method, or null when that method did not ask it and it must be answered again.</summary>
public sealed record ReassessmentQuestion(int Number, string Text, bool? Carried);

/// <summary>What the re-assessment form offers: the newer method, the frequency and answers carried over, and the
/// questions asked again.</summary>
public sealed record ReassessmentOffer(RiskMethod Target, RiskMethodDefinition Definition, int? Frequency, IReadOnlyList<ReassessmentQuestion> Questions);

public static class ReassessmentFields
{
    public const string MethodId = nameof(ReassessmentDraft.MethodId);
    public const string ActivityFrequency = nameof(ReassessmentDraft.ActivityFrequency);
    public const string Answers = nameof(ReassessmentDraft.Answers);
    public const string Reason = nameof(ReassessmentDraft.Reason);
    public const string Controls = "Controls";
}

/// <summary>
/// Re-assesses a risk with a newer method than the one it was assessed with (a later revision of its method, or the
/// current guide over an older one): the frequency and the answers to the questions both methods ask are carried over,
/// the others are asked again, the controls are scored again and the positions computed with the new method. The
/// assessment it replaces is kept as it was (<see cref="RiskAssessment"/>), and a published version keeps the one it
/// froze, so a change of method never rewrites a past assessment.
/// </summary>
public sealed class RiskReassessmentService(AppDbContext db, RiskMapAccess access, AuditScope audit, TimeProvider clock)
{
    /// <summary>The methods newer than <paramref name="current"/>: the latest revision of its own method when it is
    /// later, and the latest revision of the current method when the risk was assessed with another one.</summary>
    public static async Task<IReadOnlyList<RiskMethod>> NewerMethodsAsync(AppDbContext db, RiskMethod current, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(current);
        var codes = new[] { current.Code, RiskMethodCatalog.CurrentCode }.Distinct().ToList();
        var latest = await db.RiskMethods.AsNoTracking().Where(m => codes.Contains(m.Code)).ToListAsync(ct);
        return latest.GroupBy(m => m.Code).Select(g => g.MaxBy(m => m.Revision)!)
            .Where(m => m.Code != current.Code || m.Revision > current.Revision)
            .Where(m => m.Definition() is { CorruptionImpact: not null, Controls: not null })
            .OrderBy(m => m.Code == current.Code ? 0 : 1).ToList();
    }

    /// <summary>The new method's questions, each with the answer carried over from <paramref name="from"/> when that
    /// method asks the same question (the same text, accents and case aside), else none.</summary>
    public static IReadOnlyList<ReassessmentQuestion> CarryOver(RiskMethodDefinition from, IReadOnlyCollection<int> yes, RiskMethodDefinition to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(yes);
        ArgumentNullException.ThrowIfNull(to);
        var asked = (from.CorruptionImpact?.Questions ?? []).GroupBy(q => SpanishText.Fold(q.Text)).ToDictionary(g => g.Key, g => g.First().Number);
        return (to.CorruptionImpact?.Questions ?? []).Select(q => new ReassessmentQuestion(q.Number, q.Text,
            asked.TryGetValue(SpanishText.Fold(q.Text), out var before) ? yes.Contains(before) : null)).ToList();
    }

    /// <summary>The form for re-assessing the risk with <paramref name="methodId"/> (default: the first newer method);
    /// null when the risk is not the actor's to maintain or there is no newer method.</summary>
    public async Task<ReassessmentOffer?> OfferAsync(Actor actor, int riskId, int? methodId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var risk = await db.Risks.AsNoTracking().Include(r => r.Method).FirstOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null || !await access.CanMaintainAsync(actor, risk.ProcessId, ct))
        {
            return null;
        }
        var newer = await NewerMethodsAsync(db, risk.Method!, ct);
        var target = methodId is { } id ? newer.FirstOrDefault(m => m.Id == id) : newer.Count > 0 ? newer[0] : null;
        if (target is null)
        {
            return null;
        }
        var from = risk.Method!.Definition();
        var to = target.Definition();
        int? frequency = from.ProbabilityBasis == ProbabilityBasis.Frequency ? risk.ActivityFrequency : null;
        return new ReassessmentOffer(target, to, frequency, CarryOver(from, risk.YesAnswers(), to));
    }

    public async Task<Result<Risk>> ReassessAsync(Actor actor, int riskId, ReassessmentDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var risk = await db.Risks.Include(r => r.Method).Include(r => r.Controls).FirstOrDefaultAsync(r => r.Id == riskId, ct);
        if (risk is null || !await access.CanMaintainAsync(actor, risk.ProcessId, ct))
        {
            return Result.NotFound();
        }
        var entityId = await db.Processes.Where(p => p.Id == risk.ProcessId).Select(p => p.EntityId).SingleAsync(ct);
        if (await RiskMapVersions.ChangeRefusalAsync(db, entityId, risk.Year, ct) is { } locked)
        {
            return Result.Conflict(locked);
        }
        var newer = await NewerMethodsAsync(db, risk.Method!, ct);
        if (newer.Count == 0)
        {
            return Result.Conflict($"El riesgo {risk.Code} ya está valorado con la revisión más reciente del método: no hay un método más nuevo con que revalorarlo.");
        }
        var target = newer.FirstOrDefault(m => m.Id == draft.MethodId);
        if (target is null)
        {
            return Result.Invalid(ReassessmentFields.MethodId, $"Elija un método más reciente que el del riesgo: {string.Join(" o ", newer.Select(m => $"{m.Name} (revisión {m.Revision})"))}.");
        }
        var method = target.Definition();
        var errors = Check(method, risk, draft);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var reason = draft.Reason!.Trim();
        var number = await db.RiskAssessments.CountAsync(a => a.RiskId == risk.Id, ct) + 1;
        db.RiskAssessments.Add(RiskAssessment.Of(risk, number, now, actor.Name, reason));
        var yes = draft.Answers.Where(a => a.Value).Select(a => a.Key).ToList();
        (risk.MethodId, risk.Method) = (target.Id, target);
        risk.ActivityFrequency = draft.ActivityFrequency!.Value;
        risk.ImpactAnswers = RiskAnswers.Format(yes);
        foreach (var control in risk.Controls)
        {
            control.Score = RiskRules.ControlScore(method, control.Choice());
        }
        RiskMapService.Assess(method, risk, now);
        using (audit.Begin(new AuditActor(actor.UserId, actor.Name), reason))
        {
            await db.SaveChangesAsync(ct);
        }
        return Result.Saved(risk);
    }

    private static Dictionary<string, string> Check(RiskMethodDefinition method, Risk risk, ReassessmentDraft draft)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (draft.ActivityFrequency is not >= 0)
        {
            errors[ReassessmentFields.ActivityFrequency] = "Escriba cuántas veces al año se realiza la actividad (un número entero, 0 o más).";
        }
        var questions = method.CorruptionImpact!.Questions;
        var unanswered = questions.Where(q => !draft.Answers.ContainsKey(q.Number)).Select(q => q.Number.ToString(CultureInfo.InvariantCulture)).ToList();
        if (unanswered.Count > 0)
        {
            errors[ReassessmentFields.Answers] = $"Responda «sí» o «no» a cada pregunta del cuestionario; faltan: {string.Join(", ", unanswered)}.";
        }
        else if (draft.Answers.Keys.Any(n => questions.All(q => q.Number != n)))
        {
            errors[ReassessmentFields.Answers] = $"El cuestionario tiene las preguntas 1 a {questions.Count}.";
        }
        else if (RiskRules.ImpactFromAnswers(method, draft.Answers.Where(a => a.Value).Select(a => a.Key).ToList()) is null)
        {
            errors[ReassessmentFields.Answers] = "Responda el cuestionario de impacto: un riesgo de corrupción que se materializa tiene al menos una consecuencia («sí»).";
        }
        var misfits = risk.Controls.OrderBy(c => c.Number).Where(c => RiskRules.CheckControl(method, c.Choice()).Count > 0).Select(c => c.Number).ToList();
        if (misfits.Count > 0)
        {
            errors[ReassessmentFields.Controls] = $"Los controles {string.Join(", ", misfits)} usan opciones que «{method.Name}» no tiene: no se puede revalorar con este método sin corregirlos.";
        }
        if (!RiskRules.TreatmentAllowed(method, risk.Treatment, corruption: true))
        {
            errors[""] = $"El tratamiento del riesgo no existe o no se permite para riesgos de corrupción en «{method.Name}».";
        }
        var reason = RiskMapReasons.Clean(draft.Reason) ?? "";
        if (reason.Length < RiskMapReasons.MinLength)
        {
            errors[ReassessmentFields.Reason] = $"Explique por qué se revalora el riesgo con el nuevo método (al menos {RiskMapReasons.MinLength} caracteres); queda con la valoración anterior.";
        }
        else if (reason.Length > RiskMapReasons.MaxLength)
        {
            errors[ReassessmentFields.Reason] = $"El motivo puede tener como máximo {RiskMapReasons.MaxLength.ToString("N0", SpanishFormat.Culture)} caracteres.";
        }
        return errors;
    }
}
