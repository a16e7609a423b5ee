using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Checkpoints;

/// <summary>Checks the <c>Scheduler</c> section at start-up; each problem names its key.</summary>
public sealed class SchedulerClusterOptionsValidator : IValidateOptions<SchedulerClusterOptions>
{
    public ValidateOptionsResult Validate(string? name, SchedulerClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.CheckinInterval < TimeSpan.FromSeconds(1) || options.CheckinInterval > TimeSpan.FromMinutes(5))
        {
            problems.Add($"{SchedulerClusterOptions.Section}:CheckinInterval must be within 00:00:01..00:05:00 (e.g. 00:00:05)");
        }

        // A threshold below the interval takes a live instance that is merely between check-ins for dead, and its
        // running jobs would be recovered (run again) by another instance.
        if (options.CheckinMisfireThreshold < options.CheckinInterval || options.CheckinMisfireThreshold > TimeSpan.FromMinutes(10))
        {
            problems.Add($"{SchedulerClusterOptions.Section}:CheckinMisfireThreshold must be at least Scheduler:CheckinInterval and at most 00:10:00 (e.g. 00:00:10)");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
