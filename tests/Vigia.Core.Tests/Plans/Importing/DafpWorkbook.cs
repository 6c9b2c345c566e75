using ClosedXML.Excel;

namespace Vigia.Core.Tests.Plans.Importing;

/// <summary>A plan of another entity and year (Alcaldía de San Juan de Pasto, 2023) written in the layout of the
/// DAFP's template: a cover sheet, then one sheet per component with its heading, the header row found by its labels
/// (in another order on the second sheet), subcomponent cells merged down, an activity merged over two rows with one
/// goal each, and the scheduled dates written in words, as a date cell and as 31/05/2023.</summary>
internal static class DafpWorkbook
{
    public const string Entity = "Alcaldía de San Juan de Pasto";

    public static MemoryStream Build(Action<XLWorkbook>? change = null, string heading = $"PLAN ANTICORRUPCIÓN Y DE ATENCIÓN AL CIUDADANO 2023 – {Entity}")
    {
        using var workbook = new XLWorkbook();
        var cover = workbook.AddWorksheet("Portada");
        cover.Cell(1, 1).SetValue("Instrucciones: diligencie una hoja por componente");

        // Component 1: «Actividades» over two merged columns (number and text), as the template has it.
        var risk = workbook.AddWorksheet("Componente 1");
        risk.Cell(1, 1).SetValue(heading);
        risk.Range(1, 1, 1, 6).Merge();
        risk.Cell(2, 1).SetValue("Componente 1: Gestión del Riesgo de Corrupción - Mapa de Riesgos de Corrupción");
        risk.Cell(4, 1).SetValue("Subcomponente");
        risk.Cell(4, 2).SetValue("Actividades");
        risk.Range(4, 2, 4, 3).Merge();
        risk.Cell(4, 4).SetValue("Meta o producto");
        risk.Cell(4, 5).SetValue("Responsable");
        risk.Cell(4, 6).SetValue("Fecha programada");
        risk.Cell(5, 1).SetValue("Subcomponente/proceso 1 Política de Administración de Riesgos");
        risk.Range(5, 1, 6, 1).Merge();
        risk.Cell(5, 2).SetValue("1.1");
        risk.Cell(5, 3).SetValue("Actualizar la política de administración del riesgo de corrupción");
        risk.Cell(5, 4).SetValue("Política actualizada y publicada");
        risk.Cell(5, 5).SetValue("Secretaría de Planeación");
        risk.Cell(5, 6).SetValue("Marzo de 2023");
        risk.Cell(6, 2).SetValue("1.2");
        risk.Cell(6, 3).SetValue("Socializar la política con los servidores públicos");
        risk.Cell(6, 4).SetValue("Dos jornadas de socialización");
        risk.Cell(6, 5).SetValue("Oficina de Control Interno");
        risk.Cell(6, 6).SetValue(new DateTime(2023, 4, 28, 0, 0, 0, DateTimeKind.Unspecified));
        risk.Cell(6, 6).Style.DateFormat.Format = "dd/mm/yyyy";
        risk.Cell(7, 1).SetValue("Subcomponente/proceso 2 Construcción del Mapa de Riesgos de Corrupción");
        risk.Cell(7, 2).SetValue("2.1");
        risk.Cell(7, 3).SetValue("Construir el mapa de riesgos de corrupción con los procesos");
        risk.Cell(7, 4).SetValue("Mapa de riesgos publicado");
        risk.Cell(7, 5).SetValue("Secretaría de Planeación");
        risk.Cell(7, 6).SetValue("31/05/2023");

        // Component 2: the columns in another order, «N°» on its own, no number in the sheet's name.
        var procedures = workbook.AddWorksheet("Racionalización");
        procedures.Cell(1, 1).SetValue("Componente 2: Racionalización de Trámites");
        procedures.Cell(3, 1).SetValue("N°");
        procedures.Cell(3, 2).SetValue("SUBCOMPONENTE");
        procedures.Cell(3, 3).SetValue("ACTIVIDADES");
        procedures.Cell(3, 4).SetValue("META O PRODUCTO");
        procedures.Cell(3, 5).SetValue("FECHA PROGRAMADA");
        procedures.Cell(3, 6).SetValue("RESPONSABLE");
        procedures.Cell(4, 2).SetValue("Subcomponente 1: Identificación de trámites");
        procedures.Range(4, 2, 6, 2).Merge();
        procedures.Cell(4, 1).SetValue("1.1");
        procedures.Cell(4, 3).SetValue("Revisar el inventario de trámites de la entidad");
        procedures.Cell(4, 4).SetValue("Inventario de trámites revisado");
        procedures.Cell(4, 5).SetValue("marzo 2023");
        procedures.Cell(4, 6).SetValue("Secretaría de Gobierno");
        procedures.Cell(5, 1).SetValue("1.2");
        procedures.Range(5, 1, 6, 1).Merge();
        procedures.Cell(5, 3).SetValue("Inscribir los trámites en el SUIT");
        procedures.Range(5, 3, 6, 3).Merge();
        procedures.Cell(5, 4).SetValue("Tres trámites inscritos");
        procedures.Cell(6, 4).SetValue("Informe de inscripción");
        procedures.Cell(5, 5).SetValue("Junio de 2023");
        procedures.Cell(6, 5).SetValue("JULIO DE 2023");
        procedures.Cell(5, 6).SetValue("Oficina de Sistemas");
        procedures.Range(5, 6, 6, 6).Merge();

        change?.Invoke(workbook);
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }
}
