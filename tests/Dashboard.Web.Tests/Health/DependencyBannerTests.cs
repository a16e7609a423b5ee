using Dashboard.Web.Features.Health;
using Dashboard.Web.Features.Health.Components;
using Dashboard.Web.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Tests.Health;

/// <summary>
/// The page-wide banner on the real <see cref="DependencyWatch"/> and the app's check name for the state store: an
/// unreachable PostgreSQL (or SQLite file) shows on the page without a reload, and goes once it answers again.
/// </summary>
public sealed class DependencyBannerTests
{
    [Fact]
    public async Task StateStoreUnreachable_TheBannerSaysSoAndWhatItMeans_AndGoesOnceItAnswersAgain()
    {
        var stateStore = new SwitchableCheck();
        await using var host = new AppTestHost(addServices: services => services.AddHealthChecks().AddCheck("stateStore", stateStore));
        var watch = host.Get<DependencyWatch>();
        var banner = host.Context.Render<DependencyBanner>();

        await watch.StartAsync(CancellationToken.None);

        banner.WaitForAssertion(() =>
        {
            var problem = banner.Find("[data-testid=dependency-problem][data-check=stateStore]").TextContent;
            Assert.Contains("State store unreachable", problem, StringComparison.Ordinal);
            Assert.Contains("nothing can be saved", problem, StringComparison.Ordinal);
        });
        stateStore.Answers = true;
        host.Clock.Advance(DependencyWatch.Interval);
        banner.WaitForAssertion(() => Assert.Empty(banner.FindAll("[data-testid=dependency-banner]")));
        await watch.StopAsync(CancellationToken.None);
    }

    /// <summary>A state store check that fails until told to answer.</summary>
    private sealed class SwitchableCheck : IHealthCheck
    {
        public bool Answers { get; set; }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(Answers ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Failed to connect to 127.0.0.1:5432"));
    }
}
