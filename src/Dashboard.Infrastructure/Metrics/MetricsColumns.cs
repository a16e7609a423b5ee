namespace Dashboard.Infrastructure.Metrics;

/// <summary>
/// The aliases the metric statements give their aggregates, so results are read by name
/// whatever the configured field names are.
/// </summary>
internal static class MetricsColumns
{
    public const string Requests = "requests";
    public const string Errors = "errors";
    public const string ProbesOk = "probes_ok";
    public const string ProbesTotal = "probes_total";
    public const string Revenue = "revenue";
    public const string Sessions = "sessions";
    public const string Completions = "completions";
    public const string Churned = "churned";
    public const string CpuPctSum = "cpu_pct_sum";
    public const string CpuPctSamples = "cpu_pct_samples";
    public const string MemoryMbSum = "mem_mb_sum";
    public const string MemoryMbSamples = "mem_mb_samples";
    public const string CacheHits = "cache_hits";
    public const string CacheMisses = "cache_misses";
    public const string ActiveLearners = "active";
    public const string LearnerPoints = "learner_points";
    public const string Newest = "newest";
}
