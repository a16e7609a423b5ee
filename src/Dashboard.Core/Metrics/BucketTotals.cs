namespace Dashboard.Core.Metrics;

/// <summary>The totals of one cohort (tag value as stored) inside one chart bucket starting at <paramref name="Bucket"/>.</summary>
public sealed record BucketTotals(string Cohort, DateTimeOffset Bucket, WindowTotals Totals);
