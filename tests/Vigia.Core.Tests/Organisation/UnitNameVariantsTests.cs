using Vigia.Core.Organisation;

namespace Vigia.Core.Tests.Organisation;

/// <summary>When two spellings are one unit: the rule the importer merges by.</summary>
public class UnitNameVariantsTests
{
    [Theory]
    [InlineData("Departamento Administrativo de Control Interno", "Departamento Administrativo de Control Interno DACI")]
    [InlineData("Departamento Administrativo de Tecnologías de Información y las Comunicaciones",
        "Departamento Administrativo de Tecnologías de la Información y las Comunicaciones.")]
    [InlineData("Departamento Administrativo de Gestión del Medio Ambiente", "Departamento Administrativo de Gestión del Medio Ambiente DAGMA")]
    [InlineData("Secretaría de Gobierno", "SECRETARIA DEL GOBIERNO")]
    [InlineData("Subdirección de Trámites, Servicios y Gestión Documental", "Subdirección de Trámites Servicios y Gestión Documental")]
    public void Variants_OfOneUnit_Merge(string a, string b) => Assert.True(UnitNameVariants.AreVariants(a, b));

    [Theory]
    [InlineData("Oficina de Comunicaciones", "Oficina Asesora de Comunicaciones")]
    [InlineData("Departamento Administrativo de Control Interno", "Departamento Administrativo de Control Disciplinario Interno")]
    [InlineData("Subdirección de Gestión Organizacional", "Subdirección de Trámites, Servicios y Gestión Documental")]
    [InlineData("Secretaría de Desarrollo Territorial y Participación Ciudadana", "Secretaría de Desarrollo Territorial")]
    [InlineData("Oficina de Tecnologías", "Oficina de Tecnologías OT TIC")]
    [InlineData("Oficina TIC", "Oficina")]
    [InlineData("Departamento Administrativo de Control Interno DACI", "Departamento Administrativo de Control Interno DAPM")]
    [InlineData("Secretaría de Salud", "Salud Secretaría")]
    [InlineData("", "")]
    public void DifferentUnits_ThatShareWords_DoNotMerge(string a, string b) => Assert.False(UnitNameVariants.AreVariants(a, b));

    [Fact]
    public void Key_DropsConnectorsAndTheNamesOwnAcronym_Only()
    {
        Assert.Equal("departamento administrativo control interno", UnitNameVariants.Key("Departamento Administrativo de Control Interno DACI"));
        Assert.Equal("oficina tic", UnitNameVariants.Key("Oficina TIC"));
    }
}
