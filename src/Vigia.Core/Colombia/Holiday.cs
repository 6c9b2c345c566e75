namespace Vigia.Core.Colombia;

/// <summary>A Colombian public holiday (día festivo) as observed in one year.</summary>
/// <param name="Date">The day it is observed (after the Ley Emiliani move to Monday, if any).</param>
/// <param name="Name">Spanish name, for display.</param>
/// <param name="NominalDate">The date the holiday commemorates before any move (equal to
/// <paramref name="Date"/> for fixed and Holy Week holidays).</param>
public sealed record Holiday(DateOnly Date, string Name, DateOnly NominalDate)
{
    /// <summary>True when Ley 51 de 1983 moved the holiday to the following Monday.</summary>
    public bool IsMoved => Date != NominalDate;
}
