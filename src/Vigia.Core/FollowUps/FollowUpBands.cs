namespace Vigia.Core.FollowUps;

/// <summary>The compliance colour band of the OCI format: 0–59 % baja (rojo), 60–79 % media (amarillo),
/// 80–100 % alta (verde). Thresholds come from the settings <c>Cumplimiento:MediaDesde</c> and
/// <c>Cumplimiento:AltaDesde</c>; the percentage is rounded to a whole number (half away from zero) before it is
/// compared, so 59,5 % is media.</summary>
internal sealed record FollowUpBands(int MediaFrom, int AltaFrom)
{
    public const string MediaKey = "Cumplimiento:MediaDesde";
    public const string AltaKey = "Cumplimiento:AltaDesde";

    public static FollowUpBands Default { get; } = new(60, 80);

    public string? BandOf(decimal? percent)
    {
        if (percent is not { } p)
        {
            return null;
        }
        var rounded = Math.Round(p, 0, MidpointRounding.AwayFromZero);
        return rounded >= AltaFrom ? "alta" : rounded >= MediaFrom ? "media" : "baja";
    }

    public static async Task<FollowUpBands> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        var values = await db.Settings.AsNoTracking().Where(s => s.Key == MediaKey || s.Key == AltaKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        var media = Read(values, MediaKey, Default.MediaFrom);
        var alta = Read(values, AltaKey, Default.AltaFrom);
        return media is > 0 and <= 100 && alta is > 0 and <= 100 && media < alta ? new FollowUpBands(media, alta) : Default;
    }

    private static int Read(Dictionary<string, string> values, string key, int fallback) =>
        values.TryGetValue(key, out var text) && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : fallback;
}
