namespace Vigia.Core.Tests.Colombia;

public class SpanishMonthsTests
{
    [Fact]
    public void Names_AreLowerCaseAsInRunningText()
    {
        Assert.Equal("septiembre", SpanishMonths.Name(9));
        Assert.Equal("Sep", SpanishMonths.Abbreviation(9));
        Assert.Equal("marzo de 2022", SpanishMonths.NameWithYear(2022, 3));
        Assert.Equal("marzo, junio, septiembre y diciembre", SpanishMonths.List([3, 6, 9, 12]));
    }

    [Theory]
    [InlineData("ENE.", 1)]
    [InlineData("Febrero", 2)]
    [InlineData("SEPT", 9)]
    [InlineData("Setiembre", 9)]
    [InlineData("DIC", 12)]
    [InlineData("MES", null)]
    [InlineData("", null)]
    public void FromName_ReadsMonthHeaders(string word, int? expected) => Assert.Equal(expected, SpanishMonths.FromName(word));

    [Theory]
    [InlineData("Un informe en el mes de Febrero, revisado en marzo", 2)]
    [InlineData("Publicar en SETIEMBRE", 9)]
    [InlineData("Publicar el mar de informes", null)]
    public void FirstNamedIn_NamesOnlyWholeMonthNames(string text, int? expected) => Assert.Equal(expected, SpanishMonths.FirstNamedIn(text));
}
