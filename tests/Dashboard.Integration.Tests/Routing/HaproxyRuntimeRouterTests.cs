using Dashboard.Core.Routing;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Routing;

/// <summary>The router against a real HAProxy's runtime API: read-back, drift and HAProxy's own errors.</summary>
[Collection(HaproxyCollection.Name)]
public sealed class HaproxyRuntimeRouterTests(HaproxyFixture fixture)
{
    public static TheoryData<string, int> TransportsAndPercents => new()
    {
        { "unix", 0 }, { "unix", 1 }, { "unix", 37 }, { "unix", 100 },
        { "tcp", 0 }, { "tcp", 10 }, { "tcp", 99 }, { "tcp", 100 },
    };

    [Theory]
    [MemberData(nameof(TransportsAndPercents))]
    public async Task ApplyAsync_AnyPercent_ReadsBackExactlyTheRequestedWeights(string transport, int percent)
    {
        var router = HaproxyFixture.CreateRouter(transport == "unix" ? fixture.Haproxy.UnixRuntimeApi : fixture.Haproxy.TcpRuntimeApi);
        await router.ApplyAsync(percent == 50 ? 0 : 50);

        var readBack = await router.ApplyAsync(percent);

        Assert.Equal(new TrafficWeights(percent, 100 - percent), readBack);
        Assert.True(readBack.IsExactly(percent));
        Assert.Equal($"{percent} (initial 0)", (await fixture.Haproxy.SendCommandAsync("get weight analyzer/canary")).Trim());
    }

    [Fact]
    public async Task ReadAsync_AfterAChangeBehindTheRoutersBack_ReportsHaproxysActualWeights()
    {
        var router = HaproxyFixture.CreateRouter(fixture.Haproxy.TcpRuntimeApi);
        await router.ApplyAsync(10);

        // An operator with socat, not the app: this is the drift the app must notice at start-up.
        Assert.Equal("\n", await fixture.Haproxy.SendCommandAsync("set server analyzer/canary weight 40"));
        Assert.Equal("\n", await fixture.Haproxy.SendCommandAsync("set server analyzer/baseline weight 120"));
        var actual = await router.ReadAsync();

        Assert.Equal(new TrafficWeights(40, 120), actual);
        Assert.Equal(25, actual.CanaryPercent);
        Assert.False(actual.IsExactly(10));
    }

    [Fact]
    public async Task ApplyAsync_UnknownCanaryServer_ThrowsWithHaproxysMessage()
    {
        var router = HaproxyFixture.CreateRouter(fixture.Haproxy.UnixRuntimeApi, o => o.CanaryServer = "candidate");

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => router.ApplyAsync(10));

        Assert.Equal("No such server.", error.RouterMessage);
        Assert.Contains("analyzer/candidate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_UnknownBackend_ThrowsWithHaproxysMessage()
    {
        var router = HaproxyFixture.CreateRouter(fixture.Haproxy.TcpRuntimeApi, o => o.Backend = "payments");

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => router.ReadAsync());

        Assert.Equal("No such backend.", error.RouterMessage);
    }

    [Fact]
    public async Task ApplyAsync_SocketBelowAdminLevel_ThrowsPermissionDeniedAndChangesNothing()
    {
        var admin = HaproxyFixture.CreateRouter(fixture.Haproxy.UnixRuntimeApi);
        await admin.ApplyAsync(5);
        var operatorLevel = HaproxyFixture.CreateRouter(fixture.Haproxy.OperatorRuntimeApi);

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => operatorLevel.ApplyAsync(60));

        Assert.Equal("Permission denied", error.RouterMessage);
        Assert.True((await operatorLevel.ReadAsync()).IsExactly(5));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task ApplyAsync_OutsideZeroToHundred_ThrowsBeforeSendingAnything(int percent)
    {
        var router = HaproxyFixture.CreateRouter(fixture.Haproxy.UnixRuntimeApi);
        await router.ApplyAsync(7);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => router.ApplyAsync(percent));

        Assert.True((await router.ReadAsync()).IsExactly(7));
    }

    [Fact]
    public async Task ReadAsync_SocketFileMissing_ThrowsTrafficRouterException()
    {
        var router = HaproxyFixture.CreateRouter($"unix:{Path.Combine(Path.GetTempPath(), $"no-haproxy-{Guid.NewGuid():N}.sock")}");

        var error = await Assert.ThrowsAsync<TrafficRouterException>(() => router.ReadAsync());

        Assert.Contains("Cannot talk to HAProxy's runtime API", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NothingListensOnTheTcpPort_ThrowsTrafficRouterException()
    {
        var router = HaproxyFixture.CreateRouter($"tcp:127.0.0.1:{FreePort.Next()}");

        await Assert.ThrowsAsync<TrafficRouterException>(() => router.ReadAsync());
    }
}
