using Dashboard.Core.Routing;

namespace Dashboard.Integration.Tests.Routing;

/// <summary>What a real HAProxy cannot be made to do on demand: order of commands, garbage, silence.</summary>
public sealed class HaproxyRuntimeRouterProtocolTests
{
    [Fact]
    public async Task ApplyAsync_CanaryShareRising_SetsTheCanaryBeforeLoweringTheBaseline()
    {
        await using var api = ScriptedRuntimeApi.WithWeights(canary: 0, baseline: 100);
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi);

        await router.ApplyAsync(100);

        // In between HAProxy runs canary 100 / baseline 100 (50 %), never canary 0 / baseline 0 or a
        // canary share above the requested one.
        Assert.Equal(
            ["set server analyzer/canary weight 100", "set server analyzer/baseline weight 0"],
            api.Commands.Where(c => c.StartsWith("set ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ApplyAsync_CanaryShareFalling_RaisesTheBaselineBeforeLoweringTheCanary()
    {
        await using var api = ScriptedRuntimeApi.WithWeights(canary: 100, baseline: 0);
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi);

        await router.ApplyAsync(0);

        // Setting the canary to 0 first would leave no server with weight (503s) until the second command.
        Assert.Equal(
            ["set server analyzer/baseline weight 100", "set server analyzer/canary weight 0"],
            api.Commands.Where(c => c.StartsWith("set ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ApplyAsync_ReadBackDiffersFromRequest_ReturnsWhatWasReadBack()
    {
        // A HAProxy that accepts the sets but keeps other weights (e.g. a second admin racing us).
        await using var api = ScriptedRuntimeApi.WithWeights(canary: 3, baseline: 97);
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi);

        var readBack = await router.ApplyAsync(10);

        Assert.Equal(new TrafficWeights(3, 97), readBack);
        Assert.False(readBack.IsExactly(10));
    }

    [Fact]
    public async Task ApplyAsync_SecondSetRefused_SaysTheFirstIsAlreadyLive()
    {
        await using var api = new ScriptedRuntimeApi(command => command switch
        {
            "get weight analyzer/baseline" => "100 (initial 100)\n\n",
            "set server analyzer/canary weight 10" => "\n",
            _ => "No such server.\n\n",
        });
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi);

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => router.ApplyAsync(10));

        Assert.Equal("No such server.", error.RouterMessage);
        Assert.Contains("already runs analyzer/canary at weight 10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten (initial 100)\n\n")]
    [InlineData("300 (initial 100)\n\n")]
    [InlineData("<html>not haproxy</html>")]
    public async Task ReadAsync_MalformedAnswer_ThrowsTrafficRouterException(string answer)
    {
        await using var api = new ScriptedRuntimeApi(_ => answer);
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi);

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => router.ReadAsync());

        Assert.Contains("get weight analyzer/canary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_SocketThatNeverAnswers_ThrowsAfterTheConfiguredTimeout()
    {
        await using var api = new ScriptedRuntimeApi(_ => null);
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => router.ReadAsync());

        Assert.Contains("did not answer 'get weight analyzer/canary' within 0.3 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CallerCancels_ThrowsOperationCanceled()
    {
        await using var api = new ScriptedRuntimeApi(_ => null);
        var router = HaproxyFixture.CreateRouter(api.RuntimeApi, o => o.Timeout = TimeSpan.FromMinutes(1));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => router.ReadAsync(cancellation.Token));
    }
}
