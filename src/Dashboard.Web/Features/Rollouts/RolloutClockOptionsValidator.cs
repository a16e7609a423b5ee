using Microsoft.Extensions.Options;

namespace Dashboard.Web.Features.Rollouts;

/// <summary>Checks <c>Rollout:TimeScale</c> at start-up.</summary>
public sealed class RolloutClockOptionsValidator : IValidateOptions<RolloutClockOptions>
{
    public const double MaxTimeScale = 86_400;

    public static readonly TimeSpan MaxSettleDelay = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, RolloutClockOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.TimeScale is not (>= 1 and <= MaxTimeScale))
        {
            failures.Add($"{RolloutClockOptions.SectionName}:TimeScale must be within 1..{MaxTimeScale:0} (1 = real time; 60 runs an hour in a minute)");
        }

        if (options.CheckpointSettleDelay < TimeSpan.Zero || options.CheckpointSettleDelay > MaxSettleDelay)
        {
            failures.Add($"{RolloutClockOptions.SectionName}:CheckpointSettleDelay must be within 00:00:00..00:05:00");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
