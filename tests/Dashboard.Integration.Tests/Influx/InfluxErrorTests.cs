using System.Net;
using System.Net.Sockets;
using Dashboard.Infrastructure.Influx;
using Dashboard.Integration.Tests.TestSupport;
using Dashboard.TestSupport;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>How influxd 1.6.7's refusals and an unreachable server surface as typed exceptions.</summary>
[Collection(InfluxCollection.Name)]
public sealed class InfluxErrorTests(InfluxServerFixture fixture)
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public async Task Write_FieldTypeConflictInBatch_ThrowsPartialWriteAndKeepsTheGoodPoints()
    {
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(fixture.Url, await fixture.CreateDatabaseAsync("errors"), timeProvider: time);
        await client.WriteAsync([new InfluxPoint("m", At).Field("f", 1.5)]);

        var error = await Assert.ThrowsAsync<InfluxPartialWriteException>(() => client.WriteAsync(
        [
            new InfluxPoint("m", At.AddSeconds(1)).Field("f", 2L),
            new InfluxPoint("m", At.AddSeconds(2)).Field("f", 3.0),
        ]));

        Assert.Equal(400, error.StatusCode);
        Assert.Contains("field type conflict", error.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(1, error.DroppedPoints);
        Assert.Empty(time.Delays);
        var series = Assert.Single(Assert.Single(await client.QueryAsync("SELECT f FROM m")).Series);
        Assert.Equal([At, At.AddSeconds(2)], Enumerable.Range(0, series.Values.Count).Select(series.GetTime));
    }

    [Fact]
    public async Task Write_MissingDatabaseWithoutAutoCreate_ThrowsDatabaseNotFoundWithoutRetrying()
    {
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(fixture.Url, $"missing_{Guid.NewGuid():N}", o => o.CreateDatabaseIfMissing = false, time);

        var error = await Assert.ThrowsAsync<InfluxDatabaseNotFoundException>(() => client.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]));

        Assert.Equal(404, error.StatusCode);
        Assert.Contains("database not found", error.ServerMessage, StringComparison.Ordinal);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Write_MissingDatabase_IsCreatedAndTheWriteGoesThrough()
    {
        var database = $"created_{Guid.NewGuid():N}";
        var client = InfluxClients.Create(fixture.Url, database);

        await client.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]);

        var series = Assert.Single(Assert.Single(await client.QueryAsync("SELECT v FROM m")).Series);
        Assert.Equal(1L, series.Values[0][1]);
    }

    [Fact]
    public async Task EnsureDatabase_CalledTwice_IsIdempotent()
    {
        var database = $"ensured_{Guid.NewGuid():N}";
        var client = InfluxClients.Create(fixture.Url, database);

        await client.EnsureDatabaseAsync();
        await client.EnsureDatabaseAsync();

        var databases = Assert.Single(Assert.Single(await client.QueryAsync("SHOW DATABASES")).Series);
        Assert.Single(databases.Values, row => Equals(row[0], database));
    }

    [Fact]
    public async Task Write_UnknownRetentionPolicy_ThrowsNotFoundWithoutRetrying()
    {
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(fixture.Url, await fixture.CreateDatabaseAsync("errors"), o => o.RetentionPolicy = "no_such_rp", time);

        var error = await Assert.ThrowsAsync<InfluxDatabaseNotFoundException>(() => client.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]));

        Assert.Contains("retention policy not found", error.ServerMessage, StringComparison.Ordinal);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Query_ParseError_IsNotRetried()
    {
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(fixture.Url, await fixture.CreateDatabaseAsync("errors"), timeProvider: time);

        await Assert.ThrowsAsync<InfluxBadRequestException>(() => client.QueryAsync("SELECT FROM"));

        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Write_NothingListening_ThrowsUnavailableAfterMaxRetries()
    {
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}"), "db", o => o.MaxRetries = 3, time);

        var error = await Assert.ThrowsAsync<InfluxUnavailableException>(() => client.WriteAsync([new InfluxPoint("m", At).Field("v", 1L)]));

        Assert.Null(error.StatusCode);
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, time.Delays.Count);
    }

    [Fact]
    public async Task Query_ServerNeverAnswers_TimesOutAsUnavailable()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}");
        var client = InfluxClients.Create(url, "db", o => { o.Timeout = TimeSpan.FromMilliseconds(300); o.MaxRetries = 0; });

        var error = await Assert.ThrowsAsync<InfluxUnavailableException>(() => client.QueryAsync("SHOW DATABASES"));

        Assert.Contains("timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_CallerCancels_ThrowsOperationCanceled()
    {
        var client = InfluxClients.Create(fixture.Url, await fixture.CreateDatabaseAsync("errors"));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.QueryAsync("SHOW DATABASES", cancelled.Token));
    }

    [Fact]
    public async Task Ping_RunningServer_ReturnsRoundTripTime()
    {
        var client = InfluxClients.Create(fixture.Url, "db");

        Assert.True(await client.PingAsync() >= TimeSpan.Zero);
    }

    [Fact]
    public async Task Ping_NothingListening_ThrowsUnavailable()
    {
        var client = InfluxClients.Create(new Uri($"http://127.0.0.1:{FreePort.Next()}"), "db");

        await Assert.ThrowsAsync<InfluxUnavailableException>(() => client.PingAsync());
    }
}
