using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Demo;

/// <summary>Checks the <c>Demo</c> section at start-up; every message names its key.</summary>
public sealed class DemoOptionsValidator : IValidateOptions<DemoOptions>
{
    /// <summary>The longest history the charts show (36 h) bounds the backfill.</summary>
    public const double MaxBackfillHours = 36;

    public ValidateOptionsResult Validate(string? name, DemoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = DemoOptions.SectionName;

        if (options.Interval <= TimeSpan.Zero)
        {
            failures.Add($"{section}:Interval must be positive");
        }
        else if (options.Interval > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{section}:Interval must be at most 00:05:00 (the dashboard expects points every few seconds)");
        }

        RequireText(failures, $"{section}:Service", options.Service);
        RequireText(failures, $"{section}:BaselineVersion", options.BaselineVersion);
        RequireText(failures, $"{section}:CanaryVersion", options.CanaryVersion);
        if (!string.IsNullOrWhiteSpace(options.BaselineVersion) && options.BaselineVersion == options.CanaryVersion)
        {
            failures.Add($"{section}:CanaryVersion must differ from {section}:BaselineVersion");
        }

        RequireDistinctNames(failures, $"{section}:Segments", options.EffectiveSegments);
        RequireDistinctNames(failures, $"{section}:Regions", options.EffectiveRegions);

        if (!(options.TotalRps > 0) || double.IsInfinity(options.TotalRps) || options.TotalRps > 1_000_000)
        {
            failures.Add($"{section}:TotalRps must be greater than 0 and at most 1000000");
        }

        if (!(options.ProbesPerSecond is >= 0.01 and <= 100_000))
        {
            failures.Add($"{section}:ProbesPerSecond must be within 0.01..100000");
        }

        if (options.ActiveLearners is < 0 or > 100_000_000)
        {
            failures.Add($"{section}:ActiveLearners must be within 0..100000000");
        }

        if (!(options.CanaryWeightPercent is >= 0 and <= 100))
        {
            failures.Add($"{section}:CanaryWeightPercent must be within 0..100");
        }

        if (!(options.BackfillHours is >= 0 and <= MaxBackfillHours))
        {
            failures.Add($"{section}:BackfillHours must be within 0..{MaxBackfillHours}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequireText(List<string> failures, string key, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} must not be empty");
        }
    }

    private static void RequireDistinctNames(List<string> failures, string key, IReadOnlyList<string> names)
    {
        // An empty list cannot happen: without configured names the defaults apply.
        if (names.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{key} must not contain empty names");
        }
        else if (names.Distinct(StringComparer.Ordinal).Count() != names.Count)
        {
            failures.Add($"{key} must not contain duplicates");
        }
    }
}
