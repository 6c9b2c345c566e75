namespace Vigia.Core.Tests.Colombia;

public class SpanishNumberWordsTests
{
    [Theory]
    [InlineData("una", 1)]
    [InlineData("Un", 1)]
    [InlineData("uno", 1)]
    [InlineData("cinco", 5)]
    [InlineData("once", 11)]
    [InlineData("dieciséis", 16)]
    [InlineData("dieciseis", 16)]
    [InlineData("veintiuna", 21)]
    [InlineData("veintidós", 22)]
    [InlineData("veintiocho", 28)]
    [InlineData("treinta y nueve", 39)]
    [InlineData("cien", 100)]
    [InlineData("ciento veinte", 120)]
    [InlineData("ciento treinta y dos", 132)]
    [InlineData("quinientos", 500)]
    [InlineData("Quinientas", 500)]
    [InlineData("doscientas cincuenta", 250)]
    [InlineData("Mil", 1000)]
    [InlineData("dos mil", 2000)]
    [InlineData("DOS MIL VEINTIDÓS", 2022)]
    [InlineData("cinco mil", 5000)]
    [InlineData("mil quinientos", 1500)]
    [InlineData("un millón", 1_000_000)]
    [InlineData("un millón doscientos mil", 1_200_000)]
    [InlineData("dos millones", 2_000_000)]
    public void TryParse_ReadsNumbersInFull(string words, long expected)
    {
        Assert.True(SpanishNumberWords.TryParse(words, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cinco gatos")]
    [InlineData("y cinco")]
    [InlineData("treinta y")]
    [InlineData("veinte y uno")]
    public void TryParse_RefusesWhatIsNotANumber(string words)
    {
        Assert.False(SpanishNumberWords.TryParse(words, out _));
    }

    [Fact]
    public void Find_ReadsWordsAndTheirDigits_AsGoalsWriteThem()
    {
        var found = SpanishNumberWords.Find("Realizar una (01) publicación del PAAC y los treinta y nueve (39) mapas de riesgos");

        Assert.Collection(found,
            n => Assert.Equal((1L, 1L, "una (01)"), (n.Words!.Value, n.Digits!.Value, n.Text)),
            n => Assert.Equal((39L, 39L, "treinta y nueve (39)"), (n.Words!.Value, n.Digits!.Value, n.Text)));
    }

    [Theory]
    [InlineData("Realizar cinco (05) mesas de trabajo", 5, 5)]
    [InlineData("Quinientos (500) colaboradores capacitados", 500, 500)]
    [InlineData("Mil (1000) colaboradores alcanzados", 1000, 1000)]
    [InlineData("Cinco mil (5.000) publicaciones", 5000, 5000)]
    [InlineData("Realizar once monitoreos", 11, null)]
    [InlineData("Actualizar (01) política", null, 1)]
    public void Find_OneQuantity(string text, int? words, int? digits)
    {
        var n = Assert.Single(SpanishNumberWords.Find(text));
        Assert.Equal((words, digits), ((int?)n.Words, (int?)n.Digits));
    }

    [Fact]
    public void Find_TellsWordsFromDigitsThatDisagree()
    {
        var n = Assert.Single(SpanishNumberWords.Find("Realizar cinco (06) mesas"));
        Assert.True(n.IsInconsistent);
        Assert.Equal(6, n.Value);
    }

    [Theory]
    [InlineData("Disponer de un espacio en la página web")]
    [InlineData("Una estrategia consolidada")]
    [InlineData("Plan Anticorrupción (PAAC)")]
    [InlineData("")]
    public void Find_AnArticleIsNotAQuantity(string text)
    {
        Assert.Empty(SpanishNumberWords.Find(text));
    }
}
