using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Vigia.Web.Http;

/// <summary>
/// The one place that turns a service's <see cref="Result{T}"/> into a page's response, and the one way to make
/// each kind of response a write can end in:
/// saved → Post-Redirect-Get to a page with a flash notice (<see cref="RedirectWithNotice"/>);
/// invalid → the errors into ModelState and the page again with 400 (<see cref="InvalidPage"/>);
/// conflict → the same with 409, the message saying what changed;
/// not found → 404; forbidden → 403 (<see cref="Forbidden"/>).
/// 404 and 403 carry no body, so the site's Spanish status-code page (<c>/estado/{code}</c>) explains them.
/// </summary>
public static class PageResults
{
    /// <summary>The TempData entry the layout shows once, after the redirect.</summary>
    public const string NoticeKey = "Aviso";

    /// <summary>The response to a write: <paramref name="saved"/> on success, otherwise the refusal
    /// (<see cref="RefuseAsync"/>).</summary>
    /// <param name="reload">Loads what the page shows before it is rendered again with the errors.</param>
    /// <param name="fieldKey">Maps a service's field name to the page's ModelState key when they differ.</param>
    public static async Task<IActionResult> RespondAsync<T>(this PageModel page, Result<T> result, Func<T, IActionResult> saved,
        Func<Task>? reload = null, Func<string, string>? fieldKey = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(saved);
        return result.Succeeded ? saved(result.Value) : await page.RefuseAsync(result, reload, fieldKey);
    }

    /// <inheritdoc cref="RespondAsync{T}(PageModel, Result{T}, Func{T, IActionResult}, Func{Task}?, Func{string, string}?)"/>
    public static async Task<IActionResult> RespondAsync<T>(this PageModel page, Result<T> result, Func<T, Task<IActionResult>> saved,
        Func<Task>? reload = null, Func<string, string>? fieldKey = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(saved);
        return result.Succeeded ? await saved(result.Value) : await page.RefuseAsync(result, reload, fieldKey);
    }

    /// <summary>The response to a refused write: 404, 403, or the page again with the errors (400, or 409 when
    /// someone else changed the record first).</summary>
    public static async Task<IActionResult> RefuseAsync<T>(this PageModel page, Result<T> result, Func<Task>? reload = null,
        Func<string, string>? fieldKey = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Status)
        {
            case ResultStatus.NotFound:
                return page.NotFound();
            case ResultStatus.Forbidden:
                return page.Forbidden();
            case ResultStatus.Invalid or ResultStatus.Conflict:
                page.ModelState.AddErrors(result.Errors, fieldKey);
                if (reload is not null)
                {
                    await reload();
                }
                return Render(page, result.Status == ResultStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
            default:
                throw new InvalidOperationException("A saved result is not a refusal.");
        }
    }

    /// <summary>Post-Redirect-Get: the notice is kept for the next request, which the layout shows it on.</summary>
    public static RedirectToPageResult RedirectWithNotice(this PageModel page, string notice, string pageName, object? routeValues = null,
        string? fragment = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.TempData[NoticeKey] = notice;
        return page.RedirectToPage(pageName, null, routeValues, fragment);
    }

    /// <summary>The page again with the errors already in ModelState, status 400; no JavaScript needed.</summary>
    public static PageResult InvalidPage(this PageModel page) => Render(page, StatusCodes.Status400BadRequest);

    /// <summary>403, the only way a page refuses someone it knows: a status without a body, which the Spanish
    /// status-code page explains. (Not <c>Forbid()</c>, which would send the person to the access-denied page
    /// with a 302 as the folder authorisation does before a page is reached.)</summary>
    public static StatusCodeResult Forbidden(this PageModel page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new StatusCodeResult(StatusCodes.Status403Forbidden);
    }

    /// <summary>Puts a service's errors into ModelState, each under its field ("" for the whole form).</summary>
    public static void AddErrors(this ModelStateDictionary modelState, IReadOnlyDictionary<string, string> errors,
        Func<string, string>? fieldKey = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            modelState.AddModelError(fieldKey?.Invoke(field) ?? field, message);
        }
    }

    private static PageResult Render(PageModel page, int status)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = page.Page();
        result.StatusCode = status;
        return result;
    }
}
