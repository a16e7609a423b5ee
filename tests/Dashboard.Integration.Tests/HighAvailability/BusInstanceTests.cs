using System.Collections.Concurrent;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.HighAvailability;

/// <summary>The bus between two instances (<c>RedisInstanceBus</c>) on a real redis-server, including its outages.</summary>
[Collection(InfluxPostgresRedisCollection.Name)]
public sealed class BusInstanceTests(InfluxServerFixture influx, RedisServerFixture redis)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Publish_OnOneInstance_ReachesTheOtherAndNeverItself()
    {
        await using var a = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, "unused", holdsLease: true);
        await using var b = await BusNode.StartAsync(redis.Server.Configuration, influx.Url, "unused", holdsLease: false);
        var heardByA = Listen(a);
        var heardByB = Listen(b);

        a.InstanceBus.Publish("test", "a", "from A");
        await Eventually.UntilAsync(() => heardByB.Contains("from A"), Within, "B to hear A", () => string.Join(", ", heardByB));
        b.InstanceBus.Publish("test", "b", "from B");
        await Eventually.UntilAsync(() => heardByA.Contains("from B"), Within, "A to hear B", () => string.Join(", ", heardByA));

        // Redis delivers in order: A's own message reached A before B's, so had A heard itself it would be here by now.
        Assert.DoesNotContain("from A", heardByA);
    }

    [Fact]
    public async Task Publish_WhileRedisIsDown_ArrivesOnceRedisIsBackAndTheBusGoesOnWithoutARestart()
    {
        await using var own = await RedisServer.StartAsync();
        await using var a = await BusNode.StartAsync(own.Configuration, influx.Url, "unused", holdsLease: true);
        await using var b = await BusNode.StartAsync(own.Configuration, influx.Url, "unused", holdsLease: false);
        var heardByB = Listen(b);
        a.InstanceBus.Publish("test", "first", "before");
        await Eventually.UntilAsync(() => heardByB.Contains("before"), Within, "B to hear A before the outage", () => string.Join(", ", heardByB));

        await own.StopAsync();
        await Eventually.UntilAsync(() => !a.Bus.IsConnected && !b.Bus.IsConnected, Within, "both to see Redis down");
        a.InstanceBus.Publish("test", "second", "during");
        await own.RestartAsync();

        await Eventually.UntilAsync(() => heardByB.Contains("during"), Within, "B to hear what A published during the outage", () => string.Join(", ", heardByB));
        a.InstanceBus.Publish("test", "third", "after");
        await Eventually.UntilAsync(() => heardByB.Contains("after"), Within, "B to hear A after the outage", () => string.Join(", ", heardByB));
    }

    [Fact]
    public async Task Start_WhileRedisIsDown_StartsAndConnectsOnceRedisAnswers()
    {
        await using var own = await RedisServer.StartAsync();
        await own.StopAsync();
        await using var a = await BusNode.StartAsync(own.Configuration, influx.Url, "unused", holdsLease: true);
        await using var b = await BusNode.StartAsync(own.Configuration, influx.Url, "unused", holdsLease: false);
        var heardByB = Listen(b);
        a.InstanceBus.Publish("test", "k", "saved while Redis was down");
        Assert.False(a.Bus.IsConnected);

        await own.RestartAsync();

        await Eventually.UntilAsync(() => heardByB.Contains("saved while Redis was down"), Within, "B to hear A once Redis answers", () => string.Join(", ", heardByB));
    }

    private static ConcurrentQueue<string> Listen(BusNode node)
    {
        var heard = new ConcurrentQueue<string>();
        node.InstanceBus.Subscribe<string>("test", heard.Enqueue);
        return heard;
    }
}
