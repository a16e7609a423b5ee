using Dashboard.Core.Demo;
using Dashboard.Core.Metrics;
using Dashboard.Infrastructure.Influx;

namespace Dashboard.Web.Features.Demo;

/// <summary>Writes traffic samples as the five measurements of docs/schema.md, integers as integers.</summary>
internal static class DemoInfluxPoints
{
    public const string Requests = "requests";
    public const string Probes = "probes";
    public const string Learners = "learners";
    public const string Business = "business";
    public const string Resources = "resources";

    public static List<InfluxPoint> From(IReadOnlyList<TrafficSample> samples, DateTimeOffset at, DemoOptions options)
    {
        var points = new List<InfluxPoint>(samples.Count * 5);
        foreach (var sample in samples)
        {
            var version = sample.Cohort == Cohort.Canary ? options.CanaryVersion : options.BaselineVersion;
            InfluxPoint Point(string measurement) => new InfluxPoint(measurement, at)
                .Tag("service", options.Service)
                .Tag("cohort", sample.Cohort.ToTag())
                .Tag("version", version)
                .Tag("segment", sample.Segment)
                .Tag("region", sample.Region);

            var requests = Point(Requests)
                .Field("count", sample.Requests)
                .Field("errors", sample.Errors);
            for (var i = 0; i < LatencyHistogram.FieldNames.Count; i++)
            {
                requests.Field(LatencyHistogram.FieldNames[i], sample.Latency.Cumulative[i]);
            }

            points.Add(requests);
            points.Add(Point(Probes)
                .Field("ok", sample.ProbesOk)
                .Field("total", sample.ProbesTotal));
            points.Add(Point(Learners)
                .Field("active", sample.ActiveLearners));
            points.Add(Point(Business)
                .Field("revenue", sample.Revenue)
                .Field("sessions", sample.Sessions)
                .Field("completions", sample.Completions)
                .Field("churned", sample.Churned));
            points.Add(Point(Resources)
                .Field("cpu_pct", sample.CpuPct)
                .Field("mem_mb", sample.MemMb)
                .Field("net_mbps", sample.NetMbps)
                .Field("db_query_ms", sample.DbQueryMs)
                .Field("cache_hits", sample.CacheHits)
                .Field("cache_misses", sample.CacheMisses));
        }

        return points;
    }
}
