using Microsoft.Extensions.Options;

namespace Dashboard.Infrastructure.Metrics;

/// <summary>Checks the <c>Metrics</c> section at start-up; each failure names its key.</summary>
public sealed class MetricsSchemaOptionsValidator : IValidateOptions<MetricsSchemaOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsSchemaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        if (options.GaugeBucket < TimeSpan.FromSeconds(1) || options.GaugeBucket > TimeSpan.FromHours(1)
            || options.GaugeBucket.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add("Metrics:GaugeBucket must be a whole number of seconds between 00:00:01 and 01:00:00");
        }

        if (options.PointInterval < TimeSpan.FromSeconds(1) || options.PointInterval > TimeSpan.FromHours(1)
            || options.PointInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            failures.Add("Metrics:PointInterval must be a whole number of seconds between 00:00:01 and 01:00:00");
        }

        if (options.TornReadBackoff < TimeSpan.FromMilliseconds(1) || options.TornReadBackoff > TimeSpan.FromSeconds(5))
        {
            failures.Add("Metrics:TornReadBackoff must be between 00:00:00.001 and 00:00:05");
        }

        if (options.ChartMinimumRequests is < 1 or > 100_000)
        {
            failures.Add("Metrics:ChartMinimumRequests must be a whole number from 1 to 100000");
        }

        if (options.ChartMinimumProbes is < 1 or > 100_000)
        {
            failures.Add("Metrics:ChartMinimumProbes must be a whole number from 1 to 100000");
        }

        if (options.Service is { Length: > 0 } service && string.IsNullOrWhiteSpace(service))
        {
            failures.Add("Metrics:Service must be empty or a service tag value, not blanks");
        }

        if (options.Service?.Contains('\r', StringComparison.Ordinal) == true)
        {
            failures.Add(CarriageReturn("Metrics:Service"));
        }

        var tags = options.Tags;
        RequireNames(failures, "Metrics:Tags", "tag key", [("Service", tags.Service), ("Cohort", tags.Cohort), ("Segment", tags.Segment), ("Region", tags.Region)]);
        var grouping = new[] { tags.Cohort, tags.Segment, tags.Region };
        if (grouping.Distinct(StringComparer.Ordinal).Count() != grouping.Length)
        {
            failures.Add("Metrics:Tags:Cohort, Metrics:Tags:Segment and Metrics:Tags:Region must be three different tag keys");
        }

        var measurements = options.Measurements;
        RequireNames(failures, "Metrics:Measurements", "measurement",
        [
            ("Requests", measurements.Requests), ("Probes", measurements.Probes), ("Learners", measurements.Learners),
            ("Business", measurements.Business), ("Resources", measurements.Resources),
        ]);

        var fields = options.Fields;
        RequireNames(failures, "Metrics:Fields", "field",
        [
            ("Count", fields.Count), ("Errors", fields.Errors), ("ProbesOk", fields.ProbesOk), ("ProbesTotal", fields.ProbesTotal),
            ("ActiveLearners", fields.ActiveLearners), ("Revenue", fields.Revenue), ("Sessions", fields.Sessions),
            ("Completions", fields.Completions), ("Churned", fields.Churned), ("CpuPct", fields.CpuPct),
            ("MemoryMb", fields.MemoryMb), ("CacheHits", fields.CacheHits), ("CacheMisses", fields.CacheMisses),
        ]);

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireNames(List<string> failures, string section, string kind, (string Key, string? Value)[] names)
    {
        foreach (var (key, value) in names)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                failures.Add($"{section}:{key} must name an InfluxDB {kind}");
            }
            else if (value.Contains('\r', StringComparison.Ordinal))
            {
                failures.Add(CarriageReturn($"{section}:{key}"));
            }
        }
    }

    // InfluxDB 1.x cannot carry a carriage return inside a quoted name or literal, so it could never be queried.
    private static string CarriageReturn(string key) => $"{key} must not contain a carriage return";
}
