namespace Dashboard.SampleService;

/// <summary>The sample service's identity and behaviour, bound from the <c>Sample</c> section.</summary>
public sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary><c>baseline</c> or <c>canary</c>: the cohort tag of the points this instance writes.</summary>
    public string Cohort { get; set; } = "baseline";

    public string Version { get; set; } = "v2.9.4";

    public string Service { get; set; } = "ultra-fast-analyzer";

    /// <summary>Share of requests answered with 500, in percent (0–100).</summary>
    public double ErrorRatePct { get; set; }

    /// <summary>Median of the simulated latency (log-normal), in milliseconds.</summary>
    public double LatencyMedianMs { get; set; } = 40;

    /// <summary>
    /// σ of the log-normal latency: 0 gives exactly the median every time; 0.5 puts the 99th
    /// percentile at about 3.2 × the median.
    /// </summary>
    public double LatencySpread { get; set; } = 0.4;

    /// <summary>Comma-separated segment tag values a request may name; unnamed requests get a random one.</summary>
    public string Segments { get; set; } = "A,B,C";

    /// <summary>Comma-separated region tag values a request may name; unnamed requests get a random one.</summary>
    public string Regions { get; set; } = "us-east,us-west,eu";

    /// <summary>How often the aggregated requests are written (docs/schema.md: points every 5 s per series).</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The parsed <see cref="Segments"/>.</summary>
    public IReadOnlyList<string> SegmentList => TagList.Parse(Segments);

    /// <summary>The parsed <see cref="Regions"/>.</summary>
    public IReadOnlyList<string> RegionList => TagList.Parse(Regions);
}
