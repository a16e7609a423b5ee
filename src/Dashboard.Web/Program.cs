using Dashboard.Infrastructure.Influx;
using Dashboard.Infrastructure.Metrics;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Infrastructure.Routing;
using Dashboard.Web.Components;
using Dashboard.Web.Configuration;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Access.Admin;
using Dashboard.Web.Features.Access.Hosting;
using Dashboard.Web.Features.AuditCheckpoints;
using Dashboard.Web.Features.BoardHistory;
using Dashboard.Web.Features.Bus;
using Dashboard.Web.Features.Checkpoints;
using Dashboard.Web.Features.Demo;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Health;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Leadership;
using Dashboard.Web.Features.InputLimits;
using Dashboard.Web.Features.LiveMetrics;
using Dashboard.Web.Features.Logging;
using Dashboard.Web.Features.Metrics;
using Dashboard.Web.Features.Monitoring;
using Dashboard.Web.Features.Notifications;
using Dashboard.Web.Features.RateLimits;
using Dashboard.Web.Features.Reasons;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.ShiftReview;
using Dashboard.Web.Features.SignOffs;
using Dashboard.Web.Features.Summaries;
using Dashboard.Web.Features.TrafficDrift;
using Dashboard.Web.Shared;
using MudBlazor.Services;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // appsettings.json and wwwroot/ live at the repository root and are copied beside the app.
    ContentRootPath = AppContext.BaseDirectory,
});
// Serves MudBlazor's and the framework's files from a build output too (a no-op when published).
builder.WebHost.UseStaticWebAssets();

builder.AddDashboardLogging();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddWireJson();
builder.Services.AddUnreadableRequestAnswers();
builder.Services.AddOpenApi();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();

builder.Services.AddInflux(builder.Configuration);
builder.Services.AddMetricsReader(builder.Configuration);
builder.Services.AddStateStore(builder.Configuration);
builder.Services.AddLeadership(builder.Configuration);
builder.Services.AddBus(builder.Configuration);
builder.Services.AddWarRoomAccess(builder.Configuration);
builder.Services.AddWarRoomRateLimits(builder.Configuration);
builder.Services.AddLiveMetrics(builder.Configuration);
builder.Services.AddBoardHistory();
builder.Services.AddDemo(builder.Configuration);
builder.Services.AddTrafficRouting(builder.Configuration);
builder.Services.AddBuiltInTrafficRouter();
builder.Services.AddDashboardHealthChecks(builder.Configuration);
builder.Services.AddRollouts(builder.Configuration);
builder.Services.AddReasons();
builder.Services.AddTrafficDrift(builder.Configuration);
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddAuditCheckpoints();
builder.Services.AddCheckpoints(builder.Configuration);
builder.Services.AddSummaries();
builder.Services.AddIncidents();
builder.Services.AddSignOffs();
builder.Services.AddMonitoring(builder.Configuration);
builder.Services.AddGuardrails(builder.Configuration);
builder.Services.AddAccessAdmin();
builder.Services.AddShifts(builder.Configuration);
builder.Services.AddShiftReview();

var app = builder.Build();

if (StartupConfigurationCheck.FindProblems(app.Services) is { } problems)
{
    Console.Error.WriteLine($"Configuration error: {problems}");
    return 2;
}

// The state store's schema comes from the checked-in migrations; idempotent and safe for two instances.
await app.Services.GetRequiredService<StateStoreMigrator>().MigrateAsync();

// Nobody can sign in yet: create the admin from configuration, or print a one-time set-up link.
if (await app.Services.GetRequiredService<FirstRunSetup>().PrepareAsync() is { } setupPath)
{
    app.Lifetime.ApplicationStarted.Register(() => FirstRunSetup.Announce(app, setupPath));
}

app.UseProxyHeaders();
app.UseSerilogRequestLogging();
app.UseSecurityHeaders();
app.UseSecureCookies();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestBodyLimits();
app.UseAuthentication();
app.UseCrossSiteRequestRefusal();
app.UseWarRoomRateLimits();
app.UseAuthorization();
app.UseOperationGate();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapOpenApi();

app.MapAccountEndpoints();
app.MapDashboardHealth();
app.MapMetricsEndpoints();
app.MapLiveMetrics();
app.MapDemoEndpoints();
app.MapRolloutEndpoints();
app.MapTrafficDriftEndpoints();
app.MapNotificationEndpoints();
app.MapCheckpointEndpoints();
app.MapSummaryEndpoints();
app.MapIncidentEndpoints();
app.MapSignOffEndpoints();
app.MapHealthCheckEndpoints();
app.MapGuardrailEndpoints();
app.MapAccessAdminEndpoints();
app.MapShiftEndpoints();
app.MapShiftReviewEndpoints();
// Pages say who may open them ([Authorize], /warroom also kiosk screens); the circuit's hub takes anyone who may open a page.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(AccessPolicies.Screen);

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the app.</summary>
public partial class Program;
