using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Vigia.Core;
using Vigia.Web.Http;

namespace Vigia.Web.Tests.Http;

/// <summary>The one translation of a service's result into a page's response, status by status.</summary>
public sealed class PageResultsTests : IDisposable
{
    private readonly ServiceProvider services;

    public PageResultsTests()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddRazorPages();
        services = collection.BuildServiceProvider();
    }

    public void Dispose() => services.Dispose();

    private sealed class FormPage : PageModel
    {
        public int Reloads { get; private set; }

        public Task ReloadAsync()
        {
            Reloads++;
            return Task.CompletedTask;
        }
    }

    private FormPage NewPage() => new()
    {
        PageContext = new PageContext(new ActionContext(new DefaultHttpContext { RequestServices = services }, new RouteData(),
            new PageActionDescriptor())),
    };

    private static RedirectToPageResult ToDetail(FormPage page, int id) =>
        page.RedirectWithNotice("Reporte enviado.", "/Progress/Detail", new { id }, "evidencias");

    [Fact]
    public async Task Saved_RedirectsToThePageWithTheNoticeForTheNextRequest()
    {
        var page = NewPage();

        var response = await page.RespondAsync(Result.Saved(7), id => ToDetail(page, id), page.ReloadAsync);

        var redirect = Assert.IsType<RedirectToPageResult>(response);
        Assert.Equal("/Progress/Detail", redirect.PageName);
        Assert.Equal(7, redirect.RouteValues!["id"]);
        Assert.Equal("evidencias", redirect.Fragment);
        Assert.Equal("Reporte enviado.", page.TempData[PageResults.NoticeKey]);
        Assert.Equal(0, page.Reloads);
    }

    [Fact]
    public async Task Invalid_PutsEachErrorUnderItsField_AndReRendersWith400()
    {
        var page = NewPage();
        Result<int> result = Result.Invalid(new Dictionary<string, string> { ["Quantity"] = "Escriba la cantidad.", [""] = "Revise el formulario." });

        var response = await page.RespondAsync(result, id => ToDetail(page, id), page.ReloadAsync);

        Assert.Equal(StatusCodes.Status400BadRequest, Assert.IsType<PageResult>(response).StatusCode);
        Assert.Equal("Escriba la cantidad.", Assert.Single(page.ModelState["Quantity"]!.Errors).ErrorMessage);
        Assert.Equal("Revise el formulario.", Assert.Single(page.ModelState[""]!.Errors).ErrorMessage);
        Assert.Equal(1, page.Reloads);
        Assert.Null(page.TempData[PageResults.NoticeKey]);
    }

    [Fact]
    public async Task Invalid_WithAFieldKey_PutsTheErrorWhereThePageShowsIt()
    {
        var page = NewPage();
        Result<int> result = Result.Invalid("Observations", "Demasiado largo.");

        await page.RespondAsync(result, id => ToDetail(page, id), fieldKey: field => field == "Observations" ? "nota-3" : field);

        Assert.Equal("Demasiado largo.", Assert.Single(page.ModelState["nota-3"]!.Errors).ErrorMessage);
        Assert.False(page.ModelState.ContainsKey("Observations"));
    }

    [Fact]
    public async Task Conflict_ReRendersWith409AndSaysWhatChanged()
    {
        var page = NewPage();
        Result<int> result = Result.Conflict("Este reporte ya fue revisado por Lucía Líder.");

        var response = await page.RespondAsync(result, id => ToDetail(page, id), page.ReloadAsync);

        Assert.Equal(StatusCodes.Status409Conflict, Assert.IsType<PageResult>(response).StatusCode);
        Assert.Equal("Este reporte ya fue revisado por Lucía Líder.", Assert.Single(page.ModelState[""]!.Errors).ErrorMessage);
        Assert.Equal(1, page.Reloads);
    }

    [Fact]
    public async Task NotFound_Is404WithoutABody_SoTheStatusPageExplainsIt()
    {
        var page = NewPage();

        var response = await page.RespondAsync<int>(Result.NotFound(), id => ToDetail(page, id), page.ReloadAsync);

        Assert.IsType<NotFoundResult>(response);
        Assert.Equal(0, page.Reloads);
        Assert.True(page.ModelState.IsValid);
    }

    [Fact]
    public async Task Forbidden_Is403WithoutABody_NotAChallengeOrARedirect()
    {
        var page = NewPage();

        var response = await page.RespondAsync<int>(Result.Forbidden("Solo Planeación."), id => ToDetail(page, id), page.ReloadAsync);

        Assert.Equal(StatusCodes.Status403Forbidden, Assert.IsType<StatusCodeResult>(response).StatusCode);
        Assert.Equal(0, page.Reloads);
        Assert.True(page.ModelState.IsValid);
    }

    [Fact]
    public async Task Saved_WithAnAsynchronousContinuation_RedirectsAfterIt()
    {
        var page = NewPage();

        var response = await page.RespondAsync(Result.Saved(3), async id =>
        {
            await page.ReloadAsync();
            return ToDetail(page, id);
        });

        Assert.Equal(3, Assert.IsType<RedirectToPageResult>(response).RouteValues!["id"]);
        Assert.Equal(1, page.Reloads);
    }
}
