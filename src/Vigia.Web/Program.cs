using Vigia.Core.Data;
using Vigia.Web.Layout;

var builder = WebApplication.CreateBuilder(args);
// Serve wwwroot's compressed and fingerprinted assets from the build output in every environment, not only
// Development: without it `dotnet run --no-launch-profile` (Production) answers browsers with empty CSS.
builder.WebHost.UseStaticWebAssets();

// Add services to the container.
builder.Services.AddRazorPages();
builder.Services.AddVigiaDatabase(builder.Configuration);
builder.Services.AddVigiaLayout();

var app = builder.Build();

// Configure the HTTP request pipeline.
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    // The default HSTS value is 30 days. You may want to change this for production scenarios, see https://aka.ms/aspnetcore-hsts.
    app.UseHsts();
}

app.UseHttpsRedirection();

app.UseVigiaLayout();

app.UseRouting();

app.UseAuthorization();

app.MapStaticAssets();
app.MapRazorPages()
   .WithStaticAssets();

app.Run();
