using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.TrafficDrift;

/// <summary>Fails start-up with a message naming <c>Routing:DriftCheckInterval</c> or <c>Routing:UnsettledChangeGrace</c>.</summary>
public sealed class TrafficDriftOptionsValidator : IValidateOptions<TrafficDriftOptions>
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, TrafficDriftOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A day is far more than anyone wants between checks, and keeps the timer within its limits.
        var failures = new List<string>();
        if (options.DriftCheckInterval <= TimeSpan.Zero || options.DriftCheckInterval > Longest)
        {
            failures.Add($"{TrafficDriftOptions.SectionName}:{nameof(TrafficDriftOptions.DriftCheckInterval)} must be a positive time span (hh:mm:ss) of at most one day, got {options.DriftCheckInterval}");
        }

        if (options.UnsettledChangeGrace <= TimeSpan.Zero || options.UnsettledChangeGrace > Longest)
        {
            failures.Add($"{TrafficDriftOptions.SectionName}:{nameof(TrafficDriftOptions.UnsettledChangeGrace)} must be a positive time span (hh:mm:ss) of at most one day, got {options.UnsettledChangeGrace}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
