using Dashboard.Integration.Tests.Routing;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.SampleService.Load;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.SampleService;

/// <summary>
/// The real-traffic demo's loop: the load generator sends through a real HAProxy to two sample
/// services, the router sets the canary weight, and the split the services write to InfluxDB follows.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class SampleServiceTrafficSplitTests(InfluxServerFixture fixture)
{
    [Fact]
    public async Task LoadThroughHaproxy_CanaryAtTenPercent_WritesAboutTenPercentOfTheCountAsCanary()
    {
        var database = await fixture.CreateDatabaseAsync("split");
        var profile = new Dictionary<string, string?> { ["LatencyMedianMs"] = "0" };
        await using var baseline = await SampleServiceHost.StartAsync(fixture.Url, database, new Dictionary<string, string?>(profile) { ["Cohort"] = "baseline" });
        await using var canary = await SampleServiceHost.StartAsync(fixture.Url, database, new Dictionary<string, string?>(profile) { ["Cohort"] = "canary", ["Version"] = "v3" });
        await using var haproxy = await HaproxyServer.StartAsync(baseline.Port, canary.Port, baselineWeight: 99, canaryWeight: 1);
        var router = HaproxyFixture.CreateRouter(haproxy.TcpRuntimeApi);
        await router.ApplyAsync(10);

        // 400 requests/s for 5 s: the generator stops by itself; under load it may skip some, so the
        // assertion is on the share of what the services counted, not on an exact total.
        var options = LoadGeneratorOptions.Default with
        {
            Target = new Uri(haproxy.FrontendUrl, "/analyze"),
            RequestsPerSecond = 400,
            Duration = TimeSpan.FromSeconds(5),
        };
        using var stop = new CancellationTokenSource(options.Duration);
        using var output = new StringWriter();
        await LoadGeneratorCommand.RunAsync(options, output, TimeProvider.System, stop.Token);
        await baseline.StopAsync();
        await canary.StopAsync();

        var byCohort = (await RequestsReadBack.ReadAsync(fixture.Url, database, "cohort")).ToDictionary(s => s.Tags["cohort"], s => s.Count);
        var total = byCohort.GetValueOrDefault("baseline") + byCohort.GetValueOrDefault("canary");
        var canaryCount = byCohort.GetValueOrDefault("canary");

        Assert.True(total >= 1_000, $"only {total} requests were counted; load output:\n{output}");

        // Binomial bound as in HaproxyTrafficSplitTests: mean 0.1·n, 3.5σ either side. HAProxy's
        // weighted round robin is smoother than that, yet 0 % and 20 % stay far outside.
        var sigma = Math.Sqrt(total * 0.1 * 0.9);
        Assert.InRange(canaryCount, (long)((total * 0.1) - (3.5 * sigma)), (long)Math.Ceiling((total * 0.1) + (3.5 * sigma)));
    }
}
