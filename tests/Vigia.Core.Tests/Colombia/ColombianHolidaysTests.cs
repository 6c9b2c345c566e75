using System.Globalization;

namespace Vigia.Core.Tests.Colombia;

public class ColombianHolidaysTests
{
    private static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd");

    private static DateOnly[] Dates(params string[] isoDates) => [.. isoDates.Select(D)];

    [Fact]
    public void Holidays_2026_match_regulation_section_5_with_names()
    {
        (string Date, string Name)[] expected =
        [
            ("2026-01-01", "Año Nuevo"),
            ("2026-01-12", "Día de los Reyes Magos"),
            ("2026-03-23", "Día de San José"),
            ("2026-04-02", "Jueves Santo"),
            ("2026-04-03", "Viernes Santo"),
            ("2026-05-01", "Día del Trabajo"),
            ("2026-05-18", "Ascensión del Señor"),
            ("2026-06-08", "Corpus Christi"),
            ("2026-06-15", "Sagrado Corazón de Jesús"),
            ("2026-06-29", "San Pedro y San Pablo"),
            ("2026-07-20", "Día de la Independencia"),
            ("2026-08-07", "Batalla de Boyacá"),
            ("2026-08-17", "La Asunción de la Virgen"),
            ("2026-10-12", "Día de la Raza"),
            ("2026-11-02", "Día de Todos los Santos"),
            ("2026-11-16", "Independencia de Cartagena"),
            ("2026-12-08", "Día de la Inmaculada Concepción"),
            ("2026-12-25", "Día de Navidad"),
        ];

        var actual = ColombianHolidays.For(2026).Select(h => (h.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), h.Name));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Holidays_2022_match_regulation_section_5_including_weekend_fixed_ones()
    {
        var expected = Dates(
            "2022-01-01", "2022-01-10", "2022-03-21", "2022-04-14", "2022-04-15", "2022-05-01",
            "2022-05-30", "2022-06-20", "2022-06-27", "2022-07-04", "2022-07-20", "2022-08-07",
            "2022-08-15", "2022-10-17", "2022-11-07", "2022-11-14", "2022-12-08", "2022-12-25");

        Assert.Equal(expected, ColombianHolidays.For(2022).Select(h => h.Date));
    }

    [Fact]
    public void Holidays_2024_match_the_official_calendar()
    {
        var expected = Dates(
            "2024-01-01", "2024-01-08", "2024-03-25", "2024-03-28", "2024-03-29", "2024-05-01",
            "2024-05-13", "2024-06-03", "2024-06-10", "2024-07-01", "2024-07-20", "2024-08-07",
            "2024-08-19", "2024-10-14", "2024-11-04", "2024-11-11", "2024-12-08", "2024-12-25");

        Assert.Equal(expected, ColombianHolidays.For(2024).Select(h => h.Date));
    }

    [Fact]
    public void Holidays_2025_have_Sagrado_Corazon_and_San_Pedro_on_the_same_Monday()
    {
        var expected = Dates(
            "2025-01-01", "2025-01-06", "2025-03-24", "2025-04-17", "2025-04-18", "2025-05-01",
            "2025-06-02", "2025-06-23", "2025-06-30", "2025-06-30", "2025-07-20", "2025-08-07",
            "2025-08-18", "2025-10-13", "2025-11-03", "2025-11-17", "2025-12-08", "2025-12-25");

        var holidays = ColombianHolidays.For(2025);

        Assert.Equal(expected, holidays.Select(h => h.Date));
        Assert.Equal(
            ["Sagrado Corazón de Jesús", "San Pedro y San Pablo"],
            holidays.Where(h => h.Date == D("2025-06-30")).Select(h => h.Name));
    }

    [Theory]
    [InlineData(2000, "2000-04-23")]
    [InlineData(2008, "2008-03-23")]
    [InlineData(2011, "2011-04-24")]
    [InlineData(2019, "2019-04-21")]
    [InlineData(2022, "2022-04-17")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")]
    [InlineData(2285, "2285-03-22")]
    public void Easter_follows_the_Gregorian_computus(int year, string expected)
        => Assert.Equal(D(expected), ColombianHolidays.EasterSunday(year));

    [Theory]
    [InlineData(1984)]
    [InlineData(2022)]
    [InlineData(2030)]
    [InlineData(2100)]
    public void Every_year_has_18_holidays_and_the_moved_ones_fall_on_Monday(int year)
    {
        var holidays = ColombianHolidays.For(year);

        Assert.Equal(18, holidays.Count);
        Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
        Assert.All(holidays.Where(h => h.IsMoved), h => Assert.Equal(DayOfWeek.Monday, h.Date.DayOfWeek));
        Assert.Equal(holidays.OrderBy(h => h.Date).Select(h => h.Date), holidays.Select(h => h.Date));
    }

    [Fact]
    public void Moved_holiday_keeps_its_nominal_date()
    {
        var reyes = ColombianHolidays.For(2026).Single(h => h.Name == "Día de los Reyes Magos");

        Assert.Equal(D("2026-01-06"), reyes.NominalDate);
        Assert.Equal(D("2026-01-12"), reyes.Date);
        Assert.True(reyes.IsMoved);
    }

    [Fact]
    public void Holidays_are_cached_per_year()
        => Assert.Same(ColombianHolidays.For(2026), ColombianHolidays.For(2026));

    [Theory]
    [InlineData(1983)]
    [InlineData(10000)]
    public void Years_outside_Ley_51_de_1983_are_rejected(int year)
        => Assert.Throws<ArgumentOutOfRangeException>(() => ColombianHolidays.For(year));

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2026-01-06", false)]
    [InlineData("2026-01-12", true)]
    [InlineData("2022-12-25", true)]
    [InlineData("2026-12-24", false)]
    public void IsHoliday_uses_observed_dates(string date, bool expected)
        => Assert.Equal(expected, ColombianHolidays.IsHoliday(D(date)));
}
