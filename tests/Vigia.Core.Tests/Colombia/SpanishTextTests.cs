namespace Vigia.Core.Tests.Colombia;

public class SpanishTextTests
{
    [Theory]
    [InlineData("ALCALDIA DE SANTIAGO DE CALI", "Alcaldía de Santiago de Cali")]
    [InlineData("GOBERNACION DEL VALLE DEL CAUCA", "Gobernación del Valle del Cauca")]
    [InlineData("ALCALDIA MAYOR DE BOGOTA D.C.", "Alcaldía Mayor de Bogotá D.C.")]
    [InlineData("CONTRALORIA GENERAL DE LA REPUBLICA", "Contraloría General de la República")]
    [InlineData("INSTITUTO DE DEPORTES (IMDER)", "Instituto de Deportes (IMDER)")]
    [InlineData("Municipio de Jamundí", "Municipio de Jamundí")]
    [InlineData("  ALCALDÍA   DE  PASTO ", "Alcaldía de Pasto")]
    public void NameCase_CapitalisedNames(string text, string expected)
    {
        Assert.Equal(expected, SpanishText.NameCase(text));
    }

    [Fact]
    public void Fold_RemovesAccentsAndCase()
    {
        // One key in lower case: the importer compares it with its capitalised header words ignoring case.
        Assert.Equal("DESCRIPCION", SpanishText.Fold(" Descripción "), ignoreCase: true);
        Assert.Equal("FORMULA", SpanishText.Fold("FÓRMULA"), ignoreCase: true);
        Assert.Equal(SpanishText.Fold("FÓRMULA"), SpanishText.Fold("fórmula"));
    }

    [Fact]
    public void Fold_IsTheKeyUnitsAreStoredUnder()
    {
        Assert.Equal("subdireccion de gestion organizacional", SpanishText.Fold("  Subdirección de Gestión\u00A0 Organizacional. "));
        Assert.Equal("", SpanishText.Fold(null));
    }

    [Fact]
    public void Slug_OfAnEntityName() => Assert.Equal("alcaldia-de-santiago-de-cali", SpanishText.Slug("Alcaldía de Santiago de Cali"));

    [Fact]
    public void NameOrder_SortsAccentedAndEnyeLettersTheSpanishWay()
    {
        string[] names = ["Ñandú", "oficina", "Nube", "Árbol", "azul"];

        Assert.Equal(["Árbol", "azul", "Nube", "Ñandú", "oficina"], names.Order(SpanishText.NameOrder));
    }

    [Fact]
    public void NameCase_KeepsAFinalFullStopAfterARestoredAccent() =>
        Assert.Equal("Alcaldía Mayor de Bogotá.", SpanishText.NameCase("ALCALDIA MAYOR DE BOGOTA."));
}
