using System.Globalization;

namespace Vigia.Core.Tests.Colombia;

public sealed class SpanishFormatTests : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentCulture;

    // A server whose own culture writes numbers and dates the other way round must not change what people read.
    public SpanishFormatTests() => CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");

    public void Dispose() => CultureInfo.CurrentCulture = previous;

    [Fact]
    public void LongDate_IsWrittenOutInSpanish()
    {
        Assert.Equal("7 de abril de 2022", SpanishFormat.LongDate(new DateOnly(2022, 4, 7)));
        Assert.Equal("jueves", SpanishFormat.DayName(new DateOnly(2022, 4, 7)));
    }

    [Fact]
    public void DateTime_IsOnColombianTime()
    {
        var instant = new DateTimeOffset(2022, 4, 7, 20, 5, 0, TimeSpan.Zero);

        Assert.StartsWith("7 de abril de 2022, 3:05 p.", SpanishFormat.DateTime(instant), StringComparison.Ordinal);
        Assert.EndsWith(" (hora de Colombia)", SpanishFormat.DateTimeWithZone(instant), StringComparison.Ordinal);
        Assert.Equal("2022-04-07 15:05", SpanishFormat.Timestamp(instant));
        Assert.Equal("2022-04-07 15:05:00", SpanishFormat.Timestamp(instant, seconds: true));
    }

    [Theory]
    [InlineData("5000", "5.000")]
    [InlineData("2.5", "2,5")]
    [InlineData("1234.567", "1.234,57")]
    [InlineData("11", "11")]
    public void Number_UsesDotsForThousandsAndACommaForDecimals(string value, string expected) =>
        Assert.Equal(expected, SpanishFormat.Number(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Input_HasNoThousandsSeparator() => Assert.Equal("1234,5", SpanishFormat.Input(1234.5m));

    [Theory]
    [InlineData("82.55", 2, "82,55 %")]
    [InlineData("82.55", 1, "82,6 %")]
    [InlineData("82.5", 0, "83 %")]
    [InlineData("100", 2, "100 %")]
    public void Percent_HasASpaceBeforeTheSign(string value, int decimals, string expected) =>
        Assert.Equal(expected, SpanishFormat.Percent(decimal.Parse(value, CultureInfo.InvariantCulture), decimals));

    [Theory]
    [InlineData(100, "100 bytes")]
    [InlineData(512 * 1024, "512 KB")]
    [InlineData(1536 * 1024, "1,5 MB")]
    public void FileSize_InBinaryMultiples(long bytes, string expected) => Assert.Equal(expected, SpanishFormat.FileSize(bytes));
}
