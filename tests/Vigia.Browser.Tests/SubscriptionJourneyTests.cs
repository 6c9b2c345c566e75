using System.Globalization;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;
using static Vigia.Browser.Tests.BrowserApp;

namespace Vigia.Browser.Tests;

/// <summary>A host whose mail goes to a real SMTP listener (<see cref="VigiaFactory.Smtp"/>): the subscribe form is
/// shown only where mail is configured.</summary>
public sealed class MailBrowserApp() : BrowserApp(new VigiaFactoryOptions(TestSeed.BundledPlan, Mail: true));

/// <summary>Issue 11's subscribers through the browser: a citizen without an account asks for the consultation notices,
/// receives the confirmation mail, opens its link and confirms; the form and the confirmation page pass axe at 1280 and
/// 375 px without scrolling sideways.</summary>
public partial class SubscriptionJourneyTests(MailBrowserApp app) : IClassFixture<MailBrowserApp>
{
    [GeneratedRegex(@"Cuánto es (\d) más (\d)")]
    private static partial Regex Question();

    [GeneratedRegex(@"https?://\S+?(/suscripciones/confirmar\?token=[A-Za-z0-9_\-]+)")]
    private static partial Regex ConfirmationLink();

    private static async Task AssertAccessibleAsync(IPage page, string what)
    {
        foreach (var (width, height) in new[] { (1280, 900), (375, 800) })
        {
            await page.SetViewportSizeAsync(width, height);
            var result = await AxeAsync(page);
            Assert.True(result.Violations.Length == 0, $"{what} at {width}px: " + PublicPagesAccessibilityTests.Describe(result));
            Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= width, $"{what} scrolls sideways at {width}px");
        }
        await page.SetViewportSizeAsync(1280, 900);
    }

    [Fact]
    public async Task Citizen_Subscribes_ReceivesTheLink_AndConfirms()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + "/planes/2022/consulta/suscribirse");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Recibir avisos de las consultas ciudadanas");
        await AssertAccessibleAsync(page, "formulario de suscripción");
        await ScreenshotAsync(page, "suscripcion-01-formulario");

        var before = app.Factory.Smtp.ReceivedEmailCount;
        await page.GetByLabel("Su correo electrónico").FillAsync("ciudadana@example.org");
        await page.Locator("#Consent").CheckAsync();
        var question = Question().Match(await page.Locator("label[for='QuestionAnswer']").InnerTextAsync());
        Assert.True(question.Success);
        var sum = int.Parse(question.Groups[1].Value, CultureInfo.InvariantCulture) + int.Parse(question.Groups[2].Value, CultureInfo.InvariantCulture);
        await page.Locator("#QuestionAnswer").FillAsync(sum.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Suscribirme" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Le enviamos un correo a esa dirección");

        // The mail the form caused: waited for, not timed.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (app.Factory.Smtp.ReceivedEmailCount == before && waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(100);
        }
        var mail = VigiaFactory.Decode(Assert.Single(app.Factory.Smtp.ReceivedEmail.Skip(before)));
        Assert.Equal("ciudadana@example.org", Assert.Single(mail.To.Mailboxes).Address);
        var body = mail.TextBody ?? "";
        var link = ConfirmationLink().Match(body);
        Assert.True(link.Success, body);

        await page.GotoAsync(app.BaseUrl + link.Groups[1].Value);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Confirmar la suscripción a las consultas ciudadanas");
        await AssertAccessibleAsync(page, "confirmación de la suscripción");
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmar mi suscripción" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("Suscripción confirmada.");
        await AssertAccessibleAsync(page, "suscripción confirmada");
        await ScreenshotAsync(page, "suscripcion-02-confirmada");
    }
}
