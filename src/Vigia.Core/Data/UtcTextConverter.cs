using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vigia.Core.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as fixed-width UTC text ("2024-05-03 19:15:16.123456+00:00").
/// SQLite has no date type and EF Core refuses to compare <see cref="DateTimeOffset"/> columns there; text of
/// one width and one offset sorts and compares exactly like the instants it holds, so range filters work.</summary>
public sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => DateTimeOffset.Parse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUniversalTime())
{
    public const string Format = "yyyy'-'MM'-'dd' 'HH':'mm':'ss'.'ffffff'+00:00'";
}
