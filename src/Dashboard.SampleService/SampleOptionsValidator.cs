using Microsoft.Extensions.Options;

namespace Dashboard.SampleService;

/// <summary>Fails start-up with messages that name the offending <c>Sample:*</c> key.</summary>
public sealed class SampleOptionsValidator : IValidateOptions<SampleOptions>
{
    /// <summary>A higher σ makes nearly every request either instant or a timeout, which teaches nothing.</summary>
    public const double MaxLatencySpread = 3;

    /// <summary>Simulated latencies are capped here, so one request never holds a connection for long.</summary>
    public const double MaxLatencyMedianMs = 10_000;

    public ValidateOptionsResult Validate(string? name, SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        const string Section = SampleOptions.SectionName;

        if (options.Cohort is not ("baseline" or "canary"))
        {
            failures.Add($"{Section}:Cohort must be baseline or canary, not '{options.Cohort}'");
        }

        RequireTagValue(failures, "Version", options.Version);
        RequireTagValue(failures, "Service", options.Service);

        if (!(options.ErrorRatePct is >= 0 and <= 100))
        {
            failures.Add($"{Section}:ErrorRatePct must be between 0 and 100");
        }

        if (!(options.LatencyMedianMs is >= 0 and <= MaxLatencyMedianMs))
        {
            failures.Add($"{Section}:LatencyMedianMs must be between 0 and {MaxLatencyMedianMs:0} ms");
        }

        if (!(options.LatencySpread is >= 0 and <= MaxLatencySpread))
        {
            failures.Add($"{Section}:LatencySpread must be between 0 and {MaxLatencySpread:0} (σ of a log-normal)");
        }

        RequireTagList(failures, "Segments", options.SegmentList);
        RequireTagList(failures, "Regions", options.RegionList);

        if (options.ReportInterval < TimeSpan.FromMilliseconds(100) || options.ReportInterval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:ReportInterval must be between 00:00:00.1 and 00:05:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireTagValue(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{SampleOptions.SectionName}:{key} must not be empty");
        }
        else if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            failures.Add($"{SampleOptions.SectionName}:{key} must not contain line breaks");
        }
    }

    private static void RequireTagList(List<string> failures, string key, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            failures.Add($"{SampleOptions.SectionName}:{key} must name at least one value (comma-separated)");
        }
        else if (values.Distinct(StringComparer.Ordinal).Count() != values.Count)
        {
            failures.Add($"{SampleOptions.SectionName}:{key} must not name a value twice");
        }
        else if (values.Any(value => value.AsSpan().IndexOfAny('\r', '\n') >= 0))
        {
            failures.Add($"{SampleOptions.SectionName}:{key} must not contain line breaks");
        }
    }
}
