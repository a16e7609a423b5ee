using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Options;

namespace Dashboard.SampleService;

/// <summary>
/// Every <see cref="SampleOptions.ReportInterval"/>, turns the aggregated requests into
/// <c>requests</c> points (docs/schema.md, integers as integers) stamped with the interval's end, and
/// queues them in the <see cref="InfluxWriteBuffer"/>. On shutdown the last partial interval is
/// queued too; this service is registered after <c>AddInflux</c>, so it stops before the flusher drains.
/// </summary>
public sealed class RequestsPointWriter(
    RequestAggregator aggregator,
    InfluxWriteBuffer buffer,
    IOptions<SampleOptions> options,
    TimeProvider timeProvider) : BackgroundService
{
    public const string Measurement = "requests";

    private readonly SampleOptions _options = options.Value;
    private DateTimeOffset _lastStamp = DateTimeOffset.MinValue;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        Flush();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.ReportInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                Flush();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // StopAsync writes what is left.
        }
    }

    private void Flush()
    {
        var tallies = aggregator.Drain();
        if (tallies.Count == 0)
        {
            return;
        }

        // Two flushes in the same millisecond (the last tick and shutdown) must not overwrite each
        // other's points: InfluxDB keeps one point per series and timestamp.
        var at = timeProvider.GetUtcNow();
        if (at <= _lastStamp)
        {
            at = _lastStamp.AddMilliseconds(1);
        }

        _lastStamp = at;
        foreach (var tally in tallies)
        {
            var point = new InfluxPoint(Measurement, at)
                .Tag("service", _options.Service)
                .Tag("cohort", _options.Cohort)
                .Tag("version", _options.Version)
                .Tag("segment", tally.Segment)
                .Tag("region", tally.Region)
                .Field("count", tally.Count)
                .Field("errors", tally.Errors);
            for (var i = 0; i < LatencyHistogram.FieldNames.Count; i++)
            {
                point.Field(LatencyHistogram.FieldNames[i], tally.CumulativeBuckets[i]);
            }

            buffer.TryEnqueue(point);
        }
    }
}
