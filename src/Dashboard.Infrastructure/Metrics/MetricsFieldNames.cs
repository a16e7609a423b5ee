namespace Dashboard.Infrastructure.Metrics;

/// <summary>
/// The fields of docs/schema.md (configuration section <c>Metrics:Fields</c>). The latency-histogram
/// fields <c>le_10</c> … <c>le_inf</c> are fixed, because their names carry the bucket bounds.
/// </summary>
public sealed class MetricsFieldNames
{
    public string Count { get; set; } = "count";
    public string Errors { get; set; } = "errors";
    public string ProbesOk { get; set; } = "ok";
    public string ProbesTotal { get; set; } = "total";
    public string ActiveLearners { get; set; } = "active";
    public string Revenue { get; set; } = "revenue";
    public string Sessions { get; set; } = "sessions";
    public string Completions { get; set; } = "completions";
    public string Churned { get; set; } = "churned";
    public string CpuPct { get; set; } = "cpu_pct";
    public string MemoryMb { get; set; } = "mem_mb";
    public string CacheHits { get; set; } = "cache_hits";
    public string CacheMisses { get; set; } = "cache_misses";
}
