namespace Vigia.Core.Progress;

/// <summary>The reporting settings an installation may change (rows of <c>Settings</c>). A missing, unreadable or
/// out-of-range value falls back to the default, so a typo cannot stop reporting.</summary>
public sealed class ProgressSettings(AppDbContext db)
{
    /// <summary>Which business day of the following month closes a month's reporting (default 5).</summary>
    public const string DeadlineBusinessDayKey = "Reportes:DiaHabilLimite";
    public const int DefaultDeadlineBusinessDay = 5;

    /// <summary>How many business days before the deadline the reminder goes out (default 3).</summary>
    public const string ReminderLeadKey = "Recordatorios:DiasHabilesAntes";
    public const int DefaultReminderLead = 3;

    // Every month has at least 15 business days, so any value in range names a real day.
    public Task<int> DeadlineBusinessDayAsync(CancellationToken ct = default) =>
        ReadAsync(DeadlineBusinessDayKey, DefaultDeadlineBusinessDay, 1, 15, ct);

    public Task<int> ReminderLeadAsync(CancellationToken ct = default) =>
        ReadAsync(ReminderLeadKey, DefaultReminderLead, 0, 10, ct);

    private async Task<int> ReadAsync(string key, int fallback, int min, int max, CancellationToken ct)
    {
        var text = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : fallback;
    }
}
