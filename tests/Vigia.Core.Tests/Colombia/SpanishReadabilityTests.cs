namespace Vigia.Core.Tests.Colombia;

/// <summary>The syllable counter and the Fernández-Huerta score. The formula is the one legible.es publishes with Law's
/// 2011 correction, L = 206,84 − 0,60 P − 1,02 F (P syllables per hundred words, F words per sentence); the examples
/// below are worked by hand in their comments, syllable by syllable.</summary>
public class SpanishReadabilityTests
{
    [Theory]
    [InlineData("gato", 2)]
    [InlineData("que", 1)]
    [InlineData("guerra", 2)]
    [InlineData("pingüino", 3)]
    [InlineData("día", 2)]
    [InlineData("país", 2)]
    [InlineData("aire", 2)]
    [InlineData("cuidar", 2)]
    [InlineData("cuídate", 3)]
    [InlineData("poeta", 3)]
    [InlineData("hoy", 1)]
    [InlineData("muy", 1)]
    [InlineData("y", 1)]
    [InlineData("mayo", 2)]
    [InlineData("buey", 1)]
    [InlineData("Uruguay", 3)]
    [InlineData("ciudadanía", 5)]
    [InlineData("corrupción", 3)]
    [InlineData("administración", 5)]
    [InlineData("anticorrupción", 5)]
    [InlineData("colaboradores", 6)]
    [InlineData("leer", 2)]
    [InlineData("chiita", 3)]
    public void Syllables_FollowTheSpanishRulesOfDiphthongAndHiatus(string word, int expected)
    {
        Assert.Equal(expected, SpanishSyllables.Count(word));
    }

    [Fact]
    public void Measure_ShortPlainSentence()
    {
        // El(1) ga-to(2) co-me(2) pes-ca-do(3): 8 syllables, 4 words, 1 sentence.
        // 206,84 − 60 × 8/4 − 1,02 × 4 = 206,84 − 120 − 4,08 = 82,76: «muy fácil».
        var score = SpanishReadability.Measure("El gato come pescado.")!;
        Assert.Equal((4, 8, 1, 82.76m), (score.Words, score.Syllables, score.Sentences, score.FernandezHuerta));
        Assert.Equal("muy fácil", score.BandName);
    }

    [Fact]
    public void Measure_TwoSentences()
    {
        // Hoy(1) llue-ve(2). La(1) gen-te(2) u-sa(2) pa-ra-guas(3): 11 syllables, 6 words, 2 sentences.
        // 206,84 − 60 × 11/6 − 1,02 × 3 = 206,84 − 110 − 3,06 = 93,78.
        var score = SpanishReadability.Measure("Hoy llueve. La gente usa paraguas.")!;
        Assert.Equal((6, 11, 2, 93.78m), (score.Words, score.Syllables, score.Sentences, score.FernandezHuerta));
    }

    [Fact]
    public void Measure_TheSeedsGoal63_DigitsAreNotWords()
    {
        // Seed 6.3: Mil(1) co-la-bo-ra-do-res(6) al-can-za-dos(4) en(1) el(1) a-ño(2); «(1000)» is not a word.
        // 15 syllables, 6 words, 1 sentence: 206,84 − 60 × 15/6 − 1,02 × 6 = 206,84 − 150 − 6,12 = 50,72: «algo difícil».
        var score = SpanishReadability.Measure("Mil (1000) colaboradores alcanzados en el año.")!;
        Assert.Equal((6, 15, 1, 50.72m), (score.Words, score.Syllables, score.Sentences, score.FernandezHuerta));
        Assert.Equal(ReadabilityBand.SomewhatDifficult, score.Band);
    }

    [Fact]
    public void Measure_ADotInsideANumberDoesNotEndASentence()
    {
        var score = SpanishReadability.Measure("Cinco mil (5.000) publicaciones en la web. Dos evaluaciones")!;
        Assert.Equal(2, score.Sentences);
    }

    [Theory]
    [InlineData(39.99, "muy difícil")]
    [InlineData(40, "algo difícil")]
    [InlineData(54.99, "algo difícil")]
    [InlineData(55, "normal")]
    [InlineData(65, "bastante fácil")]
    [InlineData(80, "muy fácil")]
    public void Bands_FollowTheInfleszScale(double score, string band)
    {
        Assert.Equal(band, SpanishReadability.BandName(SpanishReadability.BandOf((decimal)score)));
    }

    [Fact]
    public void Measure_NothingToRead_IsNull()
    {
        Assert.Null(SpanishReadability.Measure("  "));
        Assert.Null(SpanishReadability.Measure("(01) 100%"));
    }
}
