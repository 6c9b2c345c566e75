using Vigia.Core.Plans;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

public class SpanishNumberTests
{
    [Theory]
    [InlineData("5.000", 5000, TargetUnit.Count)]
    [InlineData("2.200", 2200, TargetUnit.Count)]
    [InlineData("1.000.000", 1000000, TargetUnit.Count)]
    [InlineData("1.234,5", 1234.5, TargetUnit.Count)]
    [InlineData("0,5", 0.5, TargetUnit.Count)]
    [InlineData("0.5", 0.5, TargetUnit.Count)]
    [InlineData("104", 104, TargetUnit.Count)]
    [InlineData(" 7 ", 7, TargetUnit.Count)]
    [InlineData("5 000", 5000, TargetUnit.Count)]
    [InlineData("100%", 100, TargetUnit.Percentage)]
    [InlineData("100 %", 100, TargetUnit.Percentage)]
    [InlineData("12,5%", 12.5, TargetUnit.Percentage)]
    [InlineData("1,234.5", 1234.5, TargetUnit.Count)]
    [InlineData("-3", -3, TargetUnit.Count)]
    public void TryParse_SpanishNumbers(string text, double expected, TargetUnit unit)
    {
        Assert.True(SpanishNumber.TryParse(text, out var value, out var parsedUnit));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(unit, parsedUnit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("cinco")]
    [InlineData("5 publicaciones")]
    [InlineData("N/A")]
    [InlineData("%")]
    [InlineData("1.2.3")]
    [InlineData("1,2,3")]
    [InlineData("1,234,5.6")]
    public void TryParse_NotNumbers(string? text)
    {
        Assert.False(SpanishNumber.TryParse(text, out _, out _));
    }

    [Fact]
    public void TryParse_WithoutUnit_RejectsPercentages()
    {
        Assert.False(SpanishNumber.TryParse("50%", out _));
        Assert.True(SpanishNumber.TryParse("50", out var value));
        Assert.Equal(50m, value);
    }
}
