using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Organisation;

public class UnitGroupRulesTests
{
    [Theory]
    [InlineData("Todos los organismos de la Administración Central Municipal que poseen trámites y/o servicios.", "todos-los-organismos")]
    [InlineData("Todos los organismos y Unidades Administrativas Especiales", "todos-los-organismos")]
    [InlineData("TODOS LOS ORGANISMOS", "todos-los-organismos")]
    [InlineData("Todos los organismos y unidades especiales", "todos-los-organismos")]
    [InlineData("Todos los organismos de la Administración Central.", "todos-los-organismos")]
    [InlineData("Todos los procesos de la entidad.", "todos-los-procesos")]
    [InlineData("Líderes de cada componente del PAAC", "lideres-de-componente")]
    [InlineData("Organismos que suscriben plan de racionalización 2021", "organismos-que-suscriben")]
    [InlineData("Organismos misionales de la Alcaldía Distrital de Cali", "organismos-misionales")]
    [InlineData("Organismos no misionales de la Alcaldía Distrital de Cali", "organismos-no-misionales")]
    [InlineData("Organismos responsables de trámites y servicios", "organismos-con-tramites")]
    [InlineData("Solo los procesos que reportan materializaciones", "procesos-con-materializaciones")]
    public void Recognise_Collective_GivesItsRule(string text, string key) =>
        Assert.Equal(key, UnitGroupRules.Recognise(text)?.Key);

    [Theory]
    [InlineData("Subdirección de Gestión Organizacional")]
    [InlineData("Departamento Administrativo de Control Interno")]
    [InlineData("Organismos de control")]
    [InlineData("Todos los organismosX")]
    [InlineData("")]
    [InlineData(null)]
    public void Recognise_Unit_GivesNothing(string? text) => Assert.Null(UnitGroupRules.Recognise(text));
}
