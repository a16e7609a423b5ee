using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.LiveMetrics;

/// <summary>Rejects settings the poller cannot work with, naming the key.</summary>
public sealed class LiveMetricsOptionsValidator : IValidateOptions<LiveMetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, LiveMetricsOptions options)
    {
        var failures = new List<string>();
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{LiveMetricsOptions.Section}:PollInterval must be positive (was {options.PollInterval}).");
        }

        if (options.StaleGrace < TimeSpan.FromSeconds(1) || options.StaleGrace > TimeSpan.FromHours(1))
        {
            failures.Add($"{LiveMetricsOptions.Section}:StaleGrace must be between 00:00:01 and 01:00:00 (was {options.StaleGrace}).");
        }

        if (options.SnapshotWindow < TimeSpan.FromSeconds(10) || options.SnapshotWindow > TimeSpan.FromHours(36))
        {
            failures.Add($"{LiveMetricsOptions.Section}:SnapshotWindow must be between 00:00:10 and 1.12:00:00 (was {options.SnapshotWindow}).");
        }

        if (options.ChartPoints is < 10 or > 5000)
        {
            failures.Add($"{LiveMetricsOptions.Section}:ChartPoints must be between 10 and 5000 (was {options.ChartPoints}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
