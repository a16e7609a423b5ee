using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Integration.Tests.Metrics;

/// <summary>
/// One <c>requests</c> point of <see cref="Requests"/> slow requests (all in (500, 1000] ms) written in
/// two halves, as a writer that is slow between its fields leaves it. InfluxDB 1.x merges the fields
/// written apart to the same series and timestamp, so between the writes a read sees the count, the
/// errors and <c>le_10</c> … <c>le_500</c>, but not yet <c>le_1000</c> and <c>le_inf</c>.
/// </summary>
internal static class HalfWrittenPoint
{
    public const long Requests = 100;

    private const int FirstSlowBucket = 7;

    /// <summary>Adds the first half's fields to <paramref name="point"/> (a measurement, tags and time).</summary>
    public static InfluxPoint FirstHalf(InfluxPoint point, long errors)
    {
        point.Field("count", Requests).Field("errors", errors);
        foreach (var bucket in LatencyHistogram.FieldNames.Take(FirstSlowBucket))
        {
            point.Field(bucket, 0L);
        }

        return point;
    }

    /// <summary>Adds the second half's fields to <paramref name="point"/> (the same measurement, tags and time).</summary>
    public static InfluxPoint SecondHalf(InfluxPoint point)
    {
        foreach (var bucket in LatencyHistogram.FieldNames.Skip(FirstSlowBucket))
        {
            point.Field(bucket, Requests);
        }

        return point;
    }
}
