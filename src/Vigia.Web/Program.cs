using Microsoft.AspNetCore.Localization;
using Vigia.Core.Compliance;
using Vigia.Core.Consolidation;
using Vigia.Core.Consultation;
using Vigia.Core.Files;
using Vigia.Core.FollowUps;
using Vigia.Core.Mail;
using Vigia.Core.OpenData;
using Vigia.Core.Progress;
using Vigia.Core.RiskMap;
using Vigia.Web.Api;
using Vigia.Web.Caching;
using Vigia.Web.Layout;
using Vigia.Web.OpenData;
using Vigia.Web.Reminders;
using Vigia.Web.Security;
using Vigia.Web.Startup;

// --demo and --initialize-only are switches, not configuration keys: taken out so they cannot swallow the next
// argument (--urls …). --initialize-only migrates the database, loads the demo plan on an empty one (and, with --demo,
// the demo accounts and simulation), then exits: a deployment can run it as its own step, so the serving process never
// loads the importer's code (bench/README.md).
var demo = args.Contains("--demo");
var initializeOnly = args.Contains("--initialize-only");
var builder = WebApplication.CreateBuilder(args.Where(a => a is not ("--demo" or "--initialize-only")).ToArray());
// Serve wwwroot's compressed and fingerprinted assets from the build output in every environment, not only
// Development: without it `dotnet run` (Production) answers browsers with empty CSS.
builder.WebHost.UseStaticWebAssets();
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}
// No "Server: Kestrel" on every answer: it tells a visitor nothing and an attacker what runs.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
demo |= builder.Configuration.GetValue("Vigia:Demo", false);

builder.Services.AddVigiaDatabase(builder.Configuration, Environment.CurrentDirectory);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<PlanImportService>();
builder.Services.AddScoped<PlanLocator>();
builder.Services.AddScoped<PlanLifecycleService>();
builder.Services.AddScoped<PlanFormulationService>();
builder.Services.AddScoped<PlanDraftService>();
builder.Services.AddVigiaCompliance();
builder.Services.AddVigiaConsolidation();
builder.Services.AddVigiaFollowUps();
builder.Services.AddVigiaConsultation();
builder.Services.AddSingleton<CommentChallenge>();
builder.AddVigiaSecurity();
builder.Services.AddVigiaUploads(builder.Configuration, Environment.CurrentDirectory);
builder.Services.AddVigiaMail(builder.Configuration);
builder.Services.AddVigiaProgress(builder.Configuration);
builder.Services.AddVigiaRiskMap();
builder.Services.AddVigiaOpenData(builder.Configuration);
builder.Services.AddVigiaApiDocument();
builder.Services.AddVigiaReminderJob(builder.Configuration);
builder.Services.AddHostedService<Vigia.Web.Startup.DailyJobService<Vigia.Core.Progress.EvidenceSweep>>();
builder.Services.AddHostedService<Vigia.Web.Startup.DailyJobService<Vigia.Core.Audit.AuditCheckpointPublisher>>();
builder.Services.AddVigiaLayout();
// The database down or unreachable: 503 with Retry-After, a Spanish page or problem+json, never a hang (issue 14).
builder.Services.AddExceptionHandler<DatabaseOutageHandler>();
builder.Services.AddVigiaPublicCache(builder.Configuration);
builder.Services.AddRazorPages(o =>
{
    o.Conventions.Add(new PlanRouteConvention());
    // Who may open a page is decided by its folder; what they may do with a record, by the services.
    o.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
    o.Conventions.AuthorizeFolder("/Accounts/Users", Policies.Administration);
    o.Conventions.AuthorizeFolder("/Organisation/Units", Policies.Administration);
    o.Conventions.AuthorizeFolder("/Organisation/Processes", Policies.Administration);
    o.Conventions.AuthorizeFolder("/Organisation/Texts", Policies.Administration);
    o.Conventions.AuthorizeFolder("/Organisation/Entities", Policies.Administration);
    // Consulta departamental: its own read-only pages; the policy refuses every method but GET and HEAD.
    o.Conventions.AuthorizeFolder("/DepartmentDesk", Policies.DepartmentReader);
    // Planeación maps groups of responsibles; the page and the service check the role and the entity.
    o.Conventions.AuthorizeFolder("/Organisation/Groups", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Audit", Policies.Staff);
    o.Conventions.AuthorizePage("/Audit/Index", Policies.Administration);
    o.Conventions.AuthorizeFolder("/Progress", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Monitoring", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Schedule", Policies.Staff);
    o.Conventions.AuthorizeFolder("/Plans/Manage", Policies.Staff);
    o.Conventions.AuthorizeFolder("/FollowUps/Desk", Policies.InternalControl);
    o.Conventions.AuthorizeFolder("/RiskMap/Desk", Policies.Staff);
    o.Conventions.AuthorizePage("/Accounts/ChangePassword");
    o.Conventions.AuthorizePage("/Accounts/Tokens");
}).AddSpanishValidationMessages();
builder.Services.AddRequestLocalization(o =>
{
    o.DefaultRequestCulture = new RequestCulture(SpanishFormat.Culture);
    o.SupportedCultures = [SpanishFormat.Culture];
    o.SupportedUICultures = [SpanishFormat.Culture];
    o.RequestCultureProviders.Clear();
});

var app = builder.Build();

await DatabaseInitializer.InitializeAsync(app.Services, app.Configuration, app.Logger);
await AccountInitializer.InitializeAsync(app, demo);
await DemoSimulationInitializer.InitializeAsync(app, demo);
if (initializeOnly)
{
    return;
}
// The migrations, the demo's import and its simulation leave a heap the public pages never need: give it back to the
// system before serving, so the resident memory under load is the pages' and the cache's (bench/README.md).
GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseForwardedHeaders();
// After the forwarded headers, so that HTTPS ended at the entity's proxy counts as HTTPS.
if (app.Configuration.GetValue("Security:RequireHttps", false))
{
    app.UseHsts();
}
// Anonymous public reads are answered from here when cached, with the headers they were stored with: no security
// headers, localization, routing, rate limit, authentication, session or audit actor runs for them, and no database
// is touched (docs/caching.md).
app.UseVigiaPublicCache();
app.UseVigiaSecurityHeaders();
app.UseRequestLocalization();
app.UseVigiaLayout();
app.UseRouting();
// Authentication before the rate limiter, so that the API's limit counts a token's calls per token (Security/SecuritySetup).
app.UseAuthentication();
app.UseRateLimiter();
app.UseVigiaAuditActor();
app.UseAuthorization();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapOpenData();
app.MapScheduleOpenData();
app.MapFollowUpOpenData();
app.MapConsultationOpenData();
app.MapRiskOpenData();
app.MapAuditOpenData();
app.MapOpenDataCatalogue();
app.MapConsolidationOpenData();
app.MapPlanApi();
app.MapComplianceApi();
app.MapConsolidatedApi();
app.MapRiskMethodApi();
app.MapProgressReportApi();
app.MapVigiaApiReference();
app.MapHealth();

await app.RunAsync();
