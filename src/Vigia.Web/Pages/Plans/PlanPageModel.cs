using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigia.Core.Data;
using Vigia.Core.Domain;
using Vigia.Core.Plans;

namespace Vigia.Web.Pages.Plans;

public sealed record PlanHeader(int Id, string EntityName, string EntitySlug, PlanKind Kind, int Year, string Title, PlanStatus Status,
    int Version, string? DocumentCode, string? Objective, string? Scope, string? ResponsiblePerson, string? CoordinatingUnit,
    IReadOnlyList<string> ParticipatingUnits)
{
    public string StatusName => Status switch
    {
        PlanStatus.Draft => "Borrador",
        PlanStatus.Published => "Publicado",
        _ => "Cerrado",
    };
}

/// <summary>Resolves /planes/{year}/… and /planes/{entity}/{year}/… to a plan; every public plan page starts here.</summary>
public abstract class PlanPageModel(AppDbContext db, PlanLocator locator) : PageModel
{
    protected AppDbContext Db { get; } = db;

    [FromRoute(Name = "entity")]
    public string? EntitySlug { get; set; }

    [FromRoute(Name = "year")]
    public int Year { get; set; }

    public PlanHeader Plan { get; private set; } = null!;

    /// <summary>The prefix of this plan's public addresses, with the entity only when the request named it.</summary>
    public string PlanPath => EntitySlug is null ? $"/planes/{Year}" : $"/planes/{EntitySlug}/{Year}";

    protected async Task<bool> LoadPlanAsync(CancellationToken ct)
    {
        var location = await locator.FindAsync(EntitySlug, Year, ct);
        if (!location.Found)
        {
            return false;
        }
        Plan = await LoadHeaderAsync(Db, location.PlanId!.Value, ct);
        return true;
    }

    public static async Task<PlanHeader> LoadHeaderAsync(AppDbContext db, int planId, CancellationToken ct)
    {
        var p = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
            .Select(p => new
            {
                p.Id,
                EntityName = p.Entity!.Name,
                p.Entity.Slug,
                p.Kind,
                p.Year,
                p.Title,
                p.Status,
                Version = p.Versions.Max(v => (int?)v.Number) ?? 0,
                p.DocumentCode,
                p.Objective,
                p.Scope,
                p.ResponsiblePerson,
                p.CoordinatingUnit,
                p.ParticipatingUnits,
            })
            .SingleAsync(ct);
        return new PlanHeader(p.Id, p.EntityName, p.Slug, p.Kind, p.Year, p.Title, p.Status, p.Version, p.DocumentCode, p.Objective,
            p.Scope, p.ResponsiblePerson, p.CoordinatingUnit,
            p.ParticipatingUnits?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
    }
}
