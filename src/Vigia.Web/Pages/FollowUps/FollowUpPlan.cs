namespace Vigia.Web.Pages.FollowUps;

/// <summary>A plan as the follow-up pages name it.</summary>
public sealed record FollowUpPlan(int Id, string EntityName, int Year, string Title);
