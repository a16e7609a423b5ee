using Dashboard.Web.Components;
using MudBlazor.Services;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot/ live at the repository root and are copied beside the app.
    ContentRootPath = AppContext.BaseDirectory,
});
// Serves MudBlazor's and the framework's files from a build output too (a no-op when published).
builder.WebHost.UseStaticWebAssets();

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

var app = builder.Build();

app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
