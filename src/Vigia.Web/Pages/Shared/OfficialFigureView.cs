using Vigia.Core.Compliance;

namespace Vigia.Web.Pages.Shared;

/// <summary>What <c>_OfficialFigure</c> prints: one node (the plan or a component) of a computed <see cref="PlanCompliance"/>.</summary>
/// <param name="Subject">«El plan», «El componente 3»: the subject of the empty state when nothing is scheduled.</param>
public sealed record OfficialFigureView(PlanCompliance Result, ComplianceNode Node, string Subject, string DashboardUrl);
