using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Influx;

/// <summary>Retry, Retry-After and 413 splitting, on a stub for the status codes influxd never sends.</summary>
public sealed class InfluxRetryTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);

    [Fact]
    public async Task Write_503WithRetryAfter_WaitsThatLongAndSucceeds()
    {
        await using var stub = new StatusStubServer((n, _) => n == 1 ? new StubAnswer(503, """{"error":"busy"}""", "7") : StubAnswer.NoContent);
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(stub.Url, "db", o => o.MaxRetryDelay = TimeSpan.FromMinutes(1), time);

        await client.WriteAsync([Point(0)]);

        Assert.Equal([TimeSpan.FromSeconds(7)], time.Delays);
        Assert.Equal(2, stub.Bodies.Count);
        Assert.Equal(stub.Bodies[0], stub.Bodies[1]);
    }

    [Fact]
    public async Task Query_429WithRetryAfterDate_WaitsUntilThenAndSucceeds()
    {
        var time = new DelayRecordingTimeProvider();
        var retryAt = time.GetUtcNow().AddSeconds(30).ToString("R");
        await using var stub = new StatusStubServer((n, _) => n == 1
            ? new StubAnswer(429, """{"error":"slow down"}""", retryAt)
            : new StubAnswer(200, """{"results":[{"statement_id":0}]}"""));
        var client = InfluxClients.Create(stub.Url, "db", o => o.MaxRetryDelay = TimeSpan.FromMinutes(1), time);

        var results = await client.QueryAsync("SHOW DATABASES");

        Assert.Single(results);
        var delay = Assert.Single(time.Delays);
        Assert.InRange(delay, TimeSpan.FromSeconds(25), TimeSpan.FromSeconds(31));
    }

    [Fact]
    public async Task Write_Always429_GivesUpAfterMaxRetriesAsUnavailable()
    {
        await using var stub = new StatusStubServer((_, _) => new StubAnswer(429, """{"error":"rate limited"}"""));
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(stub.Url, "db", o => o.MaxRetries = 3, time);

        var error = await Assert.ThrowsAsync<InfluxUnavailableException>(() => client.WriteAsync([Point(0)]));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal("rate limited", error.ServerMessage);
        Assert.Equal(4, stub.Bodies.Count);
        Assert.Equal(3, time.Delays.Count);
    }

    [Fact]
    public async Task Write_Always503_ThrowsServerErrorWithItsMessageAndBackoffGrows()
    {
        await using var stub = new StatusStubServer((_, _) => new StubAnswer(503, """{"error":"shutting down"}"""));
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(stub.Url, "db", o =>
        {
            o.MaxRetries = 3;
            o.RetryBaseDelay = TimeSpan.FromSeconds(1);
            o.MaxRetryDelay = TimeSpan.FromSeconds(60);
        }, time);

        var error = await Assert.ThrowsAsync<InfluxServerErrorException>(() => client.WriteAsync([Point(0)]));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal("shutting down", error.ServerMessage);
        Assert.Collection(
            time.Delays,
            d => Assert.InRange(d.TotalSeconds, 0.5, 1),
            d => Assert.InRange(d.TotalSeconds, 1, 2),
            d => Assert.InRange(d.TotalSeconds, 2, 4));
    }

    [Fact]
    public async Task Write_413ForBigBodies_SplitsIntoHalvesUntilTheyFit()
    {
        await using var stub = new StatusStubServer((_, body) => LineCount(body) > 2
            ? new StubAnswer(413, """{"error":"Request Entity Too Large"}""")
            : StubAnswer.NoContent);
        var time = new DelayRecordingTimeProvider();
        var client = InfluxClients.Create(stub.Url, "db", timeProvider: time);

        await client.WriteAsync([.. Enumerable.Range(0, 7).Select(Point)]);

        var accepted = stub.Bodies.Where(b => LineCount(b) <= 2).SelectMany(b => b.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(7, accepted.Count);
        Assert.Equal(7, accepted.Distinct().Count());
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task Write_413ForASinglePoint_ThrowsRequestTooLarge()
    {
        await using var stub = new StatusStubServer((_, _) => new StubAnswer(413, """{"error":"Request Entity Too Large"}"""));
        var client = InfluxClients.Create(stub.Url, "db");

        var error = await Assert.ThrowsAsync<InfluxRequestTooLargeException>(() => client.WriteAsync([Point(0), Point(1)]));

        Assert.Equal(413, error.StatusCode);
        Assert.Equal(3, stub.Bodies.Count);
    }

    private static InfluxPoint Point(int i) => new InfluxPoint("m", At.AddSeconds(i)).Field("v", (long)i);

    private static int LineCount(string body) => body.Count(c => c == '\n');
}
