using System.Globalization;
using Dashboard.Infrastructure.Influx;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

/// <summary>
/// Writes the demo's recent history when InfluxDB lacks it, so the 1 h and 6 h charts of a fresh
/// install are not empty. History is written at the live interval, like a real service writes
/// (the chart's requests-per-second assume points every <c>Metrics:PointInterval</c>), for at most
/// the newest <see cref="MaxSteps"/> intervals of the window (2 h at 5 s); it starts after the
/// newest demo point already stored, so a restart fills only the gap.
/// </summary>
public sealed partial class DemoHistoryBackfill(
    IInfluxClient client,
    DemoTrafficSource source,
    IOptions<DemoOptions> options,
    ILogger<DemoHistoryBackfill> logger)
{
    /// <summary>Upper bound of history steps, whatever the window.</summary>
    public const int MaxSteps = 1440;

    private const int StepsPerWrite = 60;

    /// <summary>
    /// Fills the configured window before <paramref name="until"/> (exclusive) where the demo has no
    /// data yet; returns the number of points written. Throws when InfluxDB fails, so the caller can
    /// try again later.
    /// </summary>
    public async Task<int> RunAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var step = options.Value.Interval;
        var window = TimeSpan.FromHours(options.Value.BackfillHours);
        if (window <= TimeSpan.Zero)
        {
            return 0;
        }

        if (window > MaxSteps * step)
        {
            window = MaxSteps * step;
        }

        var newest = await NewestPointAsync(until - window, until, cancellationToken).ConfigureAwait(false);
        var first = AlignUp(newest is { } stored ? stored + step : until - window, step);
        var steps = (int)Math.Min(MaxSteps, Math.Max(0, Math.Ceiling((until - first) / step)));
        if (steps == 0)
        {
            return 0;
        }

        var written = 0;
        var batch = new List<InfluxPoint>();
        for (var i = 0; i < steps; i++)
        {
            batch.AddRange(source.History(first + (i * step), step));
            if (batch.Count > 0 && ((i + 1) % StepsPerWrite == 0 || i == steps - 1))
            {
                await client.WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                written += batch.Count;
                batch = [];
            }
        }

        LogBackfilled(logger, written, steps, step.TotalSeconds, first, first + ((steps - 1) * step));
        return written;
    }

    private async Task<DateTimeOffset?> NewestPointAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"SELECT last(\"count\") FROM \"{DemoInfluxPoints.Requests}\" WHERE \"service\" = {InfluxQl.StringLiteral(options.Value.Service)} AND time >= {Rfc3339(from)} AND time < {Rfc3339(until)}");
        var results = await client.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        var result = results.Count > 0 ? results[0] : null;
        if (result?.Error is { } error)
        {
            throw new InfluxException($"InfluxDB refused the demo's history query: {error}", null, error);
        }

        var series = result?.Series.FirstOrDefault(s => s.Values.Count > 0);
        return series?.GetTime(0);
    }

    private static DateTimeOffset AlignUp(DateTimeOffset at, TimeSpan step)
    {
        var remainder = at.ToUnixTimeMilliseconds() % (long)step.TotalMilliseconds;
        return remainder == 0 ? at : at.AddMilliseconds(step.TotalMilliseconds - remainder);
    }

    private static string Rfc3339(DateTimeOffset at) =>
        InfluxQl.StringLiteral(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history backfilled: {Points} points in {Steps} steps of {StepSeconds} s from {From:o} to {To:o}")]
    private static partial void LogBackfilled(ILogger logger, int points, int steps, double stepSeconds, DateTimeOffset from, DateTimeOffset to);
}
