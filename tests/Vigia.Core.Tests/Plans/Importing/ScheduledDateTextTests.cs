using System.Globalization;
using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>The «Fecha programada» texts real DAFP templates carry, read into months of the plan's year.</summary>
public class ScheduledDateTextTests
{
    private static string Months(string text) =>
        ScheduledDateText.Read(text) is { } read ? string.Join(",", read.Months) : "ilegible";

    [Theory]
    // One date or month.
    [InlineData("Marzo de 2023", "3")]
    [InlineData("marzo 2023", "3")]
    [InlineData("JULIO DE 2023", "7")]
    [InlineData("31/03/2023", "3")]
    [InlineData("31-03-23", "3")]
    [InlineData("2023-03-31", "3")]
    [InlineData("31 de marzo de 2023", "3")]
    [InlineData("Setiembre", "9")]
    [InlineData("Dic. 2023", "12")]
    // Frequencies: the month that closes each period of the calendar year.
    [InlineData("Permanente", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("PERMANENTE", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Continuo", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Mensual", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Mensualmente", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Todo el año", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Cada mes", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Bimestral", "2,4,6,8,10,12")]
    [InlineData("Trimestral", "3,6,9,12")]
    [InlineData("Trimestralmente", "3,6,9,12")]
    [InlineData("Cada trimestre", "3,6,9,12")]
    [InlineData("Cuatrimestral", "4,8,12")]
    [InlineData("Semestral", "6,12")]
    [InlineData("Anual", "12")]
    [InlineData("Una vez al año", "12")]
    [InlineData("Trimestral 2023", "3,6,9,12")]
    // Ranges: every month from the first to the last.
    [InlineData("Enero a diciembre", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Enero a Diciembre de 2023", "1,2,3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Febrero - Noviembre de 2023", "2,3,4,5,6,7,8,9,10,11")]
    [InlineData("Febrero – Noviembre", "2,3,4,5,6,7,8,9,10,11")]
    [InlineData("Del 1 de marzo al 30 de junio", "3,4,5,6")]
    [InlineData("Del 1 de marzo de 2023 al 30 de junio de 2023", "3,4,5,6")]
    [InlineData("Desde abril hasta agosto", "4,5,6,7,8")]
    [InlineData("Entre abril y junio", "4,5,6")]
    [InlineData("01/02/2023 a 30/04/2023", "2,3,4")]
    // Lists.
    [InlineData("Marzo, julio y noviembre", "3,7,11")]
    [InlineData("Marzo, Julio, Noviembre", "3,7,11")]
    [InlineData("31/03/2023 y 31/07/2023", "3,7")]
    [InlineData("30 de junio y 30 de diciembre", "6,12")]
    [InlineData("Abril, agosto y diciembre de 2023", "4,8,12")]
    // Periods of the year.
    [InlineData("Primer semestre", "1,2,3,4,5,6")]
    [InlineData("Segundo semestre", "7,8,9,10,11,12")]
    [InlineData("II semestre 2023", "7,8,9,10,11,12")]
    [InlineData("I trimestre", "1,2,3")]
    [InlineData("IV trimestre", "10,11,12")]
    [InlineData("Cuarto trimestre", "10,11,12")]
    [InlineData("1er semestre", "1,2,3,4,5,6")]
    [InlineData("Semestre 2", "7,8,9,10,11,12")]
    [InlineData("Primer y tercer trimestre", "1,2,3,7,8,9")]
    [InlineData("Segundo cuatrimestre", "5,6,7,8")]
    // A frequency inside a range or from a month.
    [InlineData("Mensual de marzo a diciembre", "3,4,5,6,7,8,9,10,11,12")]
    [InlineData("Trimestral a partir de abril", "6,9,12")]
    [InlineData("Permanente desde febrero", "2,3,4,5,6,7,8,9,10,11,12")]
    // A frequency with its months listed: the list wins.
    [InlineData("Trimestral: marzo, junio, septiembre y diciembre", "3,6,9,12")]
    // On demand: no month fixed.
    [InlineData("Cada vez que se requiera", "")]
    [InlineData("A demanda", "")]
    [InlineData("Por demanda", "")]
    [InlineData("Cuando se requiera", "")]
    [InlineData("Según necesidad", "")]
    public void Read_ReadableTexts_GiveTheirMonths(string text, string months) => Assert.Equal(months, Months(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Por definir")]
    [InlineData("Cuando se pueda")]
    [InlineData("N/A")]
    [InlineData("2023")]
    [InlineData("31/02/2023")]
    [InlineData("15/13/2023")]
    [InlineData("Noviembre a febrero")]
    [InlineData("Quinto semestre")]
    public void Read_UnreadableTexts_AreNull(string text) => Assert.Null(ScheduledDateText.Read(text));

    [Fact]
    public void Read_KeepsTheYearTheTextNames()
    {
        Assert.Equal(2024, ScheduledDateText.Read("Marzo de 2024")!.Year);
        Assert.Equal(2023, ScheduledDateText.Read("31/03/23")!.Year);
        Assert.Null(ScheduledDateText.Read("Trimestral")!.Year);
    }

    [Fact]
    public void FromDate_IsTheDatesMonth()
    {
        var read = ScheduledDateText.FromDate(new DateTime(2023, 4, 28, 0, 0, 0, DateTimeKind.Unspecified));
        Assert.Equal([4], read.Months);
        Assert.Equal(2023, read.Year);
    }

    [Theory]
    [InlineData("Trimestral", "marzo, junio, septiembre y diciembre")]
    [InlineData("Permanente", "todos los meses (enero a diciembre)")]
    [InlineData("A demanda", "ningún mes fijo (a demanda)")]
    [InlineData("Marzo de 2023", "marzo")]
    [InlineData("Semestral", "junio y diciembre")]
    public void Reading_SaysTheMonthsInWords(string text, string reading) => Assert.Equal(reading, ScheduledDateText.Read(text)!.Reading);

    [Theory]
    [InlineData("Marzo", "1")]
    [InlineData("Semestral", "0.5,0.5")]
    [InlineData("Trimestral", "0.25,0.25,0.25,0.25")]
    [InlineData("Cuatrimestral", "0.3333,0.3333,0.3334")]
    [InlineData("Permanente", "0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.0833,0.0837")]
    [InlineData("A demanda", "")]
    public void Shares_SplitTheRowsOneUnit_AddingUpToExactlyOne(string text, string shares)
    {
        var split = ScheduledDateText.Read(text)!.Shares();
        Assert.Equal(shares, string.Join(",", split.Select(s => s.ToString(CultureInfo.InvariantCulture))));
        if (split.Count > 0)
        {
            Assert.Equal(1m, split.Sum());
        }
    }
}
