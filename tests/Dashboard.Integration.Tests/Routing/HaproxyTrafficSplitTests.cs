namespace Dashboard.Integration.Tests.Routing;

/// <summary>The real loop: the router sets weights in a real HAProxy and requests through it follow.</summary>
[Collection(HaproxyCollection.Name)]
public sealed class HaproxyTrafficSplitTests(HaproxyFixture fixture)
{
    private const int Requests = 2_000;

    public static TheoryData<string> RuntimeApis => ["unix", "tcp"];

    [Theory]
    [MemberData(nameof(RuntimeApis))]
    public async Task ApplyAsync_TenPercent_SendsAboutTenPercentOfRequestsToTheCanary(string transport)
    {
        var router = HaproxyFixture.CreateRouter(RuntimeApi(transport));

        var readBack = await router.ApplyAsync(10);
        var canary = await fixture.CountCanaryAnswersAsync(Requests);

        Assert.True(readBack.IsExactly(10), $"read back {readBack}");

        // Tolerance: if each request went to the canary independently with p = 0.1, the count would be
        // binomial with mean 200 and σ = √(2000 · 0.1 · 0.9) ≈ 13.4; 3.5σ ≈ 47 leaves a false-failure
        // chance below 1 in 2,000. HAProxy's weighted round robin is deterministic and smoother than
        // that (each cycle of 100 picks holds exactly 10 canary picks, so it lands within a few of
        // 200), which makes the binomial bound generous yet still far from 0 % or 20 %.
        Assert.InRange(canary, 200 - 47, 200 + 47);
    }

    [Fact]
    public async Task ApplyAsync_Zero_SendsNoRequestToTheCanary()
    {
        var router = HaproxyFixture.CreateRouter(fixture.Haproxy.UnixRuntimeApi);
        await router.ApplyAsync(50);

        var readBack = await router.ApplyAsync(0);
        var canary = await fixture.CountCanaryAnswersAsync(Requests);

        Assert.True(readBack.IsExactly(0), $"read back {readBack}");
        Assert.Equal(0, canary);
    }

    [Fact]
    public async Task ApplyAsync_Hundred_SendsEveryRequestToTheCanary()
    {
        var router = HaproxyFixture.CreateRouter(fixture.Haproxy.TcpRuntimeApi);
        await router.ApplyAsync(0);

        var readBack = await router.ApplyAsync(100);
        var canary = await fixture.CountCanaryAnswersAsync(Requests);

        Assert.True(readBack.IsExactly(100), $"read back {readBack}");
        Assert.Equal(Requests, canary);
    }

    private string RuntimeApi(string transport) =>
        transport == "unix" ? fixture.Haproxy.UnixRuntimeApi : fixture.Haproxy.TcpRuntimeApi;
}
