using Vigia.Core.Plans;
using Vigia.Core.Schedule;

namespace Vigia.Core.Tests;

public class ResultTests
{
    [Fact]
    public void Saved_CarriesItsValueAndNoErrors()
    {
        var result = Result.Saved(42);

        Assert.Equal(ResultStatus.Saved, result.Status);
        Assert.True(result.Succeeded);
        Assert.Equal(42, result.Value);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Invalid_KeepsEveryErrorUnderItsField_AndHasNoValue()
    {
        Result<int> result = Result.Invalid(new Dictionary<string, string>
        {
            ["Quantity"] = "Escriba la cantidad.",
            [""] = "Revise el formulario.",
        });

        Assert.Equal(ResultStatus.Invalid, result.Status);
        Assert.False(result.Succeeded);
        Assert.Equal("Escriba la cantidad.", result.Errors["Quantity"]);
        Assert.Equal("Revise el formulario.", result.Errors[""]);
        Assert.Throws<InvalidOperationException>(() => result.Value);
    }

    [Fact]
    public void Invalid_WithoutAnyError_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Result.Invalid(new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData(ResultStatus.NotFound)]
    [InlineData(ResultStatus.Forbidden)]
    [InlineData(ResultStatus.Conflict)]
    public void Refusals_CarryTheirMessageForTheWholeForm(ResultStatus status)
    {
        Result<string> result = status switch
        {
            ResultStatus.NotFound => Result.NotFound("La unidad no existe."),
            ResultStatus.Forbidden => Result.Forbidden("La unidad no existe."),
            _ => Result.Conflict("La unidad no existe."),
        };

        Assert.Equal(status, result.Status);
        Assert.Equal("La unidad no existe.", Assert.Single(result.Errors, e => e.Key == "").Value);
    }

    [Fact]
    public void NotFound_WithoutAMessage_SaysTheRecordIsNotThereOrNotTheirs()
    {
        Result<int> result = Result.NotFound();

        Assert.Equal("El registro no existe o no está a su cargo.", result.Errors[""]);
    }

    [Fact]
    public void Refused_WithAnAccount_KeepsTheAccountAsItsValue()
    {
        var account = new PlanImport(null, 2022, null, []);

        var result = Result.Refused(Result.Invalid("", "El documento no indica la entidad."), account);

        Assert.False(result.Succeeded);
        Assert.Same(account, result.Value);
    }

    [Theory]
    [InlineData(17, 3)]
    [InlineData(17, 13)]
    [InlineData(2, 0)]
    public void ScheduleCell_ReadsBackItsActionAndMonth(int actionId, int month)
    {
        Assert.True(ScheduleFields.TryParseCell(ScheduleFields.Cell(actionId, month), out var readAction, out var readMonth));
        Assert.Equal((actionId, month), (readAction, readMonth));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Justification")]
    [InlineData("accion--mes-3")]
    [InlineData("accion-x-mes-3")]
    public void ScheduleCell_OtherFieldsAreNoCell(string field)
    {
        Assert.False(ScheduleFields.TryParseCell(field, out _, out _));
    }
}
