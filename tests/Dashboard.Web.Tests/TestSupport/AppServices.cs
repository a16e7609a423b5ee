using Dashboard.Core.Routing;
using Dashboard.Infrastructure.Persistence;
using Dashboard.Web.Features.Access;
using Dashboard.Web.Features.Guardrails;
using Dashboard.Web.Features.Health;
using Dashboard.Web.Features.Incidents;
using Dashboard.Web.Features.Reasons;
using Dashboard.Web.Features.Rollouts;
using Dashboard.Web.Features.Shifts;
using Dashboard.Web.Features.SignOffs;
using Dashboard.Web.Features.TrafficDrift;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.TestSupport;

/// <summary>
/// The app's general services as the app registers them, for <see cref="AppTestHost"/>: the state store on the
/// given connection string, access, rollouts, incidents, sign-offs, the drift monitor and the banners every layout
/// carries. Nothing opens the store until a test or a component uses it.
/// </summary>
internal static class AppServices
{
    public static IServiceCollection AddAppServices(this IServiceCollection services, string connectionString, ITrafficRouter router)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StateStore:ConnectionString"] = connectionString,
                ["Plans:Folder"] = string.Empty,
            })
            .Build();
        services.AddLogging();
        services.AddSingleton(router);
        services.AddStateStore(configuration);
        services.AddAccessAuthorization();
        services.AddRollouts(configuration);
        // Why a rollout is held or ended: the rollout page and the war room both say it.
        services.AddReasons();
        // The war-room page carries the open-incidents banner.
        services.AddIncidents();
        // And the sign-off gate (read-only there, with buttons on the rollout page).
        services.AddSignOffs();
        // The monitor alone: the watcher is a hosted service; tests call CheckAsync themselves.
        services.AddSingleton<TrafficDriftRecorder>();
        services.AddSingleton<TrafficDriftMonitor>();

        // The layouts also carry the time-scale banner; real time unless a test says otherwise.
        services.AddOptions<RolloutClockOptions>();

        // The app bar and the war room show who is on call; the overdue watcher is a hosted service, never started here.
        services.AddShifts(configuration);

        // And the guardrail alert banner, with nothing polled.
        services.AddSingleton<GuardrailStatusBoard>();

        // And the unreachable-dependency banner of both layouts; its watch is a hosted service, never started here.
        services.AddHealthChecks();
        services.AddSingleton<DependencyWatch>();
        return services;
    }
}
