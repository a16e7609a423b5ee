using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dashboard.Integration.Tests.Influx;

[Collection(InfluxCollection.Name)]
public sealed class InfluxWriteBufferTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public async Task Buffer_ServerDown_StaysWithinCapacityDropsOldestAndDeliversTheRestOnceUp()
    {
        await using var forwarder = new TcpForwarder(fixture.Url);
        var database = await fixture.CreateDatabaseAsync("buffer");
        var options = InfluxClients.Options(forwarder.Url, database, o =>
        {
            o.WriteBufferCapacity = 100;
            o.WriteBatchSize = 10;
            o.FlushInterval = TimeSpan.FromMilliseconds(50);
            o.MaxRetries = 0;
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(100);
        });
        var (buffer, flusher) = Create(options);
        await flusher.StartAsync(CancellationToken.None);

        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(buffer.TryEnqueue(Point(i)));
            Assert.InRange(buffer.Count, 0, 100);
        }

        var dropped = buffer.DroppedCount;
        Assert.InRange(dropped, 5_000 - 100 - 10, 5_000 - 100);

        forwarder.Start();
        var expected = 5_000 - dropped;
        await Eventually.UntilAsync(() => flusher.WrittenCount >= expected, TimeSpan.FromSeconds(30), $"{expected} points written");
        await flusher.StopAsync(CancellationToken.None);

        var series = Assert.Single(Assert.Single(await InfluxClients.Create(fixture.Url, database).QueryAsync("SELECT count(v), max(v) FROM m")).Series);
        Assert.Equal(expected, series.Values[0][1]);
        Assert.Equal(4_999L, series.Values[0][2]);
        Assert.Equal(expected, flusher.WrittenCount);
    }

    [Fact]
    public async Task Buffer_FewPoints_AreFlushedAfterTheIntervalWithoutFillingABatch()
    {
        var database = await fixture.CreateDatabaseAsync("buffer");
        var (buffer, flusher) = Create(InfluxClients.Options(fixture.Url, database, o => o.FlushInterval = TimeSpan.FromMilliseconds(100)));
        await flusher.StartAsync(CancellationToken.None);

        buffer.TryEnqueue(Point(1));
        buffer.TryEnqueue(Point(2));
        await Eventually.UntilAsync(() => flusher.WrittenCount == 2, TimeSpan.FromSeconds(30), "two points written");
        await flusher.StopAsync(CancellationToken.None);

        Assert.Equal(0, buffer.DroppedCount);
        Assert.Equal(2, Assert.Single(Assert.Single(await InfluxClients.Create(fixture.Url, database).QueryAsync("SELECT v FROM m")).Series).Values.Count);
    }

    [Fact]
    public async Task Buffer_Stop_WritesWhatIsStillQueued()
    {
        var database = await fixture.CreateDatabaseAsync("buffer");
        var (buffer, flusher) = Create(InfluxClients.Options(fixture.Url, database, o => o.FlushInterval = TimeSpan.FromMinutes(5)));
        await flusher.StartAsync(CancellationToken.None);
        for (var i = 0; i < 250; i++)
        {
            buffer.TryEnqueue(Point(i));
        }

        await flusher.StopAsync(CancellationToken.None);

        Assert.False(buffer.TryEnqueue(Point(999)));
        var series = Assert.Single(Assert.Single(await InfluxClients.Create(fixture.Url, database).QueryAsync("SELECT count(v) FROM m")).Series);
        Assert.Equal(250L, series.Values[0][1]);
    }

    [Fact]
    public void Buffer_PointWithoutFields_IsRefusedNamingTheMeasurement()
    {
        var (buffer, _) = Create(InfluxClients.Options(fixture.Url, "db"));

        var error = Assert.Throws<ArgumentException>(() => buffer.TryEnqueue(new InfluxPoint("requests", At).Tag("cohort", "canary")));

        Assert.Contains("'requests' has no fields", error.Message, StringComparison.Ordinal);
    }

    private static (InfluxWriteBuffer Buffer, InfluxWriteBufferFlusher Flusher) Create(InfluxOptions options)
    {
        var wrapped = Options.Create(options);
        var buffer = new InfluxWriteBuffer(wrapped, NullLogger<InfluxWriteBuffer>.Instance, TimeProvider.System);
        var flusher = new InfluxWriteBufferFlusher(buffer, InfluxClients.Create(options), wrapped, NullLogger<InfluxWriteBufferFlusher>.Instance, TimeProvider.System);
        return (buffer, flusher);
    }

    private static InfluxPoint Point(int i) => new InfluxPoint("m", At.AddSeconds(i)).Field("v", (long)i);
}
