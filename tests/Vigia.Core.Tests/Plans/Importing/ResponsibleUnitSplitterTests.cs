using Vigia.Core.Plans.Importing;

namespace Vigia.Core.Tests.Plans.Importing;

public class ResponsibleUnitSplitterTests
{
    private const string Dadii = "Departamento Administrativo de Desarrollo e Innovación Institucional";
    private const string Tramites = "Subdirección de Trámites, Servicios y Gestión Documental";

    private static string[][] Split(string text) => ResponsibleUnitSplitter.Split(text).Select(p => p.Path.ToArray()).ToArray();

    [Fact]
    public void Split_ParentSlashSubdirection_IsOnePathOfTwo()
    {
        Assert.Equal(
            [[Dadii, "Subdirección de Gestión Organizacional"]],
            Split("Departamento Administrativo de Desarrollo e Innovación Institucional / Subdirección de Gestión Organizacional."));
    }

    [Theory]
    [InlineData("Secretaría de Desarrollo Territorial y Participación Ciudadana.")]
    [InlineData("Departamento Administrativo de Tecnologías de la Información y las Comunicaciones.")]
    [InlineData("Todos los organismos y Unidades Administrativas Especiales")]
    [InlineData("Todos los organismos de la Administración Central Municipal que poseen trámites y/o servicios.")]
    [InlineData("Departamento Administrativo de Control Interno DACI")]
    [InlineData("Organismos no misionales de la Alcaldía Distrital de Cali")]
    public void Split_NamesWithYOrSlashInside_StayWhole(string text)
    {
        var path = Assert.Single(ResponsibleUnitSplitter.Split(text));
        Assert.Equal(text.TrimEnd('.'), Assert.Single(path.Path));
    }

    [Theory]
    [InlineData("Todos los procesos de la entidad")]
    [InlineData("Líderes de cada componente del PAAC")]
    [InlineData("Solo los procesos que reportan materializaciones")]
    public void Split_GenericValues_AreKeptAsAPathOfOne(string text)
    {
        Assert.Equal([[text]], Split(text));
    }

    [Fact]
    public void Split_YBeforeAnotherUnit_SplitsIntoPeers()
    {
        Assert.Equal(
            [[Dadii, Tramites], ["Secretaría de Desarrollo Territorial y Participación Ciudadana"]],
            Split($"{Dadii} / {Tramites} y Secretaría de Desarrollo Territorial y Participación Ciudadana"));
        Assert.Equal(
            [[Dadii, Tramites], ["Todos los organismos"]],
            Split($"{Dadii} / {Tramites} y todos los organismos"));
        Assert.Equal(
            [[Dadii, Tramites], ["Oficina de comunicaciones"]],
            Split($"{Dadii} / {Tramites} y oficina de comunicaciones"));
        Assert.Equal(
            [[Dadii, Tramites], ["Organismos responsables de trámites y servicios"]],
            Split($"{Dadii} / {Tramites} y organismos responsables de trámites y servicios"));
    }

    [Fact]
    public void Split_SentenceBoundaryBetweenUnits_Splits()
    {
        Assert.Equal(
            [["Secretaría de Desarrollo Territorial y Participación Ciudadana"], [Dadii, Tramites]],
            Split($"Secretaría de Desarrollo Territorial y Participación Ciudadana. {Dadii} / {Tramites}."));
    }

    [Fact]
    public void Split_SlashBeforeAnOffice_SeparatesPeers()
    {
        Assert.Equal(
            [["Departamento Administrativo de Tecnologías de Información y las Comunicaciones"], ["Oficina de Comunicaciones"], ["Oficina Asesora de Transparencia"]],
            Split("Departamento Administrativo de Tecnologías de Información y las Comunicaciones / Oficina de Comunicaciones/ Oficina Asesora de Transparencia"));
        Assert.Equal(
            [["Secretaría de Bienestar Social"], ["Oficina Asesora de Transparencia"]],
            Split("Secretaría de Bienestar Social / Oficina Asesora de Transparencia /"));
    }

    [Fact]
    public void Split_ParentWithChildrenInParentheses_GivesOnePathPerChild()
    {
        Assert.Equal(
            [["Secretaría de Gobierno", "Oficina Asesora de Transparencia"], ["Secretaría de Gobierno", "Oficina de Comunicaciones"]],
            Split("Secretaría de Gobierno (Oficina Asesora de Transparencia - Oficina de Comunicaciones)"));
        Assert.Equal(
            [[Dadii, "Subdirección de Gestión Organizacional"], [Dadii, Tramites]],
            Split($"{Dadii} (Subdirección de Gestión Organizacional - {Tramites})"));
    }

    [Fact]
    public void Split_AcronymInParenthesesOrAfterHyphen_IsPartOfTheName()
    {
        Assert.Equal(
            [["Departamento Administrativo de Gestión del Medio Ambiente (DAGMA)"]],
            Split("Departamento Administrativo de Gestión del Medio Ambiente (DAGMA)"));
        Assert.Equal(
            [["Unidad Administrativa Especial de Servicios Públicos - UAESP"]],
            Split("Unidad Administrativa Especial de Servicios Públicos - UAESP"));
    }

    [Fact]
    public void Split_LinesSemicolonsAndHyphens_SeparateUnits()
    {
        Assert.Equal(
            [["Secretaría de Salud"], ["Secretaría de Educación"], ["Oficina Jurídica"], ["Secretaría de Cultura"]],
            Split("Secretaría de Salud\nSecretaría de Educación; Oficina Jurídica - Secretaría de Cultura"));
    }

    [Fact]
    public void Split_SubordinateUnitAfterY_IsASiblingUnderTheSameParent()
    {
        Assert.Equal(
            [["Secretaría de Hacienda", "Subdirección de Tesorería"], ["Secretaría de Hacienda", "Subdirección de Impuestos"]],
            Split("Secretaría de Hacienda / Subdirección de Tesorería y Subdirección de Impuestos"));
    }

    [Fact]
    public void Split_RepeatedUnits_AreListedOnce()
    {
        Assert.Equal([["Oficina de Comunicaciones"]], Split("Oficina de Comunicaciones; Oficina de Comunicaciones."));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Split_Empty_GivesNoPaths(string? text)
    {
        Assert.Empty(ResponsibleUnitSplitter.Split(text));
    }

    [Fact]
    public void Split_EverySeedCell_GivesNonEmptyTrimmedUnits()
    {
        var plan = PlanDocumentReader.ReadTextFile(Seed.Path).Plan!;
        foreach (var action in plan.Actions())
        {
            Assert.NotEmpty(action.ResponsibleUnits);
            Assert.All(action.ResponsibleUnits.SelectMany(u => u.Path), unit =>
            {
                Assert.Equal(unit.Trim(), unit);
                Assert.False(unit.EndsWith('.'), unit);
                Assert.False(unit.EndsWith('/'), unit);
                Assert.True(char.IsUpper(unit[0]), unit);
            });
        }
    }
}
