namespace Vigia.Core;

/// <summary>What became of a write. Web turns each status into one kind of response, always the same way.</summary>
public enum ResultStatus
{
    /// <summary>The write was stored; the result carries what was saved.</summary>
    Saved,
    /// <summary>The request breaks a rule; the errors say which, by form field.</summary>
    Invalid,
    /// <summary>The record does not exist, or the person may not see it: the same answer, so nothing is revealed.</summary>
    NotFound,
    /// <summary>The person sees the record but may not do this to it.</summary>
    Forbidden,
    /// <summary>Someone else changed the record first (a review, a correction, a close); the form is stale.</summary>
    Conflict,
}

/// <summary>
/// The outcome of every service write: a <see cref="ResultStatus"/>, the errors in Spanish keyed by form field
/// (<c>""</c> for the whole form), and on success a typed value (an id, the saved record, a small record).
/// </summary>
/// <remarks>
/// <para>One shape for every service, so Web has one place that turns a result into a response and a new service
/// adds no new shape.</para>
/// <para>Details a caller needs on failure travel in the same two members, not in a second shape. Errors about one
/// part of a larger form are keyed by that part's field name, chosen by the service and published as constants next
/// to it (<c>ReportFields</c>, <c>ScheduleFields.Cell(actionId, month)</c> for one cell of the schedule grid), so
/// the page can put each one next to its input. A service whose callers must see the whole account of a refused
/// attempt, not only what stopped it, returns that account as the value of the refusal (<see cref="Result.Refused"/>):
/// the plan importer's numbered notes, warnings included, are printed whether or not the plan was stored, and the risk
/// map importer's notes by row and column likewise. Only the importers do this; elsewhere a refusal has no value and
/// reading it throws.</para>
/// </remarks>
public sealed class Result<T>
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    private readonly T value;
    private readonly bool hasValue;

    internal Result(ResultStatus status, IReadOnlyDictionary<string, string>? errors)
    {
        Status = status;
        Errors = errors ?? NoErrors;
        value = default!;
    }

    internal Result(ResultStatus status, T value, IReadOnlyDictionary<string, string>? errors)
        : this(status, errors)
    {
        this.value = value;
        hasValue = true;
    }

    public ResultStatus Status { get; }

    /// <summary>What was saved; on a refusal, the account of the attempt where the service gives one.</summary>
    /// <exception cref="InvalidOperationException">The write was refused and the service gave no account of it.</exception>
    public T Value => hasValue ? value : throw new InvalidOperationException($"A result with status {Status} has no value.");

    /// <summary>Spanish messages keyed by form field; <c>""</c> is the whole form.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    public bool Succeeded => Status == ResultStatus.Saved;

    public static implicit operator Result<T>(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new Result<T>(failure.Status, failure.Errors);
    }
}

/// <summary>A refused write before it is given the value type of the write it refuses: services return
/// <c>Result.NotFound()</c> from a method typed <c>Result&lt;int&gt;</c> and the conversion does the rest.</summary>
public sealed record Failure(ResultStatus Status, IReadOnlyDictionary<string, string> Errors);

/// <summary>The ways to make a <see cref="Result{T}"/>.</summary>
public static class Result
{
    public const string DefaultNotFoundMessage = "El registro no existe o no está a su cargo.";

    public static Result<T> Saved<T>(T value) => new(ResultStatus.Saved, value, null);

    public static Failure Invalid(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0)
        {
            throw new ArgumentException("An invalid result names at least one error.", nameof(errors));
        }
        return new Failure(ResultStatus.Invalid, errors);
    }

    public static Failure Invalid(string field, string message) => Invalid(One(field, message));

    public static Failure NotFound(string message = DefaultNotFoundMessage) => new(ResultStatus.NotFound, One("", message));

    public static Failure Forbidden(string message) => new(ResultStatus.Forbidden, One("", message));

    public static Failure Conflict(string message) => new(ResultStatus.Conflict, One("", message));

    /// <summary>A refusal that still reports what the service learnt from the attempt (see <see cref="Result{T}"/>).</summary>
    public static Result<T> Refused<T>(Failure failure, T account)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return new Result<T>(failure.Status, account, failure.Errors);
    }

    private static Dictionary<string, string> One(string field, string message) => new() { [field] = message };
}
