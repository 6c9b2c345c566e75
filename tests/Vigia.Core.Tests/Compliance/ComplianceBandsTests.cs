using Vigia.Core.Compliance;

namespace Vigia.Core.Tests.Compliance;

public class ComplianceBandsTests
{
    [Theory]
    [InlineData(0, ComplianceLevel.Low)]
    [InlineData(59, ComplianceLevel.Low)]
    [InlineData(59.4, ComplianceLevel.Low)]
    [InlineData(59.5, ComplianceLevel.Medium)]
    [InlineData(60, ComplianceLevel.Medium)]
    [InlineData(79.49, ComplianceLevel.Medium)]
    [InlineData(79.5, ComplianceLevel.High)]
    [InlineData(80, ComplianceLevel.High)]
    [InlineData(100, ComplianceLevel.High)]
    public void Default_DafpScale_RoundsToAWholeNumberFirst(double percent, ComplianceLevel expected) =>
        Assert.Equal(expected, ComplianceBands.Default.Classify((decimal)percent));

    [Fact]
    public void Settings_MoveTheThresholds()
    {
        var bands = ComplianceBands.FromSettings(new Dictionary<string, string>
        {
            [ComplianceBands.MediumFromKey] = "50",
            [ComplianceBands.HighFromKey] = " 90 ",
        });

        Assert.Equal(new ComplianceBands(50, 90), bands);
        Assert.Equal(ComplianceLevel.Medium, bands.Classify(85));
        Assert.Equal(ComplianceLevel.Medium, bands.Classify(50));
        Assert.Equal(ComplianceLevel.Low, bands.Classify(49));
    }

    [Theory]
    [InlineData("80", "60")]
    [InlineData("0", "80")]
    [InlineData("60", "101")]
    [InlineData("sesenta", "80")]
    public void Settings_Inconsistent_FallBackToTheDafpScale(string medium, string high) =>
        Assert.Equal(ComplianceBands.Default, ComplianceBands.FromSettings(new Dictionary<string, string>
        {
            [ComplianceBands.MediumFromKey] = medium,
            [ComplianceBands.HighFromKey] = high,
        }));

    [Fact]
    public void Levels_AlwaysHaveAWordAndAColourName()
    {
        Assert.Equal("Alta", ComplianceLevels.Name(ComplianceLevel.High));
        Assert.Equal("amarillo", ComplianceLevels.Colour(ComplianceLevel.Medium));
        Assert.Equal("level-low", ComplianceLevels.CssClass(ComplianceLevel.Low));
        Assert.Equal("media", ComplianceLevels.Code(ComplianceLevel.Medium));
    }

    [Theory]
    [InlineData(ComplianceLevel.High, "alta")]
    [InlineData(ComplianceLevel.Medium, "media")]
    [InlineData(ComplianceLevel.Low, "baja")]
    public void Codes_ReadBackAsTheirLevel(ComplianceLevel level, string code)
    {
        Assert.Equal(code, ComplianceLevels.Code(level));
        Assert.Equal(level, ComplianceLevels.FromCode(code));
    }

    [Fact]
    public void UnknownCode_HasNoLevel() => Assert.Null(ComplianceLevels.FromCode("Alta"));
}
