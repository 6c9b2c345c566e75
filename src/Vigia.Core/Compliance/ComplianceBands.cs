namespace Vigia.Core.Compliance;

/// <summary>The DAFP colour scale ("semáforo") of a compliance percentage.</summary>
public enum ComplianceLevel
{
    /// <summary>Zona baja, rojo.</summary>
    Low = 1,
    /// <summary>Zona media, amarillo.</summary>
    Medium = 2,
    /// <summary>Zona alta, verde.</summary>
    High = 3,
}

/// <summary>Where the bands start, in whole percentage points: by default 0–59 baja, 60–79 media, 80–100 alta.
/// A percentage is rounded to a whole number (half away from zero) before it is classified, so 59,5 % is media.</summary>
public sealed record ComplianceBands(int MediumFrom = ComplianceBands.DefaultMediumFrom, int HighFrom = ComplianceBands.DefaultHighFrom)
{
    public const int DefaultMediumFrom = 60;
    public const int DefaultHighFrom = 80;

    /// <summary>AppSetting key: first whole percentage of the "media" band.</summary>
    public const string MediumFromKey = "Cumplimiento:MediaDesde";

    /// <summary>AppSetting key: first whole percentage of the "alta" band.</summary>
    public const string HighFromKey = "Cumplimiento:AltaDesde";

    public static ComplianceBands Default { get; } = new();

    /// <summary>The percentage as shown on screen and used for the band: a whole number.</summary>
    public static int Round(decimal percent) => (int)Math.Round(percent, 0, MidpointRounding.AwayFromZero);

    public ComplianceLevel Classify(decimal percent)
    {
        var rounded = Round(percent);
        return rounded >= HighFrom ? ComplianceLevel.High : rounded >= MediumFrom ? ComplianceLevel.Medium : ComplianceLevel.Low;
    }

    public ComplianceLevel? Classify(decimal? percent) => percent is { } p ? Classify(p) : null;

    /// <summary>True when 0 &lt; media &lt; alta ≤ 100.</summary>
    public bool IsValid => MediumFrom > 0 && MediumFrom < HighFrom && HighFrom <= 100;

    /// <summary>The bands stored in the settings table; a missing, unreadable or inconsistent pair falls back to the DAFP defaults.</summary>
    public static async Task<ComplianceBands> LoadAsync(AppDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var values = await db.Settings.AsNoTracking().Where(s => s.Key == MediumFromKey || s.Key == HighFromKey)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return FromSettings(values);
    }

    public static ComplianceBands FromSettings(IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var bands = new ComplianceBands(Read(settings, MediumFromKey, DefaultMediumFrom), Read(settings, HighFromKey, DefaultHighFrom));
        return bands.IsValid ? bands : Default;
    }

    private static int Read(IReadOnlyDictionary<string, string> settings, string key, int fallback) =>
        settings.TryGetValue(key, out var text) && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : fallback;
}

/// <summary>How a band reads on screen: always a word, never a colour alone.</summary>
public static class ComplianceLevels
{
    /// <summary>"Alta", "Media", "Baja".</summary>
    public static string Name(ComplianceLevel level) => level switch
    {
        ComplianceLevel.High => "Alta",
        ComplianceLevel.Medium => "Media",
        _ => "Baja",
    };

    /// <summary>The colour of the DAFP scale, in words: "verde", "amarillo", "rojo".</summary>
    public static string Colour(ComplianceLevel level) => level switch
    {
        ComplianceLevel.High => "verde",
        ComplianceLevel.Medium => "amarillo",
        _ => "rojo",
    };

    /// <summary>The badge class of site.css: level-high, level-medium, level-low.</summary>
    public static string CssClass(ComplianceLevel level) => level switch
    {
        ComplianceLevel.High => "level-high",
        ComplianceLevel.Medium => "level-medium",
        _ => "level-low",
    };

    /// <summary>The machine name used in JSON and in the frozen follow-up snapshots: "alta", "media", "baja". Written
    /// out rather than derived from <see cref="Name"/>, because stored snapshots must keep reading the same.</summary>
    public static string Code(ComplianceLevel level) => level switch
    {
        ComplianceLevel.High => "alta",
        ComplianceLevel.Medium => "media",
        _ => "baja",
    };

    /// <summary>The level of a <see cref="Code"/>; null for none or an unknown code.</summary>
    public static ComplianceLevel? FromCode(string? code) => code switch
    {
        "alta" => ComplianceLevel.High,
        "media" => ComplianceLevel.Medium,
        "baja" => ComplianceLevel.Low,
        _ => null,
    };
}
