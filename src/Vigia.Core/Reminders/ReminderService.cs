using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigia.Core.Accounts;
using Vigia.Core.Mail;
using Vigia.Core.Progress;


namespace Vigia.Core.Reminders;

/// <summary>
/// E-mail reminders, run once a day by the scheduler:
/// <list type="bullet">
/// <item>to each active Responsable, from <see cref="ProgressSettings.ReminderLeadAsync"/> business days before a
/// month's deadline, when their units (and the units under them) still owe that month's reports;</item>
/// <item>to the same people, once per reporting cycle, when reports are overdue;</item>
/// <item>to each active Líder de componente, once per ISO week, a digest of reports to review and late actions
/// in their components (nothing is sent when there is nothing to say).</item>
/// </list>
/// Each message is logged in <see cref="ReminderLog"/> before it is sent, so it goes out once; a failed send keeps
/// its error there and is tried again by the next run, up to <see cref="ReminderOptions.MaxAttempts"/> runs.
/// </summary>
public sealed class ReminderService(AppDbContext db, IEmailSender sender, ProgressAgenda agenda, ProgressSettings settings,
    TimeProvider clock, IOptions<ReminderOptions> options, ILogger<ReminderService> logger)
{
    private sealed record Person(string Id, string Email, string Name, HashSet<int> UnitIds, HashSet<int> ComponentIds, bool Responsible, bool Leader);

    private sealed record Candidate(ReminderKind Kind, Person Person, string Period, EmailMessage Message);

    public async Task<ReminderRunSummary> RunAsync(CancellationToken ct = default)
    {
        if (!sender.IsConfigured)
        {
            logger.LogInformation("Reminders skipped: e-mail is not configured.");
            return new ReminderRunSummary(0, 0);
        }
        var today = ColombianTime.Today(clock);
        var missing = await agenda.MissingAsync(db.Actions, ct);
        var reviews = await db.ProgressReports.AsNoTracking().Where(r => r.Status == ReportStatus.Submitted)
            .Select(r => new PendingReview(r.Id, r.ActionId, r.Action!.Activity!.Component!.Plan!.Year, r.Month, r.SubmittedAt))
            .ToListAsync(ct);
        var actions = await ActionsAsync(missing.Select(m => m.ActionId).Concat(reviews.Select(r => r.ActionId)).ToHashSet(), ct);
        var people = await PeopleAsync(ct);

        var candidates = new List<Candidate>();
        candidates.AddRange(await ApproachingAsync(people, missing, actions, today, ct));
        candidates.AddRange(await OverdueAsync(people, missing, actions, today, ct));
        candidates.AddRange(Digests(people, missing, reviews, actions, today));

        int sent = 0, failed = 0;
        foreach (var candidate in candidates)
        {
            switch (await DeliverAsync(candidate, ct))
            {
                case true:
                    sent++;
                    break;
                case false:
                    failed++;
                    break;
            }
        }
        logger.LogInformation("Reminders: {Sent} sent, {Failed} failed.", sent, failed);
        return new ReminderRunSummary(sent, failed);
    }

    /// <summary>The month whose deadline is within the lead time, for the people whose units still owe it.</summary>
    private async Task<IEnumerable<Candidate>> ApproachingAsync(List<Person> people, List<MissingReport> missing,
        Dictionary<int, ReminderAction> actions, DateOnly today, CancellationToken ct)
    {
        var lead = await settings.ReminderLeadAsync(ct);
        var due = missing.Where(m => !m.IsLate && today >= BusinessCalendar.Default.AddBusinessDays(m.Deadline, -lead)).ToList();
        return from person in people.Where(p => p.Responsible)
               from month in due.Where(m => Owes(person, m, actions)).GroupBy(m => (m.Year, m.Month, m.Deadline))
               select new Candidate(ReminderKind.DeadlineApproaching, person, ProgressCalendar.MonthPeriod(month.Key.Year, month.Key.Month),
                   ReminderMessages.DeadlineApproaching(person.Email, person.Name, month.Key.Year, month.Key.Month, month.Key.Deadline,
                       month.Select(m => (actions[m.ActionId], m)).ToList(), options.Value.PublicBaseUrl));
    }

    /// <summary>Once per reporting cycle (named after the latest month whose deadline has passed), every overdue
    /// report of the person's units.</summary>
    private async Task<IEnumerable<Candidate>> OverdueAsync(List<Person> people, List<MissingReport> missing,
        Dictionary<int, ReminderAction> actions, DateOnly today, CancellationToken ct)
    {
        var nth = await settings.DeadlineBusinessDayAsync(ct);
        var previous = today.AddMonths(-1);
        var cycle = today > ProgressCalendar.Deadline(previous.Year, previous.Month, nth) ? previous : today.AddMonths(-2);
        var period = ProgressCalendar.MonthPeriod(cycle.Year, cycle.Month);
        var late = missing.Where(m => m.IsLate).ToList();
        return from person in people.Where(p => p.Responsible)
               let items = late.Where(m => Owes(person, m, actions)).Select(m => (actions[m.ActionId], m)).ToList()
               where items.Count > 0
               select new Candidate(ReminderKind.Overdue, person, period,
                   ReminderMessages.Overdue(person.Email, person.Name, items, options.Value.PublicBaseUrl));
    }

    /// <summary>A part of a collective action is owed by its unit's people; anything else by the people of the action's units.</summary>
    private static bool Owes(Person person, MissingReport missing, Dictionary<int, ReminderAction> actions) =>
        missing.UnitId is { } part ? person.UnitIds.Contains(part) : actions[missing.ActionId].UnitIds.Any(person.UnitIds.Contains);

    private IEnumerable<Candidate> Digests(List<Person> people, List<MissingReport> missing, List<PendingReview> reviews,
        Dictionary<int, ReminderAction> actions, DateOnly today)
    {
        var period = ProgressCalendar.WeekPeriod(today);
        return from person in people.Where(p => p.Leader)
               let toReview = reviews.Where(r => person.ComponentIds.Contains(actions[r.ActionId].ComponentId))
                   .Select(r => (actions[r.ActionId], r)).ToList()
               let late = missing.Where(m => m.IsLate && person.ComponentIds.Contains(actions[m.ActionId].ComponentId))
                   .Select(m => (actions[m.ActionId], m)).ToList()
               where toReview.Count + late.Count > 0
               select new Candidate(ReminderKind.WeeklyDigest, person, period,
                   ReminderMessages.WeeklyDigest(person.Email, person.Name, toReview, late, options.Value.PublicBaseUrl));
    }

    /// <summary>How long a claimed reminder that is neither sent nor failed counts as being sent by the instance that
    /// claimed it; after that (the instance died mid-send) another run may retry it.</summary>
    public static readonly TimeSpan InFlightLease = TimeSpan.FromMinutes(15);

    /// <summary>Sends one reminder unless the log says it went out (or was given up, or another instance is sending it);
    /// true when sent, false when the send failed, null when there was nothing to do.</summary>
    private async Task<bool?> DeliverAsync(Candidate candidate, CancellationToken ct)
    {
        var log = await db.ReminderLogs.FirstOrDefaultAsync(l => l.Kind == candidate.Kind && l.UserId == candidate.Person.Id
            && l.Period == candidate.Period, ct);
        var now = clock.GetUtcNow();
        if (log is { SentAt: not null } || log?.Attempts >= options.Value.MaxAttempts
            // Claimed by another instance a moment ago and neither sent nor failed yet: that instance is sending it.
            || log is { LastError: null, LastAttemptAt: { } claimed } && now - claimed < InFlightLease)
        {
            return null;
        }
        if (log is null)
        {
            // The insert is the claim: of two instances inserting the same reminder, one loses on the unique index.
            log = new ReminderLog
            {
                Kind = candidate.Kind,
                UserId = candidate.Person.Id,
                Email = candidate.Person.Email,
                Period = candidate.Period,
                CreatedAt = now,
                Attempts = 1,
                LastAttemptAt = now,
            };
            db.ReminderLogs.Add(log);
        }
        else
        {
            // A retry is claimed by raising the attempt count where it still is what this instance read (a concurrency
            // token): of two instances retrying at once, one updates no row and leaves it to the other.
            log.Attempts++;
            log.Email = candidate.Person.Email;
            log.LastAttemptAt = now;
            log.LastError = null;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || DatabaseErrors.IsLostRace(ex))
        {
            db.ChangeTracker.Clear();
            return null;
        }
        bool delivered;
        try
        {
            await sender.SendAsync(candidate.Message, ct);
            log.SentAt = clock.GetUtcNow();
            log.LastError = null;
            delivered = true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Reminder {Kind} {Period} to {Email} failed (attempt {Attempt}).", candidate.Kind, candidate.Period,
                candidate.Person.Email, log.Attempts);
            log.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            delivered = false;
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return delivered;
    }

    private async Task<Dictionary<int, ReminderAction>> ActionsAsync(HashSet<int> ids, CancellationToken ct)
    {
        var rows = await db.Actions.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Activity!.Code, a.Order, a.Description, a.Activity.ComponentId, Units = a.ResponsibleUnits.Select(u => u.UnitId).ToList() })
            .ToListAsync(ct);
        return rows.ToDictionary(a => a.Id, a => new ReminderAction(a.Id, a.Code, a.Order, a.Description, a.ComponentId, a.Units));
    }

    /// <summary>Active people with an address, their roles, their units with every unit under them (as
    /// <c>ActionAccess</c> decides who reports), and the components they lead.</summary>
    private async Task<List<Person>> PeopleAsync(CancellationToken ct)
    {
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, Units = u.Units.Select(x => x.UnitId).ToList(), Components = u.Components.Select(c => c.ComponentId).ToList() })
            .ToListAsync(ct);
        var tree = (await db.Units.Select(u => new { u.Id, u.ParentId }).ToListAsync(ct))
            .Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        return users.Select(u => new Person(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName,
                WithDescendants(u.Units, tree), u.Components.ToHashSet(),
                roles[u.Id].Contains(Roles.Responsible), roles[u.Id].Contains(Roles.ComponentLeader)))
            .ToList();
    }

    private static HashSet<int> WithDescendants(List<int> own, ILookup<int, int> children)
    {
        var result = new HashSet<int>(own);
        var queue = new Queue<int>(own);
        while (queue.TryDequeue(out var id))
        {
            foreach (var child in children[id].Where(result.Add))
            {
                queue.Enqueue(child);
            }
        }
        return result;
    }
}
